// Local income taxes on the shipped tables, worked by hand from the rates cited in
// data/tax/local-income-tax-2025-2026.json: New York City and Yonkers, Philadelphia, the
// Portland-area taxes, Michigan cities, Maryland counties (flat, marginal and banded), the
// Missouri and Delaware city taxes; single and joint, 2025 and 2026; and the locality errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "salary/take_home.hpp"
#include "take_home_cases.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {

constexpr FilingStatus kSingle = FilingStatus::kSingle;
constexpr FilingStatus kJoint = FilingStatus::kJoint;

Result<TakeHome> compute(const std::string& state, const std::string& locality, int year, double salary,
                         FilingStatus status = kSingle, double retirement = 0) {
  return test::compute({state, locality, year, salary, status, retirement});
}

TakeHome run(const std::string& state, const std::string& locality, int year, double salary,
             FilingStatus status = kSingle, double retirement = 0) {
  return test::run({state, locality, year, salary, status, retirement});
}

double line(const TakeHome& t, const std::string& id) {
  auto it = std::find_if(t.lines.begin(), t.lines.end(), [&](const TaxLine& l) { return l.id == id; });
  REQUIRE_MESSAGE(it != t.lines.end(), id);
  CHECK(it->kind == "local");
  CHECK(test::shipped().sources.count(it->source) == 1);
  return it->amount;
}

}  // namespace

TEST_CASE("New York City: resident tax on New York taxable income, less the school tax credits") {
  // 2026, single, $200,000: NY taxable income 192,000:
  //   12,000 x 3.078 % = 369.36; 13,000 x 3.762 % = 489.06; 25,000 x 3.819 % = 954.75;
  //   142,000 x 3.876 % = 5,503.92; total 7,317.09 (the "about $7,300");
  //   school tax credit $63 (NY AGI not above 250,000) and rate reduction
  //   12,000 x 0.171 % + 180,000 x 0.228 % = 20.52 + 410.40 = 430.92: 7,317.09 - 493.92 = 6,823.17.
  TakeHome t = run("NY", "nyc", 2026, 200000);
  CHECK(line(t, "nyc_income_tax") == doctest::Approx(6823.17));
  CHECK(t.local_income_tax == doctest::Approx(6823.17));
  CHECK(t.locality == "nyc");
  CHECK(t.locality_name == "New York City");
  // The same in 2025 (same taxable income, same rates).
  CHECK(line(run("NY", "nyc", 2025, 200000), "nyc_income_tax") == doctest::Approx(6823.17));
  // 2025, joint, $200,000: taxable 183,950: 21,600 x 3.078 % = 664.848; 23,400 x 3.762 % = 880.308;
  //   45,000 x 3.819 % = 1,718.55; 93,950 x 3.876 % = 3,641.502; total 6,905.208; credits 125 and
  //   21,600 x 0.171 % + 162,350 x 0.228 % = 36.936 + 370.158 = 407.094: 6,373.114.
  CHECK(line(run("NY", "NYC", 2025, 200000, kJoint), "nyc_income_tax") == doctest::Approx(6373.114));
  // 2026, single, $600,000: taxable 592,000, no credits (AGI above 250,000, taxable above 500,000):
  //   369.36 + 489.06 + 954.75 + 542,000 x 3.876 % = 21,007.92: 22,821.09.
  CHECK(line(run("NY", "nyc", 2026, 600000), "nyc_income_tax") == doctest::Approx(22821.09));
}

TEST_CASE("Yonkers: 16.75 % of the New York State tax") {
  // 2026, single, $120,000: NY tax 6,039.75 by the brackets + 568.25 x 0.2470 recapture
  //   = 6,180.11; 16.75 % x 6,180.10775 = 1,035.17.
  TakeHome t = run("NY", "yonkers", 2026, 120000);
  CHECK(t.state_income_tax == doctest::Approx(6180.10775));
  CHECK(line(t, "yonkers_surcharge") == doctest::Approx(1035.168048).epsilon(1e-8));
}

TEST_CASE("Philadelphia: wage tax on all compensation, 401(k) deferrals included") {
  // 2025: 3.75 % to June, 3.74 % from July: (3.75 + 3.74) / 2 = 3.745 % x 100,000 = 3,745, the
  // $10,000 401(k) deferral included.
  CHECK(line(run("PA", "philadelphia", 2025, 100000, kSingle, 10000), "philadelphia_wage_tax") == doctest::Approx(3745));
  // 2026: 3.74 % x 100,000 = 3,740 (joint filing changes nothing).
  CHECK(line(run("PA", "philadelphia", 2026, 100000, kJoint), "philadelphia_wage_tax") == doctest::Approx(3740));
}

TEST_CASE("Portland area: Metro SHS, Multnomah County PFA and the Arts Tax") {
  // 2025, single, $200,000 in Portland: no federal tax subtraction above 145,000 of AGI; Oregon
  //   taxable 200,000 - 2,835 = 197,165. SHS 1 % x (197,165 - 125,000) = 721.65;
  //   PFA 1.5 % x 72,165 = 1,082.475; Arts Tax 35.
  TakeHome t = run("OR", "portland", 2025, 200000);
  CHECK(line(t, "metro_shs_tax") == doctest::Approx(721.65));
  CHECK(line(t, "multnomah_pfa_tax") == doctest::Approx(1082.475));
  CHECK(line(t, "portland_arts_tax") == doctest::Approx(35));
  CHECK(t.local_income_tax == doctest::Approx(721.65 + 1082.475 + 35));
  // 2026, joint, $300,000 elsewhere in Multnomah County: Oregon taxable 300,000 - 5,670 = 294,330.
  //   SHS 1 % x (294,330 - 200,000) = 943.30; PFA 1.5 % x 94,330 = 1,414.95; no Arts Tax.
  t = run("OR", "multnomah-county", 2026, 300000, kJoint);
  CHECK(line(t, "metro_shs_tax") == doctest::Approx(943.3));
  CHECK(line(t, "multnomah_pfa_tax") == doctest::Approx(1414.95));
  CHECK(t.local_income_tax == doctest::Approx(943.3 + 1414.95));
  // Washington or Clackamas County inside Metro: SHS alone. Below the threshold: nothing.
  t = run("OR", "metro-washington-clackamas", 2025, 200000);
  CHECK(t.local_income_tax == doctest::Approx(721.65));
  CHECK(run("OR", "portland", 2025, 100000).local_income_tax == doctest::Approx(35));
  // The Arts Tax is not due at or below the HHS poverty guideline: 2025 $15,650 for one, $21,150
  // for two (90 FR 5917); 2026 $15,960 and $21,640 (91 FR 1797). Found by the fuzzer: it was
  // charged on no income at all.
  CHECK(line(run("OR", "portland", 2025, 15650), "portland_arts_tax") == 0);
  CHECK(line(run("OR", "portland", 2025, 15651), "portland_arts_tax") == 35);
  CHECK(line(run("OR", "portland", 2026, 21640, kJoint), "portland_arts_tax") == 0);
  CHECK(line(run("OR", "portland", 2026, 21641, kJoint), "portland_arts_tax") == 35);
  CHECK(line(run("OR", "portland", 2026, 0), "portland_arts_tax") == 0);
}

TEST_CASE("Michigan cities: resident rate on wages less the exemption, 401(k) deferrals taxed") {
  // Detroit 2026, single, $100,000 with $20,000 of 401(k): (100,000 - 600) x 2.4 % = 2,385.60.
  CHECK(line(run("MI", "detroit", 2026, 100000, kSingle, 20000), "detroit_income_tax") == doctest::Approx(2385.6));
  // Joint: two exemptions: (100,000 - 1,200) x 2.4 % = 2,371.20.
  CHECK(line(run("MI", "detroit", 2025, 100000, kJoint), "detroit_income_tax") == doctest::Approx(2371.2));
  // Grand Rapids 2025: (100,000 - 600) x 1.5 % = 1,491. Lansing 2026: (100,000 - 600) x 1 % = 994.
  CHECK(line(run("MI", "grand-rapids", 2025, 100000), "grand_rapids_income_tax") == doctest::Approx(1491));
  CHECK(line(run("MI", "Lansing", 2026, 100000), "lansing_income_tax") == doctest::Approx(994));
}

TEST_CASE("Maryland counties: flat, marginal (Anne Arundel) and banded (Frederick)") {
  // 2025, single, $120,000: Maryland taxable income 115,050 (tests/core/test_state_income_tax.cpp).
  // Montgomery: 3.2 % x 115,050 = 3,681.60.
  CHECK(line(run("MD", "montgomery-county", 2025, 120000), "montgomery_county_income_tax") == doctest::Approx(3681.6));
  // Anne Arundel: 50,000 x 2.7 % = 1,350; 65,050 x 2.94 % = 1,912.47; total 3,262.47.
  CHECK(line(run("MD", "anne-arundel-county", 2025, 120000), "anne_arundel_county_income_tax") ==
        doctest::Approx(3262.47));
  // Frederick: 115,050 is in the 50,000-150,000 band: 2.96 % of all of it = 3,405.48.
  CHECK(line(run("MD", "frederick-county", 2025, 120000), "frederick_county_income_tax") == doctest::Approx(3405.48));
  // Baltimore City 2026 (the 2025 rate, carried as the notes say): 3.2 % x 115,050 = 3,681.60.
  TakeHome t = run("MD", "baltimore-city", 2026, 120000);
  CHECK(line(t, "baltimore_city_income_tax") == doctest::Approx(3681.6));
  CHECK(std::any_of(t.notes.begin(), t.notes.end(),
                    [](const std::string& n) { return n.find("10-106") != std::string::npos; }));
  // Worcester joint 2026, $120,000: 120,000 - 6,700 - 6,400 = 106,900 x 2.25 % = 2,405.25.
  CHECK(line(run("MD", "worcester-county", 2026, 120000, kJoint), "worcester_county_income_tax") ==
        doctest::Approx(2405.25));
}

TEST_CASE("Kansas City, St. Louis and Wilmington earnings taxes") {
  CHECK(line(run("MO", "kansas-city", 2025, 100000), "kansas_city_earnings_tax") == doctest::Approx(1000));  // 1 %
  CHECK(line(run("MO", "st-louis", 2026, 100000, kJoint), "st_louis_earnings_tax") == doctest::Approx(1000));  // 1 %
  CHECK(line(run("DE", "wilmington", 2026, 100000), "wilmington_earnings_tax") == doctest::Approx(1250));  // 1.25 %
}

TEST_CASE("localities: unknown ones are errors, Maryland without a county is said") {
  auto r = compute("NY", "gotham", 2026, 100000);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == code::kUnknownLocality);
  CHECK(r.error().message == "locality \"gotham\" is not a New York locality with a local tax in 2026; known: nyc, yonkers");
  r = compute("TX", "austin", 2026, 100000);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == code::kUnknownLocality);
  CHECK(r.error().message.find("Texas has none in the tables") != std::string::npos);
  // A locality of another state is unknown here too.
  CHECK(compute("NJ", "nyc", 2026, 100000).error().code == code::kUnknownLocality);
  // The nation has no state, so no locality either (found by the fuzzer: it was ignored).
  r = compute("US", "nyc", 2026, 100000);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == code::kUnknownLocality);
  CHECK(r.error().message == "locality \"nyc\": a locality's tax applies only with its state; choose a state or "
                             "metro area, not United States");
  // Maryland without a county: no local tax, and the notes ask for one.
  TakeHome md = run("MD", "", 2026, 100000);
  CHECK(md.local_income_tax == 0);
  CHECK(std::any_of(md.notes.begin(), md.notes.end(),
                    [](const std::string& n) { return n.find("choose one to include it") != std::string::npos; }));
  // Every Maryland county and Baltimore City is there, both years.
  for (int year : {2025, 2026}) {
    const StateLocalities* places = find_localities(test::shipped(), year, "MD");
    REQUIRE(places != nullptr);
    CHECK(places->required);
    CHECK(places->localities.size() == 24);
  }
  CHECK(find_localities(test::shipped(), 2026, "MI")->localities.size() == 24);
  CHECK(find_localities(test::shipped(), 2026, "TX") == nullptr);
}
