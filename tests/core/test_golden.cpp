// Golden checks against the official figures, typed here from the BLS and BEA files in
// ../shared/data (not read from our dataset), so a builder bug cannot hide behind itself.
#include <doctest/doctest.h>

#include "salary/cost_of_living.hpp"
#include "salary/distribution.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {
void check_row(const char* occupation, const char* area, std::array<double, 5> bls) {
  CAPTURE(occupation);
  CAPTURE(area);
  auto d = area_distribution(test::shipped(), occupation, area);
  REQUIRE(d.ok());
  for (size_t i = 0; i < 5; ++i) {
    CHECK(d->distribution.points()[i] == bls[i]);
    CHECK(d->distribution.percentile_of(bls[i]) == doctest::Approx(kPercentiles[i]).epsilon(1e-12));
    CHECK(d->distribution.salary_at(kPercentiles[i]) == doctest::Approx(bls[i]).epsilon(1e-12));
  }
}
}  // namespace

TEST_CASE("BLS OEWS rows come back exactly at p10…p90: national May 2025, states May 2024") {
  check_row("15-1252", "US", {82460, 105210, 135980, 171980, 214670});
  check_row("15-1253", "US", {61440, 80310, 104300, 133180, 167010});
  check_row("15-1254", "US", {48100, 64230, 92650, 126230, 162290});
  check_row("15-2051", "US", {67240, 85660, 120230, 158880, 199130});
  check_row("15-1252", "AL", {63670, 82610, 113020, 141140, 176060});
  check_row("15-1252", "VT", {79880, 93670, 130720, 158750, 203530});
  check_row("15-1253", "CA", {63460, 86490, 127010, 164520, 197400});
}

TEST_CASE("hourly median × 2,080 ≈ annual median (BLS convention)") {
  const Dataset& data = test::shipped();
  for (const auto& occupation_entry : data.occupations) {
    for (const auto& area_entry : occupation_entry.second.areas) {
      const WageRow& row = area_entry.second;
      if (!row.hourly_median || !row.p[2]) continue;
      CAPTURE(occupation_entry.first);
      CAPTURE(area_entry.first);
      // BLS rounds hourly wages to the cent and annual ones to $10: |difference| <= 2,080 × $0.005 + $5.
      CHECK(std::abs(*row.hourly_median * 2080 - *row.p[2]) <= 2080 * 0.005 + 5);
    }
  }
  CHECK(data.occupations.at("15-1252").areas.at("US").hourly_median == 65.38);  // May 2025
}

TEST_CASE("the national median in May 2023, 2024 and 2025, and the means the curves reproduce") {
  // oews_national_selected_M2023_M2024.csv and oews_national_selected_M2025.csv, A_MEDIAN / A_MEAN.
  const Dataset& data = test::shipped();
  const auto& trend = data.occupations.at("15-1252").national_trend;
  REQUIRE(trend.size() == 3);
  CHECK(trend[0].release == "May 2023");
  CHECK(trend[0].median == 132270);
  CHECK(trend[1].median == 133080);
  CHECK(trend[2].median == 135980);
  CHECK(trend[2].source == "bls-oews-2025");
  for (const auto& row : {std::pair{"15-1252", 148100.0}, {"15-1253", 111490.0}, {"15-1254", 98770.0},
                          {"15-2051", 126800.0}}) {
    const char* occupation = row.first;  // not a structured binding: CAPTURE's lambda cannot take one in C++17
    double mean = row.second;
    CAPTURE(occupation);
    auto d = area_distribution(data, occupation, "US");
    REQUIRE(d.ok());
    CHECK(d->mean == mean);
    CHECK(d->distribution.mean() == doctest::Approx(mean).epsilon(1e-4));
  }
}

TEST_CASE("BEA Regional Price Parities, with their years") {
  const Dataset& data = test::shipped();
  auto tx = price_level(data, "TX");
  REQUIRE(tx.ok());
  CHECK(tx->year == 2023);
  CHECK(tx->source == "bea-rpp-state");
  auto ca = price_level(data, "CA");
  CHECK(ca->rpp == 112.581);
  auto san_jose = price_level(data, "41940");
  CHECK(san_jose->rpp == 110.423);
  CHECK(san_jose->year == 2024);
  CHECK(price_level(data, "US")->rpp == 100);
}
