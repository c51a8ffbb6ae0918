// DOL's wage areas in the shipped dataset: their prevailing wage levels, their price levels and
// where their wage distribution comes from. Figures are read by hand from the shared files named
// beside each.
#include <doctest/doctest.h>

#include <cmath>

#include "salary/cost_of_living.hpp"
#include "salary/wage_area.hpp"
#include "salary/distribution.hpp"
#include "test_support.hpp"

using namespace salary;

TEST_CASE("a wage area's distribution carries DOL's levels; other areas and occupations have none") {
  const Dataset& data = test::shipped();
  // oflc_alc_2025-26_levels_selected.csv, area 1000005 (Sussex County, DE), 15-1252.
  auto sussex = area_distribution(data, "15-1252", "1000005");
  REQUIRE(sussex.ok());
  REQUIRE(sussex->levels.has_value());
  CHECK(sussex->levels->annual == WageLevels{89149, 107078, 125029, 142958});
  CHECK(sussex->levels->source == "dol-oflc-2025-26");
  CHECK(sussex->levels->wage_year == "July 2025 – June 2026");
  CHECK_FALSE(area_distribution(data, "15-1254", "1000005")->levels.has_value());  // DOL has no 15-1254
  CHECK_FALSE(area_distribution(data, "15-1252", "DE")->levels.has_value());       // DOL has none per state
}

TEST_CASE("price levels of wage areas: their own, else their state's portion, else the state's") {
  const Dataset& data = test::shipped();
  // bea_rpp_msa_2023_2024.csv, 12420 Austin-Round Rock-San Marcos, TX: 98.066 (2024).
  auto austin = price_level(data, "12420");
  REQUIRE(austin.ok());
  CHECK(austin->rpp == 98.066);
  CHECK(austin->source == "bea-rpp-metro");
  CHECK(austin->note.empty());
  // PARPP_PORT_2008_2024.csv, 48999 Texas (Nonmetropolitan Portion): 87.835 (2024).
  auto west_texas = price_level(data, "4800001");
  REQUIRE(west_texas.ok());
  CHECK(west_texas->rpp == 87.835);
  CHECK(west_texas->year == 2024);
  CHECK(west_texas->source == "bea-rpp-portion");
  CHECK(west_texas->note == "BEA publishes no price level for Northwestern Region of Texas nonmetropolitan "
                            "area; this is Texas's nonmetropolitan part's.");
  // Delaware has no nonmetropolitan portion (PARPP 10999 is 0.000): Delaware's own, 99.253 (2023).
  auto sussex = price_level(data, "1000005");
  REQUIRE(sussex.ok());
  CHECK(sussex->rpp == 99.253);
  CHECK(sussex->year == 2023);
  CHECK(sussex->source == "bea-rpp-state");
  CHECK(sussex->note == "BEA publishes no price level for Sussex Delaware nonmetropolitan area; this is "
                        "Delaware's (it has no nonmetropolitan price level of its own).");
  // Puerto Rico: BEA prices no territory.
  auto san_juan = price_level(data, "41980");
  CHECK(san_juan.error().code == "no_data");
  CHECK(san_juan.error().message.find("50 states and DC") != std::string::npos);
  // West Texas to Austin: 100,000 × 98.066 / 87.835 = 111,648.
  auto move = cost_of_living(data, 100000, "4800001", "12420");
  REQUIRE(move.ok());
  CHECK(move->equivalent == doctest::Approx(111648).epsilon(1e-5));
}

TEST_CASE("wage-area distributions are shaped by the area's first state with a BLS row") {
  const Dataset& data = test::shipped();
  const Occupation& ds = *data.find_occupation("15-2051");
  // Washington-Arlington-Alexandria, DC-VA-MD-WV: BLS has no 15-2051 row for DC (gaps) → VA.
  CHECK(shape_area(data, ds, *data.find_area("47900")).code == "VA");
  CHECK(shape_area(data, *data.find_occupation("15-1252"), *data.find_area("47900")).code == "DC");
  CHECK(shape_area(data, ds, *data.find_area("41980")).code == "US");  // San Juan: a territory
  for (const char* area : {"41940", "47900", "1000005", "41980"}) {
    auto d = area_distribution(data, "15-1252", area);
    REQUIRE(d.ok());
    CHECK(d->area == area);
    for (bool estimated : d->estimated) CHECK(estimated);  // every point modelled, never published
    CHECK_FALSE(d->mean.has_value());
  }
}

namespace {

// ∫ Q(p) dp over [lo, hi] of p, computed without the core's partial_integral: Simpson's rule in
// z = Φ⁻¹(p) over Q(Φ(z))·φ(z), from salary_at alone (the tails beyond |z| = 8 hold < 1e-14 of p).
double integral(const Distribution& d, double lo, double hi) {
  const double z0 = lo <= 0 ? -8 : normal_quantile(lo), z1 = hi >= 1 ? 8 : normal_quantile(hi);
  const int n = 2000;
  const double h = (z1 - z0) / n;
  double sum = 0;
  for (int i = 0; i <= n; ++i) {
    double z = z0 + i * h, f = d.salary_at(100 * normal_cdf(z)) * std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
    sum += f * (i == 0 || i == n ? 1 : i % 2 ? 4 : 2);
  }
  return sum * h / 3;
}

}  // namespace

TEST_CASE("a wage area's curve has DOL's Level I and IV as its own, and BLS's median where there is one") {
  const Dataset& data = test::shipped();
  SUBCASE("Sussex County, DE, software developers, worked by hand") {
    // oflc_alc_2025-26_levels_selected.csv: Level I $89,149, Level IV $142,958. Level I is the mean
    // of the lowest third and Level IV of the upper two thirds, so the mean of all is
    // 89,149 / 3 + 2 × 142,958 / 3 = 29,716.33 + 95,305.33 = $125,021.67.
    auto d = area_distribution(data, "15-1252", "1000005");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kAreaLevels);
    CHECK(d->distribution.mean() == doctest::Approx(125021.67).epsilon(1e-5));
    CHECK(3 * integral(d->distribution, 0, 1.0 / 3) == doctest::Approx(89149).epsilon(0.002));
    CHECK(1.5 * integral(d->distribution, 1.0 / 3, 1) == doctest::Approx(142958).epsilon(0.002));
    CHECK(d->sources == std::vector<std::string>{"dol-oflc-2025-26", "bls-oews-2024"});
    CHECK(d->notes.front().find("the curve of Delaware (BLS OEWS May 2024) fitted to DOL's prevailing wage levels") !=
          std::string::npos);
    // Its percentiles are modelled and increase; its median lies between Level I and Level IV.
    const auto& p = d->distribution.points();
    for (size_t i = 1; i < 5; ++i) CHECK(p[i] > p[i - 1]);
    CHECK(p[2] > 89149);
    CHECK(p[2] < 142958);
  }
  SUBCASE("San Jose: through BLS's median too") {
    // oews_msa_M2024_medians_selected.csv: San Jose 15-1252 median $208,270.
    auto d = area_distribution(data, "15-1252", "41940");
    REQUIRE(d.ok());
    CHECK(d->method == DistributionMethod::kAreaLevelsMedian);
    CHECK(d->distribution.salary_at(50) == doctest::Approx(208270).epsilon(1e-9));
    CHECK(3 * integral(d->distribution, 0, 1.0 / 3) == doctest::Approx(149365).epsilon(0.002));
    CHECK(1.5 * integral(d->distribution, 1.0 / 3, 1) == doctest::Approx(264514).epsilon(0.002));
    CHECK(d->sources.back() == "bls-oews-msa-2024");
  }
  SUBCASE("every area and occupation with levels: Level I and IV within 1 %, every median exact") {
    size_t fitted = 0;
    for (const auto& [key, levels] : data.prevailing_wages.levels) {
      std::string occupation = key.substr(0, key.find(' ')), area = key.substr(key.find(' ') + 1);
      auto d = area_distribution(data, occupation, area);
      REQUIRE(d.ok());
      const std::string& pair = key;  // a structured binding cannot be captured (C++17): CAPTURE's lambda takes this
      CAPTURE(pair);
      CHECK((d->method == DistributionMethod::kAreaLevels || d->method == DistributionMethod::kAreaLevelsMedian));
      CHECK(d->distribution.mean_reached());
      const Distribution& c = d->distribution;
      CHECK(3 * c.partial_integral(0, 1.0 / 3) == doctest::Approx(levels[0]).epsilon(0.01));
      CHECK(1.5 * c.partial_integral(1.0 / 3, 1) == doctest::Approx(levels[3]).epsilon(0.01));
      if (const double* median = data.metro_medians.find(occupation, area))
        CHECK(c.salary_at(50) == doctest::Approx(*median).epsilon(1e-9));
      ++fitted;
    }
    CHECK(fitted == 3 * 530);
  }
}

TEST_CASE("without DOL's levels: BLS's median, else the state's figures, and the result says so") {
  const Dataset& data = test::shipped();
  // Web developers (15-1254): DOL's table has none. San Jose has a BLS median ($161,750): the
  // state's curve scaled to it.
  auto sj = area_distribution(data, "15-1254", "41940");
  REQUIRE(sj.ok());
  CHECK(sj->method == DistributionMethod::kAreaMedian);
  CHECK(sj->distribution.salary_at(50) == doctest::Approx(161750).epsilon(1e-9));
  auto ca = area_distribution(data, "15-1254", "CA");
  CHECK(sj->distribution.salary_at(90) / sj->distribution.salary_at(10) ==
        doctest::Approx(ca->distribution.salary_at(90) / ca->distribution.salary_at(10)));
  CHECK_FALSE(sj->levels.has_value());
  // Abilene, TX has neither: Texas's distribution, as it is, said so.
  auto abilene = area_distribution(data, "15-1254", "10180");
  REQUIRE(abilene.ok());
  CHECK(abilene->method == DistributionMethod::kStateFallback);
  CHECK(abilene->distribution.points() == area_distribution(data, "15-1254", "TX")->distribution.points());
  CHECK(abilene->notes.front() ==
        "BLS publishes no wage distribution for this area, and DOL no prevailing wage levels for Web Developers: "
        "these are the figures of Texas, where it lies (TX).");
  // A state's curve too lumpy to take an area's levels (Hawaii's QA analysts, 210 workers: p10
  // and p25 $190 apart): the nation's curve instead.
  auto honolulu = area_distribution(data, "15-1253", "46520");
  REQUIRE(honolulu.ok());
  CHECK(honolulu->method == DistributionMethod::kAreaLevels);
  CHECK(honolulu->notes.front().find("the curve of United States") != std::string::npos);
}
