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
