// The piecewise log-normal distribution with its tails: exactness at the published points,
// monotonicity, round trips, tails, top-coded rows and metro scaling.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "salary/distribution.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {
const std::array<double, 5> kNational = {79850, 103050, 133080, 169000, 211450};  // BLS 15-1252, May 2024
Distribution national() { return Distribution::from_points(kNational).value(); }
}  // namespace

TEST_CASE("normal quantile inverts the normal CDF") {
  for (double p : {1e-9, 0.001, 0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 0.999, 1 - 1e-9})
    CHECK(normal_cdf(normal_quantile(p)) == doctest::Approx(p).epsilon(1e-12));
  CHECK(normal_quantile(0.5) == doctest::Approx(0).epsilon(1e-15));
  CHECK(normal_quantile(0.9) == doctest::Approx(1.2815515655446004).epsilon(1e-14));
}

TEST_CASE("published points come back exactly") {
  Distribution d = national();
  for (size_t i = 0; i < 5; ++i) {
    CHECK(d.percentile_of(kNational[i]) == doctest::Approx(kPercentiles[i]).epsilon(1e-12));
    CHECK(d.salary_at(kPercentiles[i]) == doctest::Approx(kNational[i]).epsilon(1e-12));
  }
}

TEST_CASE("percentile is strictly increasing in salary, and stays in (0, 100)") {
  Distribution d = national();
  double previous = d.percentile_of(0);
  CHECK(previous == 0);
  for (double salary = 1000; salary <= 2e6; salary *= 1.01) {
    double p = d.percentile_of(salary);
    CHECK(p > previous);
    CHECK(p < 100);
    previous = p;
  }
}

TEST_CASE("round trips: salary → percentile → salary within $1, and back within 0.01 points") {
  Distribution d = national();
  for (double salary = 20000; salary <= 1.5e6; salary *= 1.037)
    CHECK(std::abs(d.salary_at(d.percentile_of(salary)) - salary) < 1.0);
  for (double p = 0.5; p < 99.95; p += 0.25)
    CHECK(std::abs(d.percentile_of(d.salary_at(p)) - p) < 0.01);
}

TEST_CASE("tails: log-normal below p10, Pareto above p90") {
  Distribution d = national();
  SUBCASE("lower tail continues the p10–p25 segment") {
    double z10 = normal_quantile(0.10), z25 = normal_quantile(0.25);
    double slope = (std::log(103050) - std::log(79850)) / (z25 - z10);
    double z5 = normal_quantile(0.05);
    CHECK(d.salary_at(5) == doctest::Approx(std::exp(std::log(79850) + slope * (z5 - z10))));
  }
  SUBCASE("upper tail: survival falls as a power of salary") {
    double alpha = std::log(2.5) / std::log(211450.0 / 169000.0);
    CHECK(d.pareto_alpha() == doctest::Approx(alpha));
    CHECK(100 - d.percentile_of(2 * 211450) == doctest::Approx(10 * std::pow(2.0, -alpha)));
    CHECK(d.salary_at(99) == doctest::Approx(211450 * std::pow(0.1, -1 / alpha)));
  }
}

TEST_CASE("from_points rejects bad points") {
  CHECK_FALSE(Distribution::from_points({1, 2, 2, 3, 4}).ok());
  CHECK_FALSE(Distribution::from_points({0, 2, 3, 4, 5}).ok());
  CHECK_FALSE(Distribution::from_points({1, 2, 3, 4, NAN}).ok());
}

TEST_CASE("area distributions from the shipped dataset") {
  const Dataset& data = test::shipped();

  SUBCASE("national row as published") {
    auto d = area_distribution(data, "15-1252", "US");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kPublished);
    CHECK(d->distribution.points() == kNational);
    CHECK(d->sources == std::vector<std::string>{"bls-oews-2024"});
  }
  SUBCASE("top-coded p90 (California) is estimated, never below the top code") {
    auto d = area_distribution(data, "15-1252", "CA");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kTopCodedEstimate);
    CHECK(d->estimated[4]);
    CHECK_FALSE(d->estimated[3]);
    CHECK(d->distribution.points()[3] == 212280);
    CHECK(d->distribution.points()[4] >= 239200);
    // extrapolated along the p50–p75 line: 212,280 × (212,280 / 170,910)^((z90 − z75)/(z75 − z50))
    double z50 = 0, z75 = normal_quantile(0.75), z90 = normal_quantile(0.9);
    double expected = 212280 * std::pow(212280.0 / 170910.0, (z90 - z75) / (z75 - z50));
    CHECK(d->distribution.points()[4] == doctest::Approx(expected));
    CHECK(d->notes.size() == 1);
  }
  SUBCASE("a metro is the national curve scaled by the article's figure over the national mean") {
    auto d = area_distribution(data, "15-1252", "41940");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kMetroScaled);
    CHECK(d->distribution.points()[2] == doctest::Approx(133080 * 180000.0 / 144570.0));
    CHECK(d->sources.front() == "seed-002");
    auto boston = area_distribution(data, "15-1252", "14460");  // renamed by BEA since the article
    REQUIRE(boston.ok());
    CHECK(boston->notes.back() == "The article quotes this figure for \"Boston-Cambridge-Nashua, MA-NH\".");
  }
  SUBCASE("errors") {
    CHECK(area_distribution(data, "99-9999", "US").error().code == "unknown_occupation");
    CHECK(area_distribution(data, "15-1252", "ZZ").error().code == "unknown_area");
    auto region = area_distribution(data, "15-1252", "western-europe");
    CHECK(region.error().code == "range_only");
    CHECK(region.error().message.find("$55,000–$80,000") != std::string::npos);
    CHECK(area_distribution(data, "15-1252", "10180").error().code == "no_data");  // Abilene: no wage figure
    CHECK(area_distribution(data, "15-1254", "41940").error().code == "no_data");  // metros only for 15-1252
    auto gap = area_distribution(data, "15-1253", "AK");
    CHECK(gap.error().code == "no_data");
    CHECK(gap.error().message.find("Alaska") != std::string::npos);
  }
}

// ---- regressions found by tests/fuzz (scripts/fuzz) ----

TEST_CASE("normal_quantile and salary_at stay finite for the smallest percentiles") {
  // Below p ≈ 1e-309 the refinement step overflowed (inf / inf = NaN); at p = 0 (a percentile
  // whose / 100 underflows) the approximation itself was NaN.
  CHECK(std::isfinite(normal_quantile(std::numeric_limits<double>::denorm_min())));
  CHECK(normal_quantile(1e-310) < normal_quantile(1e-300));
  CHECK(normal_quantile(0) == -HUGE_VAL);
  Distribution d = national();
  for (double p : {std::numeric_limits<double>::denorm_min(), 1e-320, 1e-300}) {
    double w = d.salary_at(p);
    CHECK(std::isfinite(w));
    CHECK(w >= 0);
    CHECK(w < d.salary_at(1e-10));
  }
}

TEST_CASE("from_points refuses points too close for their logarithms to differ") {
  // 100000 and the next double share a logarithm: the segment between them divided by 0 and
  // percentile_of returned NaN.
  double a = 100000, b = std::nextafter(a, 1e9);
  CHECK_FALSE(Distribution::from_points({a, b, 2e5, 3e5, 4e5}).ok());
  CHECK_FALSE(Distribution::from_points({1e5, 2e5, 3e5, a * 4, std::nextafter(a * 4, 1e9)}).ok());
}

TEST_CASE("scaling out of range is an error, not a crash, and a metro reports it") {
  // Distribution::scaled called from_points(...).value(): scaled points that overflow, underflow
  // or round together threw std::bad_variant_access (std::terminate natively, abort in wasm).
  Distribution d = Distribution::from_points({1, 2, 3, 4, 5}).value();
  CHECK_FALSE(d.scaled(1e308).ok());  // the upper points overflow to inf
  CHECK(d.scaled(1e300)->points()[0] == 1e300);
  Distribution small = Distribution::from_points({0.1, 0.2, 0.3, 0.4, 0.5}).value();
  CHECK_FALSE(small.scaled(std::numeric_limits<double>::denorm_min()).ok());  // underflows to 0

  // A dataset whose national row starts in the subnormals: scaled by 1 / 1e8 for the metro, p10
  // and p25 become 0.
  auto doc = nlohmann::ordered_json::parse(test::read_file(SALARY_DATA_PATH));
  doc["occupations"]["15-1252"]["areas"]["US"]["p10"] = 1e-320;
  doc["occupations"]["15-1252"]["areas"]["US"]["p25"] = 2e-320;
  doc["metro_wages"]["national_reference"]["value"] = 1e8;
  doc["metro_wages"]["metros"]["41940"]["value"] = 1;
  auto data = load_dataset(doc.dump());
  REQUIRE(data.ok());
  REQUIRE(area_distribution(data.value(), "15-1252", "US").ok());
  auto metro = area_distribution(data.value(), "15-1252", "41940");
  REQUIRE_FALSE(metro.ok());
  CHECK(metro.error().code == "no_data");
  CHECK(metro.error().message.find("out of range") != std::string::npos);
}

TEST_CASE("percentile_of never reaches 100, even in the steepest shipped tail") {
  // 15-2051 in Utah: α = 47, so the share above $400k is below 1e-16 and 100 * (1 - share) rounded
  // to 100, which salary_at (and the API's salaryAt) refuse.
  auto d = area_distribution(test::shipped(), "15-2051", "UT");
  REQUIRE(d.ok());
  CHECK(d->distribution.pareto_alpha() > 40);
  double p = d->distribution.percentile_of(1e9);
  CHECK(p < 100);
  CHECK(p > 99.999);
  CHECK(std::isfinite(d->distribution.salary_at(p)));
}

TEST_CASE("the Pareto tail is 0.10 · (w / p90)^-α, computed as exp(−α ln(w / p90)) to within an ulp") {
  // percentile_of takes the power through log and exp (cheaper than pow in the wasm build); the
  // curve must stay the model's, also in the steepest shipped tail (α = 47, 15-2051 in Utah).
  auto utah = area_distribution(test::shipped(), "15-2051", "UT");
  REQUIRE(utah.ok());
  for (const Distribution& d : {national(), utah->distribution}) {
    double p90 = d.points()[4], alpha = d.pareto_alpha();
    for (double salary = p90; salary < 2e9; salary *= 1.013) {
      double expected = std::min(100 * (1 - 0.10 * std::pow(salary / p90, -alpha)), std::nextafter(100.0, 0.0));
      CHECK(d.percentile_of(salary) == doctest::Approx(expected).epsilon(1e-15));
    }
  }
}
