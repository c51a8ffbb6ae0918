// The distribution model (distribution.hpp): exactness at the published points, monotonicity,
// round trips, a case worked by hand, the tails, the mean fit, the shape (continuous density,
// only the peaks the published points force), transforms, top-coded rows and metro scaling.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "salary/distribution.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {
// BLS OEWS May 2025, 15-1252 Software Developers, national (oews_national_selected_M2025.csv).
const std::array<double, 5> kNational = {82460, 105210, 135980, 171980, 214670};
const double kNationalMean = 148100;
Distribution national() { return Distribution::from_points(kNational, kNationalMean).value(); }
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

TEST_CASE("a curve worked by hand: three knots, no mean") {
  // Knots p10 = $50,000, p25 = $60,000, p50 = $75,000. Average densities (share per dollar):
  //   a0 = 0.10 / 50,000 = 2e-6 (below p10), a1 = 0.15 / 10,000 = 1.5e-5, a2 = 0.25 / 15,000 = 1.66667e-5.
  // Ranges, 5 % kept clear of each end (the tails' far ends: γ >= 1.1, α >= 1.25):
  //   f0 in [2.2e-6, 1.435e-5], f1 in [1.50833e-5, 1.65833e-5], f2 in [7.16667e-6, 1.61667e-5].
  // Rules: f0 = a0·ln(0.25/0.10)/ln(60/50) = 2e-6 × 5.025685 = 1.005137e-5; f2 = (0.5/75,000) ×
  //   ln(0.75/0.5)/ln(75/60) = 6.66667e-6 × 1.817059 = 1.211373e-5 (so α = 1.817059).
  // The p10–p25 piece is monotone (a0 < a1 < a2), the p25–p50 one a bump (a2 > a1 and > 0).
  // Least squares: f0 = (2a1 − f1 + rule0) / 2 and f1 = 2a1 − f0, clamped: f1 hits its top,
  //   1.658333e-5, so f0 = (3e-5 − 1.658333e-5 + 1.005137e-5) / 2 = 1.173402e-5.
  // p10–p25 piece: share = (a1 − f0)/(f1 − f0) = 0.673493 > ½, so f(t) = f1 − (f1 − f0)(1 − t)ᵏ,
  //   k = 0.673493 / 0.326507 = 2.062725, and its mass to t is f1·t − (f1 − f0)(1 − (1 − t)^(k+1))/(k+1).
  Distribution d = Distribution::fit({{10, 50000}, {25, 60000}, {50, 75000}}).value();
  // $55,000: t = ½, 0.5^3.062725 = 0.119694; mass = 8.291667e-6 − 4.849315e-6 × 0.880306 / 3.062725
  //   = 6.897829e-6; percentile = 10 + 100 × 10,000 × 6.897829e-6 = 16.897829.
  CHECK(d.percentile_of(55000) == doctest::Approx(16.897829).epsilon(1e-7));
  // Below p10, γ = f0 / a0 = 5.867009: $40,000 is 10 × 0.8^5.867009 = 2.700400.
  CHECK(d.percentile_of(40000) == doctest::Approx(2.700400).epsilon(1e-6));
  CHECK(d.tails().gamma == doctest::Approx(5.867009).epsilon(1e-6));
  // Above p50, Pareto (β = 0): $100,000 is 100 × (1 − 0.5 × (4/3)^−1.817059) = 70.355175.
  CHECK(d.tails().beta == 0);
  CHECK(d.percentile_of(100000) == doctest::Approx(70.355175).epsilon(1e-7));
  // The bump: c = a2 − (f1 + f2)/2 = 2.318198e-6; at t = ½ the density is 1.434853e-5 + 6c/4
  //   = 1.782573e-5 per dollar ($67,500).
  CHECK(d.density(67500) == doctest::Approx(1.782573e-5).epsilon(1e-6));
  // The mean, part by part: lower tail 50,000 × 0.1 × γ/(γ+1) = 4,271.88; p10–p25 piece
  //   10,000 × (50,000 a1 + 10,000 (f1/2 − (f1 − f0)/((k+1)(k+2)))) = 8,290.19; the bump
  //   15,000 × (60,000 a2 + 15,000 (f1/6 + f2/3 + c/2)) = 16,791.19; the tail 0.5 × 75,000 × α/(α−1)
  //   = 83,396.29. Total 112,749.56.
  CHECK(d.mean() == doctest::Approx(112749.56).epsilon(1e-6));
  CHECK(d.partial_integral(0, 0.10) == doctest::Approx(4271.88).epsilon(1e-6));
}

TEST_CASE("the density is continuous at every knot and the curve is C¹") {
  for (const auto& d : {national(), Distribution::from_points(kNational).value()}) {
    for (double w : kNational) {
      double below = d.density(w * (1 - 1e-10)), above = d.density(w * (1 + 1e-10));
      CHECK(above / below == doctest::Approx(1).epsilon(1e-6));
    }
    // and integrates to the published shares: the percentile's slope is the density
    for (double w = 30000; w < 600000; w *= 1.09) {
      double h = w * 1e-6;
      double slope = (d.percentile_of(w + h) - d.percentile_of(w - h)) / (200 * h);
      CHECK(slope == doctest::Approx(d.density(w)).epsilon(1e-5));
    }
  }
}

TEST_CASE("the national curve has the BLS mean and one peak") {
  Distribution d = national();
  CHECK(d.mean_reached());
  CHECK(d.mean() == doctest::Approx(kNationalMean).epsilon(1e-4));
  // The published averages rise then fall (6.59e-6, 8.12e-6, 6.94e-6, 3.51e-6 per dollar), so one peak.
  int peaks = 0;
  bool rising = true;
  double previous = d.density(20000);
  for (double w = 20000; w < 500000; w += 25) {
    double f = d.density(w);
    if (rising && f < previous) ++peaks, rising = false;
    if (f > previous) rising = true;
    previous = f;
  }
  CHECK(peaks == 1);
  // BLS's p90 is no longer top-coded in May 2025, and the upper tail starts there.
  CHECK(d.salary_at(90) == 214670);
  // Pareto above p90 (β = 0): $300,000 is 100 × (1 − 0.1 × (300,000 / 214,670)^−α).
  auto t = d.tails();
  CHECK(d.percentile_of(300000) == doctest::Approx(100 * (1 - 0.1 * std::pow(300000 / 214670.0, -t.alpha))));
}

TEST_CASE("partial integrals: the parts add up, and match the curve numerically") {
  Distribution d = national();
  double third = d.partial_integral(0, 1.0 / 3), rest = d.partial_integral(1.0 / 3, 1);
  CHECK(third + rest == doctest::Approx(d.mean()).epsilon(1e-7));  // 16-point quadrature vs closed form
  // Midpoint rule over p on [0.2, 0.8]: ∫ Q(p) dp.
  double sum = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) sum += d.salary_at(100 * (0.2 + 0.6 * (i + 0.5) / n)) * 0.6 / n;
  CHECK(d.partial_integral(0.2, 0.8) == doctest::Approx(sum).epsilon(1e-7));
  // A transformed curve: ln w' = 0.1 + 1.2 ln w, so Q' = e^0.1 Q^1.2.
  Distribution t = d.transformed(0.1, 1.2);
  sum = 0;
  for (int i = 0; i < n; ++i) sum += std::exp(0.1) * std::pow(d.salary_at(100 * (0.05 + 0.9 * (i + 0.5) / n)), 1.2) * 0.9 / n;
  CHECK(t.partial_integral(0.05, 0.95) == doctest::Approx(sum).epsilon(1e-6));
  CHECK(std::isnan(d.z_mapped(0.3, 0.7).partial_integral(0, 1)));
}

TEST_CASE("transforms in (z, ln w) are exact") {
  Distribution d = national();
  Distribution t = d.transformed(std::log(1.1), 0.9);  // w' = 1.1 · w^0.9
  for (double p : {3.0, 10.0, 37.0, 50.0, 90.0, 99.0}) {
    CHECK(t.salary_at(p) == doctest::Approx(1.1 * std::pow(d.salary_at(p), 0.9)).epsilon(1e-12));
    CHECK(t.percentile_of(t.salary_at(p)) == doctest::Approx(p).epsilon(1e-9));
  }
  // z-mapped: Q'(p) = Q(Φ(0.4 + 0.6 Φ⁻¹(p)))
  Distribution z = d.z_mapped(0.4, 0.6);
  for (double p : {5.0, 25.0, 50.0, 75.0, 95.0})
    CHECK(z.salary_at(p) == doctest::Approx(d.salary_at(100 * normal_cdf(0.4 + 0.6 * normal_quantile(p / 100)))).epsilon(1e-12));
  // A transformed curve's density is the slope of its percentile; a z-mapped one has none.
  for (double w = 60000; w < 300000; w *= 1.2) {
    double h = w * 1e-6;
    CHECK((t.percentile_of(w + h) - t.percentile_of(w - h)) / (200 * h) == doctest::Approx(t.density(w)).epsilon(1e-5));
  }
  CHECK(std::isnan(z.density(100000)));
  // Composition: two transforms equal one.
  CHECK(t.transformed(0.2, 1.5).salary_at(42) == doctest::Approx(d.transformed(0.2 + 1.5 * std::log(1.1), 1.35).salary_at(42)));
}

TEST_CASE("from_points rejects bad points") {
  CHECK_FALSE(Distribution::from_points({1, 2, 2, 3, 4}).ok());
  CHECK_FALSE(Distribution::from_points({0, 2, 3, 4, 5}).ok());
  CHECK_FALSE(Distribution::from_points({1, 2, 3, 4, NAN}).ok());
}

TEST_CASE("area distributions from the shipped dataset") {
  const Dataset& data = test::shipped();

  SUBCASE("national row as published, the newest release") {
    auto d = area_distribution(data, "15-1252", "US");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kPublished);
    CHECK(d->distribution.points() == kNational);
    CHECK(d->sources == std::vector<std::string>{"bls-oews-2025"});
    CHECK(d->release == "BLS OEWS May 2025");
    CHECK(d->notes.empty());
  }
  SUBCASE("a state row is May 2024 and says how far the national median moved since") {
    auto d = area_distribution(data, "15-1252", "TX");
    REQUIRE(d.ok());
    CHECK(d->release == "BLS OEWS May 2024");
    REQUIRE(d->notes.size() == 1);
    // 132,270 → 133,080 → 135,980 (May 2023, 2024, 2025): +2.2 % in the latest year (135,980 / 133,080 = 1.02179).
    CHECK(d->notes[0] == "These figures are BLS OEWS May 2024; the national ones are BLS OEWS May 2025, a release "
                         "newer. The national median moved $132,270 (May 2023) → $133,080 (May 2024) → "
                         "$135,980 (May 2025), +2.2 % in the latest year.");
  }
  SUBCASE("top-coded p90 (California) is estimated from the mean, never below the top code") {
    auto d = area_distribution(data, "15-1252", "CA");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kTopCodedEstimate);
    CHECK(d->estimated[4]);
    CHECK_FALSE(d->estimated[3]);
    CHECK(d->distribution.points()[3] == 212280);
    CHECK(d->distribution.points()[4] >= 239200);
    // The curve above p75 carries the mean: BLS's $185,750 is reached, and p90 lands near the
    // ~$273,000 a Pareto tail from p75 with that mean gives (docs/model.md).
    CHECK(d->distribution.mean_reached());
    CHECK(d->distribution.mean() == doctest::Approx(185750).epsilon(1e-4));
    CHECK(d->distribution.points()[4] == doctest::Approx(273000).epsilon(0.02));
    CHECK(d->notes.size() == 2);  // the top code, and the vintage
  }
  SUBCASE("a top-coded point whose estimate falls below the top code is pinned at it") {
    // 15-1253 in New Mexico: p90 is "#" (at least $239,200), yet the mean ($126,740) fits a tail
    // from p75 ($137,360) whose p90 is far lower. BLS's "at least" wins: p90 = $239,200.
    auto d = area_distribution(data, "15-1253", "NM");
    REQUIRE(d.ok());
    CHECK(d->estimated[4]);
    CHECK(d->distribution.points()[4] == 239200);
  }
  SUBCASE("errors") {
    CHECK(area_distribution(data, "99-9999", "US").error().code == "unknown_occupation");
    CHECK(area_distribution(data, "15-1252", "ZZ").error().code == "unknown_area");
    auto region = area_distribution(data, "15-1252", "western-europe");
    CHECK(region.error().code == "range_only");
    CHECK(region.error().message.find("$55,000–$80,000") != std::string::npos);
    CHECK(area_distribution(data, "15-1252", "PR").error().code == "no_data");  // a territory as a whole
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

TEST_CASE("scaling out of range is an error, not a crash") {
  // Distribution::scaled called from_points(...).value(): scaled points that overflow, underflow
  // or round together threw std::bad_variant_access (std::terminate natively, abort in wasm).
  Distribution d = Distribution::from_points({1, 2, 3, 4, 5}).value();
  CHECK_FALSE(d.scaled(1e308).ok());  // the upper points overflow to inf
  CHECK_FALSE(d.scaled(1e300).ok());  // beyond 1e290: out of the range a curve can be computed in
  CHECK(d.scaled(1e280)->points()[0] == doctest::Approx(1e280));
  Distribution small = Distribution::from_points({0.1, 0.2, 0.3, 0.4, 0.5}).value();
  CHECK_FALSE(small.scaled(std::numeric_limits<double>::denorm_min()).ok());  // underflows to 0
  // Wages in the subnormals (the loader takes any positive number) cannot form a curve whose
  // points and percentiles can be told apart: refused with the reason.
  auto doc = nlohmann::ordered_json::parse(test::read_file(SALARY_DATA_PATH));
  doc["occupations"]["15-1252"]["areas"]["US"]["p10"] = 1e-320;
  doc["occupations"]["15-1252"]["areas"]["US"]["p25"] = 2e-320;
  auto data = load_dataset(doc.dump());
  REQUIRE(data.ok());
  auto us = area_distribution(data.value(), "15-1252", "US");
  REQUIRE_FALSE(us.ok());
  CHECK(us.error().code == "no_data");
  CHECK(us.error().message.find("from 1e-290 to 1e290") != std::string::npos);
}

TEST_CASE("percentile_of never reaches 100, even in the steepest shipped tail") {
  // The steepest upper tail in the shipped data (the largest α + β): there the share above a
  // few times the top knot is below 1e-16 and 100 * (1 − share) rounds to 100, which salary_at
  // (and the API's salaryAt) refuse.
  const Dataset& data = test::shipped();
  double steepest = 0;
  Distribution d = national();
  for (const auto& [code, occupation] : data.occupations)
    for (const auto& [area, row] : occupation.areas) {
      auto a = area_distribution(data, code, area);
      REQUIRE(a.ok());
      auto t = a->distribution.tails();
      if (t.alpha + t.beta > steepest) steepest = t.alpha + t.beta, d = a->distribution;
    }
  CHECK(steepest > 40);
  double p = d.percentile_of(1e9);
  CHECK(p < 100);
  CHECK(p > 99.999);
  CHECK(std::isfinite(d.salary_at(p)));
}

TEST_CASE("the upper tail is S·exp(−αu − βu²), u = ln(w / w_top), to within an ulp or so") {
  // percentile_of takes the powers through log and exp (cheaper than pow in the wasm build); the
  // curve must stay the model's, in a Pareto tail (β = 0) and a thinned one (β > 0).
  auto texas = area_distribution(test::shipped(), "15-1253", "TX");  // a mean below the Pareto's: β > 0
  REQUIRE(texas.ok());
  CHECK(texas->distribution.tails().beta > 0);
  CHECK(national().tails().beta == 0);
  for (const Distribution& d : {national(), texas->distribution}) {
    double top = d.points()[4];
    auto t = d.tails();
    for (double salary = top; salary < 2e9; salary *= 1.013) {
      double u = std::log(salary / top);
      double expected = std::min(100 * (1 - 0.10 * std::exp(-t.alpha * u - t.beta * u * u)), std::nextafter(100.0, 0.0));
      CHECK(d.percentile_of(salary) == doctest::Approx(expected).epsilon(1e-14));
    }
  }
}
