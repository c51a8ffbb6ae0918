// Cost-of-living equivalents from Regional Price Parities. Unit tests use a small hand-made
// dataset with round RPPs so the expected figures can be checked by hand; a few checks run on the
// shipped dataset.
#include <doctest/doctest.h>

#include <limits>

#include "salary/cost_of_living.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {

Dataset parity_dataset() {
  Dataset d;
  auto add = [&](const std::string& code, const std::string& name, AreaKind kind,
                 std::vector<std::string> states = {}) {
    d.areas[code] = Area{code, name, kind, std::move(states)};
    d.area_order.push_back(code);
  };
  add("US", "United States", AreaKind::kNation);
  add("CA", "California", AreaKind::kState);
  add("TX", "Texas", AreaKind::kState);
  add("NV", "Nevada", AreaKind::kState);  // a state without an RPP in this dataset
  add("41940", "San Jose-Sunnyvale-Santa Clara, CA", AreaKind::kMetro, {"CA"});
  add("western-europe", "Western Europe", AreaKind::kWorldRegion);
  d.state_parities.source = "bea-rpp-state";
  d.state_parities.year = 2023;
  d.state_parities.values = {{"US", 100.0}, {"CA", 112.5}, {"TX", 90.0}};
  d.metro_parities.source = "bea-rpp-metro";
  d.metro_parities.year = 2024;
  d.metro_parities.values = {{"41940", 125.0}};
  return d;
}

const Dataset& data() {
  static const Dataset d = parity_dataset();
  return d;
}

}  // namespace

TEST_CASE("price_level: states and US from the state table, metros from the metro table") {
  auto us = price_level(data(), "US");
  REQUIRE(us.ok());
  CHECK(us->rpp == 100.0);
  CHECK(us->year == 2023);
  CHECK(us->source == "bea-rpp-state");
  CHECK(us->name == "United States");

  auto ca = price_level(data(), "CA");
  REQUIRE(ca.ok());
  CHECK(ca->area == "CA");
  CHECK(ca->rpp == 112.5);
  CHECK(ca->year == 2023);

  auto sj = price_level(data(), "41940");
  REQUIRE(sj.ok());
  CHECK(sj->rpp == 125.0);
  CHECK(sj->year == 2024);  // the metro release is a different year: each figure keeps its own
  CHECK(sj->source == "bea-rpp-metro");
}

TEST_CASE("price_level: errors") {
  auto unknown = price_level(data(), "ZZ");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == code::kUnknownArea);
  CHECK(unknown.error().message == "unknown area \"ZZ\"");

  auto region = price_level(data(), "western-europe");
  REQUIRE_FALSE(region.ok());
  CHECK(region.error().code == code::kNoData);
  CHECK(region.error().message.find("Western Europe") != std::string::npos);

  auto nv = price_level(data(), "NV");
  REQUIRE_FALSE(nv.ok());
  CHECK(nv.error().code == code::kNoData);
  CHECK(nv.error().message.find("Nevada") != std::string::npos);
}

TEST_CASE("cost_of_living: hand-worked equivalents") {
  // TX -> CA: 100,000 x 112.5 / 90 = 125,000 (ratio 1.25).
  auto r = cost_of_living(data(), 100000, "TX", "CA");
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->salary == 100000);
  CHECK(r->ratio == doctest::Approx(1.25));
  CHECK(r->equivalent == doctest::Approx(125000));
  CHECK(r->from.area == "TX");
  CHECK(r->to.area == "CA");

  // CA -> San Jose metro: 90,000 x 125 / 112.5 = 100,000.
  r = cost_of_living(data(), 90000, "CA", "41940");
  REQUIRE(r.ok());
  CHECK(r->equivalent == doctest::Approx(100000));
  CHECK(r->from.year == 2023);
  CHECK(r->to.year == 2024);

  // US -> TX: 80,000 x 90 / 100 = 72,000. Same place: unchanged.
  CHECK(cost_of_living(data(), 80000, "US", "TX")->equivalent == doctest::Approx(72000));
  CHECK(cost_of_living(data(), 80000, "CA", "CA")->equivalent == doctest::Approx(80000));
  CHECK(cost_of_living(data(), 0, "US", "CA")->equivalent == 0);
}

TEST_CASE("cost_of_living: A -> B -> A returns the salary") {
  const char* places[] = {"US", "CA", "TX", "41940"};
  for (const char* a : places)
    for (const char* b : places) {
      auto there = cost_of_living(data(), 123456.78, a, b);
      REQUIRE(there.ok());
      auto back = cost_of_living(data(), there->equivalent, b, a);
      REQUIRE(back.ok());
      CHECK(back->equivalent == doctest::Approx(123456.78));
      CHECK(there->ratio * back->ratio == doctest::Approx(1.0));
    }
}

TEST_CASE("cost_of_living: errors") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {nan, inf, -1.0, 1e9 + 1}) {
    auto r = cost_of_living(data(), bad, "US", "CA");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code::kInvalidNumber);
    CHECK(r.error().message.find("salary") != std::string::npos);
  }
  CHECK(cost_of_living(data(), 1e9, "US", "CA").ok());

  auto from = cost_of_living(data(), 1000, "ZZ", "CA");
  REQUIRE_FALSE(from.ok());
  CHECK(from.error().code == code::kUnknownArea);
  CHECK(from.error().message == "unknown area \"ZZ\"");
  auto to = cost_of_living(data(), 1000, "CA", "western-europe");
  REQUIRE_FALSE(to.ok());
  CHECK(to.error().code == code::kNoData);
}

TEST_CASE("shipped: RPPs are US = 100 and conversions agree with the table") {
  const Dataset& d = test::shipped();
  auto us = price_level(d, "US");
  REQUIRE_MESSAGE(us.ok(), us.error().message);
  CHECK(us->rpp == doctest::Approx(100.0));
  CHECK(d.state_parities.year != 0);
  CHECK(d.metro_parities.year != 0);

  // Every state with a state RPP: US -> state is salary x RPP / 100, and back is the salary.
  int checked = 0;
  for (const auto& [code, rpp] : d.state_parities.values) {
    auto r = cost_of_living(d, 100000, "US", code);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->equivalent == doctest::Approx(100000 * rpp / 100));
    CHECK(cost_of_living(d, r->equivalent, code, "US")->equivalent == doctest::Approx(100000));
    ++checked;
  }
  CHECK(checked > 1);
  for (const auto& [code, rpp] : d.metro_parities.values) {
    auto p = price_level(d, code);
    REQUIRE_MESSAGE(p.ok(), p.error().message);
    CHECK(p->rpp == rpp);
    CHECK(p->year == d.metro_parities.year);
  }
}
