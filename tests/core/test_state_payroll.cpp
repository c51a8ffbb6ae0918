// State payroll programs, worked by hand from the agency rates cited in data/tax/
// state-payroll-2025-2026.json: every state with an employee-paid program, 2025 and 2026, a salary
// below and one above each wage base or yearly maximum, single and joint filers (the programs do
// not depend on filing status, so each case runs for both). Social Security wage base: $176,100
// (2025), $184,500 (2026).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "salary/take_home.hpp"
#include "take_home_cases.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {

struct Case {
  const char* state;
  int year;
  double salary;
  const char* line;
  double expected;  // worked out in the comment beside each case
};

// clang-format off
const Case kCases[] = {
  // Alaska unemployment (employee): 0.5 % of the first $51,700 (2025).
  {"AK", 2025,  40000, "ak_unemployment", 200.00},    // 40,000 x 0.5 %
  {"AK", 2025, 100000, "ak_unemployment", 258.50},    // 51,700 x 0.5 %
  // California SDI: 1.2 % (2025), 1.3 % (2026) of all wages.
  {"CA", 2025, 100000, "ca_sdi", 1200.00},            // 100,000 x 1.2 %
  {"CA", 2025, 400000, "ca_sdi", 4800.00},            // 400,000 x 1.2 %: no wage ceiling
  {"CA", 2026, 100000, "ca_sdi", 1300.00},            // 100,000 x 1.3 %
  {"CA", 2026, 400000, "ca_sdi", 5200.00},            // 400,000 x 1.3 % (the issue's $5,200)
  // Colorado FAMLI: 0.45 % (2025), 0.44 % (2026) up to the Social Security wage base.
  {"CO", 2025, 100000, "co_famli", 450.00},           // 100,000 x 0.45 %
  {"CO", 2025, 200000, "co_famli", 792.45},           // 176,100 x 0.45 %
  {"CO", 2026, 100000, "co_famli", 440.00},           // 100,000 x 0.44 %
  {"CO", 2026, 200000, "co_famli", 811.80},           // 184,500 x 0.44 %
  // Connecticut Paid Leave: 0.5 % up to the Social Security wage base.
  {"CT", 2025, 100000, "ct_paid_leave", 500.00},      // 100,000 x 0.5 %
  {"CT", 2025, 200000, "ct_paid_leave", 880.50},      // 176,100 x 0.5 %
  {"CT", 2026, 200000, "ct_paid_leave", 922.50},      // 184,500 x 0.5 %
  // Delaware Paid Leave: half of 0.8 % = 0.4 % up to the Social Security wage base.
  {"DE", 2025, 100000, "de_paid_leave", 400.00},      // 100,000 x 0.4 %
  {"DE", 2025, 200000, "de_paid_leave", 704.40},      // 176,100 x 0.4 %
  {"DE", 2026, 200000, "de_paid_leave", 738.00},      // 184,500 x 0.4 %
  // Hawaii TDI: 0.5 % of weekly wages, at most $7.21 (2025) or $7.50 (2026) a week for 52 weeks.
  {"HI", 2025,  50000, "hi_tdi", 250.00},             // 50,000 x 0.5 % (961.54 a week: 4.81 < 7.21)
  {"HI", 2025, 100000, "hi_tdi", 374.92},             // 52 x 7.21
  {"HI", 2026, 100000, "hi_tdi", 390.00},             // 52 x 7.50
  // Massachusetts PFML: 0.46 % up to the Social Security wage base.
  {"MA", 2025, 100000, "ma_pfml", 460.00},            // 100,000 x 0.46 %
  {"MA", 2025, 200000, "ma_pfml", 810.06},            // 176,100 x 0.46 %
  {"MA", 2026, 200000, "ma_pfml", 848.70},            // 184,500 x 0.46 %
  // Maine PFML: half of 1 % = 0.5 % up to the Social Security wage base.
  {"ME", 2025, 100000, "me_pfml", 500.00},            // 100,000 x 0.5 %
  {"ME", 2025, 200000, "me_pfml", 880.50},            // 176,100 x 0.5 %
  {"ME", 2026, 200000, "me_pfml", 922.50},            // 184,500 x 0.5 %
  // Minnesota Paid Leave from 2026: 0.44 % up to the Social Security wage base.
  {"MN", 2026, 100000, "mn_paid_leave", 440.00},      // 100,000 x 0.44 %
  {"MN", 2026, 200000, "mn_paid_leave", 811.80},      // 184,500 x 0.44 %
  // New Jersey: TDI 0.23 % / FLI 0.33 % of the first $165,400 (2025); 0.19 % / 0.23 % of the
  // first $171,100 (2026); unemployment + workforce 0.3825 % + 0.0425 % = 0.425 % of the first
  // $43,300 (2025), $44,800 (2026).
  {"NJ", 2025, 100000, "nj_tdi", 230.00},             // 100,000 x 0.23 %
  {"NJ", 2025, 200000, "nj_tdi", 380.42},             // 165,400 x 0.23 %
  {"NJ", 2025, 100000, "nj_fli", 330.00},             // 100,000 x 0.33 %
  {"NJ", 2025, 200000, "nj_fli", 545.82},             // 165,400 x 0.33 %
  {"NJ", 2025,  40000, "nj_unemployment", 170.00},    // 40,000 x 0.425 %
  {"NJ", 2025, 100000, "nj_unemployment", 184.025},   // 43,300 x 0.425 %
  {"NJ", 2026, 100000, "nj_tdi", 190.00},             // 100,000 x 0.19 %
  {"NJ", 2026, 200000, "nj_tdi", 325.09},             // 171,100 x 0.19 %
  {"NJ", 2026, 100000, "nj_fli", 230.00},             // 100,000 x 0.23 %
  {"NJ", 2026, 200000, "nj_fli", 393.53},             // 171,100 x 0.23 %
  {"NJ", 2026, 100000, "nj_unemployment", 190.40},    // 44,800 x 0.425 %
  // New Mexico workers' compensation fee: $2.00 a quarter, $2.25 from July 1, 2025.
  {"NM", 2025, 100000, "nm_workers_comp_fee", 8.50},  // 2.00 + 2.00 + 2.25 + 2.25
  {"NM", 2026, 100000, "nm_workers_comp_fee", 9.00},  // 4 x 2.25
  // New York: disability 0.5 % of wages, at most $0.60 a week ($31.20 a year); paid family leave
  // 0.388 % up to $354.53 (2025), 0.432 % up to $411.91 (2026).
  {"NY", 2025,   5000, "ny_disability", 25.00},       // 5,000 x 0.5 %
  {"NY", 2025, 100000, "ny_disability", 31.20},       // 52 x 0.60
  {"NY", 2025,  50000, "ny_pfl", 194.00},             // 50,000 x 0.388 %
  {"NY", 2025, 100000, "ny_pfl", 354.53},             // 388.00 > 354.53: the maximum
  {"NY", 2026,  50000, "ny_pfl", 216.00},             // 50,000 x 0.432 %
  {"NY", 2026, 100000, "ny_pfl", 411.91},             // 432.00 > 411.91: the maximum
  // Oregon: Paid Leave 0.6 % up to the Social Security wage base; transit tax 0.1 % of wages;
  // Workers' Benefit Fund 1.0 cent (2025) or 0.9 cent (2026) an hour for 2,080 hours.
  {"OR", 2025, 100000, "or_paid_leave", 600.00},      // 100,000 x 0.6 %
  {"OR", 2025, 200000, "or_paid_leave", 1056.60},     // 176,100 x 0.6 %
  {"OR", 2026, 200000, "or_paid_leave", 1107.00},     // 184,500 x 0.6 %
  {"OR", 2025, 100000, "or_transit", 100.00},         // 100,000 x 0.1 %
  {"OR", 2025, 100000, "or_workers_benefit_fund", 20.80},  // 2,080 x 0.010
  {"OR", 2026, 100000, "or_workers_benefit_fund", 18.72},  // 2,080 x 0.009
  // Pennsylvania unemployment (employee): 0.07 % of all wages.
  {"PA", 2025, 100000, "pa_unemployment", 70.00},     // 100,000 x 0.07 %
  {"PA", 2026, 400000, "pa_unemployment", 280.00},    // 400,000 x 0.07 %: no wage base
  // Rhode Island TDI: 1.3 % of the first $89,200 (2025); 1.1 % of the first $100,000 (2026).
  {"RI", 2025,  50000, "ri_tdi", 650.00},             // 50,000 x 1.3 %
  {"RI", 2025, 100000, "ri_tdi", 1159.60},            // 89,200 x 1.3 %
  {"RI", 2026,  50000, "ri_tdi", 550.00},             // 50,000 x 1.1 %
  {"RI", 2026, 150000, "ri_tdi", 1100.00},            // 100,000 x 1.1 %
  // Vermont child care contribution: 0.11 % of wages.
  {"VT", 2025, 100000, "vt_child_care", 110.00},      // 100,000 x 0.11 %
  {"VT", 2026, 250000, "vt_child_care", 275.00},      // 250,000 x 0.11 %
  // Washington: paid leave 0.92 % x 71.52 % = 0.657984 % (2025), 1.13 % x 71.43 % = 0.807159 %
  // (2026) up to the Social Security wage base; WA Cares 0.58 % of all wages.
  {"WA", 2025, 100000, "wa_pfml", 657.984},           // 100,000 x 0.657984 %
  {"WA", 2025, 200000, "wa_pfml", 1158.709824},       // 176,100 x 0.657984 %
  {"WA", 2026, 100000, "wa_pfml", 807.159},           // 100,000 x 0.807159 %
  {"WA", 2026, 400000, "wa_pfml", 1489.208355},       // 184,500 x 0.807159 %
  {"WA", 2025, 100000, "wa_cares", 580.00},           // 100,000 x 0.58 %
  {"WA", 2026, 400000, "wa_cares", 2320.00},          // 400,000 x 0.58 %: 1,489.21 + 2,320 = 3,809.21, the issue's $3,809
};
// clang-format on

TakeHome run(const std::string& state, int year, double salary, FilingStatus status, double retirement = 0,
             double hsa = 0) {
  return test::run({state, "", year, salary, status, retirement, hsa});
}

const TaxLine* line(const TakeHome& t, const std::string& id) {
  auto it = std::find_if(t.lines.begin(), t.lines.end(), [&](const TaxLine& l) { return l.id == id; });
  return it == t.lines.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("state payroll programs: worked cases, single and joint") {
  for (const Case& c : kCases)
    for (FilingStatus status : {FilingStatus::kSingle, FilingStatus::kJoint}) {
      INFO(c.state, " ", c.year, " ", c.salary, " ", to_string(status), " ", c.line);
      TakeHome t = run(c.state, c.year, c.salary, status);
      const TaxLine* l = line(t, c.line);
      REQUIRE(l != nullptr);
      CHECK(l->amount == doctest::Approx(c.expected).epsilon(1e-9));
      CHECK(l->kind == "state_payroll");
      CHECK_FALSE(l->source.empty());
      CHECK(test::shipped().sources.count(l->source) == 1);
    }
}

TEST_CASE("state payroll programs: in the totals, and only where a state has them") {
  // WA 2026, $400,000 single: 1,489.208355 + 2,320 = 3,809.208355 of state payroll tax, counted in
  // the total tax and taken from the net pay.
  TakeHome wa = run("WA", 2026, 400000, FilingStatus::kSingle);
  CHECK(wa.state_payroll_tax == doctest::Approx(3809.208355));
  CHECK(wa.total_tax == doctest::Approx(wa.federal_income_tax + wa.social_security + wa.medicare +
                                        wa.additional_medicare + 3809.208355));
  CHECK(wa.net == doctest::Approx(400000 - wa.total_tax));
  // Texas has none: the lines are federal, FICA, the state's (zero) income tax and the deferral.
  TakeHome tx = run("TX", 2026, 400000, FilingStatus::kSingle);
  CHECK(tx.state_payroll_tax == 0);
  for (const TaxLine& l : tx.lines) CHECK(l.kind != "state_payroll");
  // Minnesota's premiums start in 2026; Alaska's 2026 wage base is not in the tables and the
  // result says so.
  CHECK(line(run("MN", 2025, 100000, FilingStatus::kSingle), "mn_paid_leave") == nullptr);
  TakeHome ak = run("AK", 2026, 100000, FilingStatus::kSingle);
  CHECK(line(ak, "ak_unemployment") == nullptr);
  CHECK(std::any_of(ak.notes.begin(), ak.notes.end(),
                    [](const std::string& n) { return n.find("2026 taxable wage base was not found") != std::string::npos; }));
}

TEST_CASE("state payroll programs: which wages each applies to") {
  // California SDI on Social Security wages: $4,000 of HSA through a cafeteria plan is not SDI
  // wages, a 401(k) deferral is. 2026: (100,000 - 4,000) x 1.3 % = 1,248.
  CHECK(line(run("CA", 2026, 100000, FilingStatus::kSingle, 20000, 4000), "ca_sdi")->amount == doctest::Approx(1248));
  // New Jersey counts cafeteria-plan reductions as wages: 100,000 x 0.19 % = 190 with the HSA.
  CHECK(line(run("NJ", 2026, 100000, FilingStatus::kSingle, 0, 4000), "nj_tdi")->amount == doctest::Approx(190));
  // Oregon's transit tax is on Oregon wages, after the 401(k) deferral:
  // (100,000 - 20,000) x 0.1 % = 80.
  CHECK(line(run("OR", 2026, 100000, FilingStatus::kSingle, 20000), "or_transit")->amount == doctest::Approx(80));
  // Vermont's contribution is on wages subject to income tax withholding:
  // (100,000 - 20,000) x 0.11 % = 88.
  CHECK(line(run("VT", 2026, 100000, FilingStatus::kSingle, 20000), "vt_child_care")->amount == doctest::Approx(88));
  // No pay, no hours: nothing is withheld, even per hour or per quarter.
  CHECK(line(run("OR", 2026, 0, FilingStatus::kSingle), "or_workers_benefit_fund")->amount == 0);
  CHECK(line(run("NM", 2026, 0, FilingStatus::kSingle), "nm_workers_comp_fee")->amount == 0);
  // Pay below 2,080 hours at the federal minimum wage (2,080 x 7.25 = 15,080) is not a full-time
  // year: $7,540 is half of it, so half the hours and half the quarterly fees. (Found by the
  // fuzzer: $0.33 of pay was charged 2,080 hours of the Workers' Benefit Fund.)
  CHECK(line(run("OR", 2026, 7540, FilingStatus::kSingle), "or_workers_benefit_fund")->amount ==
        doctest::Approx(9.36));  // 0.009 x 2,080 x 0.5
  CHECK(line(run("NM", 2026, 7540, FilingStatus::kSingle), "nm_workers_comp_fee")->amount ==
        doctest::Approx(4.5));  // 4 x 2.25 x 0.5
  CHECK(line(run("OR", 2026, 15080, FilingStatus::kSingle), "or_workers_benefit_fund")->amount ==
        doctest::Approx(18.72));
}
