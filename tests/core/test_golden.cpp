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

TEST_CASE("BLS OEWS May 2024 rows come back exactly at p10…p90") {
  check_row("15-1252", "US", {79850, 103050, 133080, 169000, 211450});
  check_row("15-1253", "US", {60690, 79520, 102610, 131870, 166960});
  check_row("15-1254", "US", {48560, 63140, 90930, 124300, 162870});
  check_row("15-2051", "US", {63650, 82630, 112590, 155810, 194410});
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
  CHECK(data.occupations.at("15-1252").areas.at("US").hourly_median == 63.98);
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
