// Take-home pay. The tax tables below are built by hand from the 2026 IRS figures (Rev. Proc.
// 2025-32) and the state tables in ../shared/data/tax/, and every expected figure is worked out
// by hand in the comments, bracket by bracket, rather than taken from the code under test.
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

#include "salary/take_home.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {

constexpr FilingStatus kSingle = FilingStatus::kSingle;
constexpr FilingStatus kJoint = FilingStatus::kJoint;

Schedule schedule(std::initializer_list<Bracket> brackets) { return Schedule(brackets); }

FederalTaxYear federal_2026() {
  FederalTaxYear f;
  const Schedule single = schedule({{0, 0.10}, {12400, 0.12}, {50400, 0.22}, {105700, 0.24},
                                    {201775, 0.32}, {256225, 0.35}, {640600, 0.37}});
  f.brackets[FilingStatus::kSingle] = single;
  f.brackets[FilingStatus::kJoint] = schedule({{0, 0.10}, {24800, 0.12}, {100800, 0.22}, {211400, 0.24},
                                               {403550, 0.32}, {512450, 0.35}, {768700, 0.37}});
  f.brackets[FilingStatus::kSeparate] = schedule({{0, 0.10}, {12400, 0.12}, {50400, 0.22}, {105700, 0.24},
                                                  {201775, 0.32}, {256225, 0.35}, {384350, 0.37}});
  f.brackets[FilingStatus::kHeadOfHousehold] = schedule({{0, 0.10}, {17700, 0.12}, {67450, 0.22},
                                                         {105700, 0.24}, {201750, 0.32}, {256200, 0.35},
                                                         {640600, 0.37}});
  f.standard_deduction = {{FilingStatus::kSingle, 16100}, {FilingStatus::kJoint, 32200},
                          {FilingStatus::kSeparate, 16100}, {FilingStatus::kHeadOfHousehold, 24150}};
  f.social_security_rate = 0.062;
  f.social_security_wage_base = 184500;
  f.medicare_rate = 0.0145;
  f.additional_medicare_rate = 0.009;
  f.additional_medicare_threshold = {{FilingStatus::kSingle, 200000}, {FilingStatus::kJoint, 250000},
                                     {FilingStatus::kSeparate, 125000},
                                     {FilingStatus::kHeadOfHousehold, 200000}};
  return f;
}

FederalTaxYear federal_2025() {
  FederalTaxYear f = federal_2026();  // only the figures a test reads differ
  f.brackets[FilingStatus::kSingle] = schedule({{0, 0.10}, {11925, 0.12}, {48475, 0.22}, {103350, 0.24},
                                                {197300, 0.32}, {250525, 0.35}, {626350, 0.37}});
  f.standard_deduction[FilingStatus::kSingle] = 15750;
  f.social_security_wage_base = 176100;
  return f;
}

StateTax none() { return StateTax{}; }

StateTax flat(double rate) {
  StateTax t;
  t.type = StateTaxType::kFlat;
  t.flat_rate = rate;
  return t;
}

const char* const kCaNote = "Includes the 1% Mental Health Services Tax above $1,000,000.";

Dataset tax_dataset() {
  Dataset d;
  auto add = [&](const std::string& code, const std::string& name, AreaKind kind,
                 std::vector<std::string> states = {}) {
    d.areas[code] = Area{code, name, kind, std::move(states)};
  };
  add("US", "United States", AreaKind::kNation);
  for (auto [code, name] : {std::pair{"TX", "Texas"}, {"IL", "Illinois"}, {"PA", "Pennsylvania"},
                            {"CA", "California"}, {"CO", "Colorado"}, {"MA", "Massachusetts"},
                            {"IN", "Indiana"}, {"WI", "Wisconsin"}, {"NY", "New York"}})
    add(code, name, AreaKind::kState);
  add("41940", "San Jose-Sunnyvale-Santa Clara, CA", AreaKind::kMetro, {"CA"});
  add("16980", "Chicago-Naperville-Elgin, IL-IN-WI", AreaKind::kMetro, {"IL", "IN", "WI"});
  add("western-europe", "Western Europe", AreaKind::kWorldRegion);

  TaxTables& t = d.tax;
  t.federal_source = "irs-2025-2026";
  t.state_source = "state-tax-2025-2026";
  t.federal[2025] = federal_2025();
  t.federal[2026] = federal_2026();

  auto& s = t.states[2026];
  s["TX"] = none();
  s["IL"] = flat(0.0495);
  s["PA"] = flat(0.0307);
  StateTax ca;
  ca.type = StateTaxType::kBrackets;
  ca.single = schedule({{0, 0.01}, {11079, 0.02}, {26264, 0.04}, {41452, 0.06}, {57542, 0.08},
                        {72724, 0.093}, {371479, 0.103}, {445771, 0.113}, {742953, 0.123}});
  ca.joint = schedule({{0, 0.01}, {22158, 0.02}, {52528, 0.04}, {82904, 0.06}, {115084, 0.08},
                       {145448, 0.093}, {742958, 0.103}, {891542, 0.113}, {1485906, 0.123}});
  ca.standard_deduction_single = 5706;
  ca.standard_deduction_joint = 11412;
  ca.surtax = schedule({{1000000, 0.01}});
  ca.note = kCaNote;
  s["CA"] = ca;
  StateTax co = flat(0.044);
  co.base = StateTaxBase::kFederalTaxableIncome;
  s["CO"] = co;
  StateTax ma = flat(0.05);
  ma.surtax = schedule({{0, 0}, {1083150, 0.04}});
  s["MA"] = ma;
  // NY, IN and WI have no table: NY is the "state without a table" case.
  t.states[2025]["TX"] = none();
  return d;
}

const Dataset& data() {
  static const Dataset d = tax_dataset();
  return d;
}

TakeHome run(const std::string& area, double salary, FilingStatus status = kSingle,
             double retirement = 0, int year = 2026, const Dataset& d = data()) {
  TakeHomeInput in;
  in.area = area;
  in.salary = salary;
  in.filing_status = status;
  in.pretax_retirement = retirement;
  in.year = year;
  auto r = take_home(d, in);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  return r.value();
}

Error fail(const std::string& area, double salary, double retirement = 0, int year = 2026) {
  TakeHomeInput in;
  in.area = area;
  in.salary = salary;
  in.pretax_retirement = retirement;
  in.year = year;
  auto r = take_home(data(), in);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

const TaxLine* line(const TakeHome& t, const std::string& id) {
  auto it = std::find_if(t.lines.begin(), t.lines.end(), [&](const TaxLine& l) { return l.id == id; });
  return it == t.lines.end() ? nullptr : &*it;
}

bool has_note(const TakeHome& t, const std::string& fragment) {
  return std::any_of(t.notes.begin(), t.notes.end(),
                     [&](const std::string& n) { return n.find(fragment) != std::string::npos; });
}

// Invariants every result satisfies.
void check_consistent(const TakeHome& t) {
  CHECK(t.total_tax == doctest::Approx(t.federal_income_tax + t.social_security + t.medicare +
                                       t.additional_medicare + t.state_income_tax + t.state_payroll_tax +
                                       t.local_income_tax));
  CHECK(t.net == doctest::Approx(t.gross - t.total_tax - t.pretax_retirement - t.hsa - t.fsa));
  CHECK(has_note(t, "local taxes of places not listed"));
  CHECK(has_note(t, "credits"));
  CHECK(has_note(t, "itemized deductions"));
  CHECK(has_note(t, "dependents"));
  CHECK(has_note(t, "other than these wages"));
}

}  // namespace

TEST_CASE("tax_on and marginal_rate") {
  const Schedule s = schedule({{0, 0.10}, {100, 0.20}});
  CHECK(tax_on(s, 0) == 0);
  CHECK(tax_on(s, -5) == 0);
  CHECK(tax_on(s, 50) == doctest::Approx(5));            // 50 x 10 %
  CHECK(tax_on(s, 100) == doctest::Approx(10));          // 100 x 10 %
  CHECK(tax_on(s, 150) == doctest::Approx(20));          // 10 + 50 x 20 %
  CHECK(marginal_rate(s, 0) == doctest::Approx(0.10));
  CHECK(marginal_rate(s, 99.99) == doctest::Approx(0.10));
  CHECK(marginal_rate(s, 100) == doctest::Approx(0.20));  // the next dollar is in the upper bracket
  // A surtax that starts above 0: nothing below its threshold.
  const Schedule surtax = schedule({{1000, 0.01}});
  CHECK(tax_on(surtax, 500) == 0);
  CHECK(marginal_rate(surtax, 500) == 0);
  CHECK(tax_on(surtax, 1500) == doctest::Approx(5));  // 500 x 1 %
  CHECK(marginal_rate(surtax, 1500) == doctest::Approx(0.01));
  CHECK(tax_on(Schedule{}, 1e6) == 0);
  CHECK(marginal_rate(Schedule{}, 1e6) == 0);
}

TEST_CASE("TX, single, 2026, $120,000: no state income tax") {
  // Federal taxable income = 120,000 - 16,100 standard deduction = 103,900.
  //   12,400 x 10 %                  =  1,240
  //   (50,400 - 12,400) = 38,000 x 12 % =  4,560
  //   (103,900 - 50,400) = 53,500 x 22 % = 11,770
  //   federal income tax             = 17,570
  // Social Security 120,000 x 6.2 %  =  7,440
  // Medicare        120,000 x 1.45 % =  1,740
  // Total tax 26,750; net 93,250; effective rate 26,750 / 120,000 = 22.29 %.
  TakeHome t = run("TX", 120000);
  check_consistent(t);
  CHECK(t.federal_taxable_income == doctest::Approx(103900));
  CHECK(t.federal_income_tax == doctest::Approx(17570));
  CHECK(t.social_security == doctest::Approx(7440));
  CHECK(t.medicare == doctest::Approx(1740));
  CHECK(t.additional_medicare == 0);
  CHECK(t.state_income_tax == 0);
  CHECK(t.state_taxable_income == 0);
  CHECK(t.total_tax == doctest::Approx(26750));
  CHECK(t.net == doctest::Approx(93250));
  CHECK(t.effective_rate == doctest::Approx(26750.0 / 120000));
  CHECK(t.federal_marginal_rate == doctest::Approx(0.22));
  CHECK(t.state_marginal_rate == 0);
  CHECK(t.state == "TX");
  CHECK(t.year == 2026);

  // Lines: each tax with its source, no Additional Medicare line, then the deferral.
  REQUIRE(t.lines.size() == 5);
  CHECK(t.lines[0].id == "federal_income_tax");
  CHECK(t.lines[1].id == "social_security");
  CHECK(t.lines[2].id == "medicare");
  CHECK(t.lines[3].id == "state_income_tax");
  CHECK(t.lines[4].id == "pretax_retirement");
  for (int i = 0; i < 3; ++i) CHECK(t.lines[i].source == "irs-2025-2026");
  CHECK(t.lines[3].source == "state-tax-2025-2026");
  CHECK(t.lines[3].label == "Texas income tax");
  CHECK(t.lines[3].amount == 0);
  CHECK(t.lines[4].amount == 0);
  for (const TaxLine& l : t.lines) CHECK_FALSE(l.label.empty());
}

TEST_CASE("IL, single, 2026, $120,000: flat 4.95 % on wages") {
  // Federal as for TX at 120,000: 17,570 + 7,440 + 1,740 = 26,750.
  // Illinois has no standard deduction in the tables: 120,000 x 4.95 % = 5,940.
  // Total tax 32,690; net 87,310.
  TakeHome t = run("IL", 120000);
  check_consistent(t);
  CHECK(t.state_taxable_income == doctest::Approx(120000));
  CHECK(t.state_income_tax == doctest::Approx(5940));
  CHECK(t.total_tax == doctest::Approx(32690));
  CHECK(t.net == doctest::Approx(87310));
  CHECK(t.state_marginal_rate == doctest::Approx(0.0495));
  CHECK(line(t, "state_income_tax")->amount == doctest::Approx(5940));
  CHECK(has_note(t, "Illinois: no standard deduction"));
}

TEST_CASE("PA, single, 2026, $120,000: flat 3.07 %") {
  // 120,000 x 3.07 % = 3,684. Total tax 26,750 + 3,684 = 30,434; net 89,566.
  TakeHome t = run("PA", 120000);
  CHECK(t.state_income_tax == doctest::Approx(3684));
  CHECK(t.net == doctest::Approx(89566));
}

TEST_CASE("CA, single, 2026, $150,000: state brackets") {
  // Federal taxable income = 150,000 - 16,100 = 133,900.
  //   1,240 + 4,560
  //   (105,700 - 50,400) = 55,300 x 22 % = 12,166
  //   (133,900 - 105,700) = 28,200 x 24 % =  6,768
  //   federal income tax                 = 24,734
  // Social Security 150,000 x 6.2 % = 9,300; Medicare 150,000 x 1.45 % = 2,175.
  // California taxable = 150,000 - 5,706 = 144,294.
  //   11,079 x 1 %                       =    110.79
  //   (26,264 - 11,079) = 15,185 x 2 %   =    303.70
  //   (41,452 - 26,264) = 15,188 x 4 %   =    607.52
  //   (57,542 - 41,452) = 16,090 x 6 %   =    965.40
  //   (72,724 - 57,542) = 15,182 x 8 %   =  1,214.56
  //   (144,294 - 72,724) = 71,570 x 9.3 % = 6,656.01
  //   state income tax                   =  9,857.98  (surtax starts at 1,000,000: 0)
  // Total tax 24,734 + 9,300 + 2,175 + 9,857.98 = 46,066.98; net 103,933.02.
  TakeHome t = run("CA", 150000);
  check_consistent(t);
  CHECK(t.federal_taxable_income == doctest::Approx(133900));
  CHECK(t.federal_income_tax == doctest::Approx(24734));
  CHECK(t.social_security == doctest::Approx(9300));
  CHECK(t.medicare == doctest::Approx(2175));
  CHECK(t.state_taxable_income == doctest::Approx(144294));
  CHECK(t.state_income_tax == doctest::Approx(9857.98));
  CHECK(t.total_tax == doctest::Approx(46066.98));
  CHECK(t.net == doctest::Approx(103933.02));
  CHECK(t.federal_marginal_rate == doctest::Approx(0.24));
  CHECK(t.state_marginal_rate == doctest::Approx(0.093));
  CHECK(has_note(t, std::string("California: ") + kCaNote));
  CHECK_FALSE(has_note(t, "no standard deduction"));
}

TEST_CASE("Social Security stops at the 2026 wage base of 184,500") {
  // TX, single, 190,000. Social Security 184,500 x 6.2 % = 11,439 (not 190,000 x 6.2 % = 11,780).
  // Medicare 190,000 x 1.45 % = 2,755; below the 200,000 threshold: no Additional Medicare.
  // Federal taxable 173,900: 1,240 + 4,560 + 12,166 + (173,900 - 105,700) = 68,200 x 24 % = 16,368
  //   → 34,334. Total 34,334 + 11,439 + 2,755 = 48,528; net 141,472.
  TakeHome t = run("TX", 190000);
  check_consistent(t);
  CHECK(t.social_security == doctest::Approx(11439));
  CHECK(t.medicare == doctest::Approx(2755));
  CHECK(t.additional_medicare == 0);
  CHECK(line(t, "additional_medicare") == nullptr);
  CHECK(t.federal_income_tax == doctest::Approx(34334));
  CHECK(t.net == doctest::Approx(141472));

  // 2025 has its own wage base, 176,100: 176,100 x 6.2 % = 10,918.20.
  CHECK(run("TX", 190000, kSingle, 0, 2025).social_security == doctest::Approx(10918.2));
}

TEST_CASE("Additional Medicare Tax above 200,000 (single)") {
  // TX, single, 250,000. Federal taxable 233,900:
  //   1,240 + 4,560 + 12,166
  //   (201,775 - 105,700) = 96,075 x 24 % = 23,058
  //   (233,900 - 201,775) = 32,125 x 32 % = 10,280
  //   federal income tax                  = 51,304
  // Social Security 11,439 (capped); Medicare 250,000 x 1.45 % = 3,625;
  // Additional Medicare (250,000 - 200,000) x 0.9 % = 450.
  // Total 51,304 + 11,439 + 3,625 + 450 = 66,818; net 183,182.
  TakeHome t = run("TX", 250000);
  check_consistent(t);
  CHECK(t.federal_income_tax == doctest::Approx(51304));
  CHECK(t.social_security == doctest::Approx(11439));
  CHECK(t.medicare == doctest::Approx(3625));
  CHECK(t.additional_medicare == doctest::Approx(450));
  REQUIRE(line(t, "additional_medicare") != nullptr);
  CHECK(line(t, "additional_medicare")->amount == doctest::Approx(450));
  CHECK(line(t, "additional_medicare")->source == "irs-2025-2026");
  CHECK(t.total_tax == doctest::Approx(66818));
  CHECK(t.net == doctest::Approx(183182));
  CHECK(t.federal_marginal_rate == doctest::Approx(0.32));
}

TEST_CASE("joint filing, TX, 2026, $300,000") {
  // Federal taxable = 300,000 - 32,200 = 267,800 on the joint schedule:
  //   24,800 x 10 %                        =  2,480
  //   (100,800 - 24,800) = 76,000 x 12 %   =  9,120
  //   (211,400 - 100,800) = 110,600 x 22 % = 24,332
  //   (267,800 - 211,400) = 56,400 x 24 %  = 13,536
  //   federal income tax                   = 49,468
  // Social Security 11,439 (capped); Medicare 300,000 x 1.45 % = 4,350;
  // Additional Medicare above the joint threshold: (300,000 - 250,000) x 0.9 % = 450.
  // Total 49,468 + 11,439 + 4,350 + 450 = 65,707; net 234,293.
  TakeHome t = run("TX", 300000, kJoint);
  check_consistent(t);
  CHECK(t.federal_taxable_income == doctest::Approx(267800));
  CHECK(t.federal_income_tax == doctest::Approx(49468));
  CHECK(t.additional_medicare == doctest::Approx(450));
  CHECK(t.total_tax == doctest::Approx(65707));
  CHECK(t.net == doctest::Approx(234293));
  CHECK(t.federal_marginal_rate == doctest::Approx(0.24));
}

TEST_CASE("joint filing uses the state's joint schedule and deduction (CA, $150,000)") {
  // California taxable = 150,000 - 11,412 = 138,588 on the joint schedule:
  //   22,158 x 1 %                        =   221.58
  //   (52,528 - 22,158) = 30,370 x 2 %    =   607.40
  //   (82,904 - 52,528) = 30,376 x 4 %    = 1,215.04
  //   (115,084 - 82,904) = 32,180 x 6 %   = 1,930.80
  //   (138,588 - 115,084) = 23,504 x 8 %  = 1,880.32
  //   state income tax                    = 5,855.14
  TakeHome t = run("CA", 150000, kJoint);
  check_consistent(t);
  CHECK(t.state_taxable_income == doctest::Approx(138588));
  CHECK(t.state_income_tax == doctest::Approx(5855.14));
  CHECK(t.state_marginal_rate == doctest::Approx(0.08));
  CHECK_FALSE(has_note(t, "single schedule"));
}

TEST_CASE("a pre-tax retirement contribution lowers income tax, not FICA (IL, $120,000, $20,000)") {
  // Federal taxable = 120,000 - 20,000 - 16,100 = 83,900:
  //   1,240 + 4,560 + (83,900 - 50,400) = 33,500 x 22 % = 7,370 → 13,170
  // Social Security and Medicare stay on the full 120,000: 7,440 + 1,740.
  // Illinois: (120,000 - 20,000) x 4.95 % = 4,950.
  // Total 13,170 + 7,440 + 1,740 + 4,950 = 27,300; net 120,000 - 27,300 - 20,000 = 72,700.
  TakeHome t = run("IL", 120000, kSingle, 20000);
  check_consistent(t);
  CHECK(t.pretax_retirement == 20000);
  CHECK(t.federal_taxable_income == doctest::Approx(83900));
  CHECK(t.federal_income_tax == doctest::Approx(13170));
  CHECK(t.social_security == doctest::Approx(7440));
  CHECK(t.medicare == doctest::Approx(1740));
  CHECK(t.state_taxable_income == doctest::Approx(100000));
  CHECK(t.state_income_tax == doctest::Approx(4950));
  CHECK(t.total_tax == doctest::Approx(27300));
  CHECK(t.net == doctest::Approx(72700));
  REQUIRE(t.lines.back().id == "pretax_retirement");
  CHECK(t.lines.back().amount == 20000);
  CHECK(has_note(t, "contribution limit"));
}

TEST_CASE("CO taxes federal taxable income ($120,000, single)") {
  // Federal taxable 103,900 (as for TX); Colorado 103,900 x 4.4 % = 4,571.60.
  // Total 26,750 + 4,571.60 = 31,321.60; net 88,678.40.
  TakeHome t = run("CO", 120000);
  check_consistent(t);
  CHECK(t.state_taxable_income == doctest::Approx(103900));
  CHECK(t.state_income_tax == doctest::Approx(4571.6));
  CHECK(t.net == doctest::Approx(88678.4));
  CHECK(t.state_marginal_rate == doctest::Approx(0.044));
  CHECK_FALSE(has_note(t, "no standard deduction"));  // its base already has the federal one
  // With a 20,000 deferral the base is 83,900: 83,900 x 4.4 % = 3,691.60.
  CHECK(run("CO", 120000, kSingle, 20000).state_income_tax == doctest::Approx(3691.6));
}

TEST_CASE("MA surtax: 4 % above 1,083,150 on top of the flat 5 %") {
  // Single, 1,500,000. Massachusetts: 1,500,000 x 5 % = 75,000
  //   + surtax (1,500,000 - 1,083,150) = 416,850 x 4 % = 16,674 → 91,674.
  // Federal taxable 1,483,900:
  //   1,240 + 4,560 + 12,166 + 23,058
  //   (256,225 - 201,775) = 54,450 x 32 %   =  17,424
  //   (640,600 - 256,225) = 384,375 x 35 %  = 134,531.25
  //   (1,483,900 - 640,600) = 843,300 x 37 % = 312,021
  //   federal income tax                    = 505,000.25
  // Social Security 11,439; Medicare 1,500,000 x 1.45 % = 21,750;
  // Additional Medicare (1,500,000 - 200,000) x 0.9 % = 11,700.
  // Total 505,000.25 + 11,439 + 21,750 + 11,700 + 91,674 = 641,563.25; net 858,436.75.
  TakeHome t = run("MA", 1500000);
  check_consistent(t);
  CHECK(t.state_income_tax == doctest::Approx(91674));
  CHECK(t.federal_income_tax == doctest::Approx(505000.25));
  CHECK(t.additional_medicare == doctest::Approx(11700));
  CHECK(t.total_tax == doctest::Approx(641563.25));
  CHECK(t.net == doctest::Approx(858436.75));
  CHECK(t.state_marginal_rate == doctest::Approx(0.09));
  CHECK(t.federal_marginal_rate == doctest::Approx(0.37));

  // Below the threshold only the flat rate: 120,000 x 5 % = 6,000.
  TakeHome below = run("MA", 120000);
  CHECK(below.state_income_tax == doctest::Approx(6000));
  CHECK(below.state_marginal_rate == doctest::Approx(0.05));
}

TEST_CASE("CA surtax starts at 1,000,000 (a schedule not starting at 0)") {
  // California taxable 1,200,000 - 5,706 = 1,194,294. Surtax (1,194,294 - 1,000,000) x 1 % = 1,942.94
  // on top of the brackets: 1,194,294 is in the 12.3 % bracket, so the marginal rate is 13.3 %.
  TakeHome t = run("CA", 1200000);
  TakeHome at_million = run("CA", 1005706);  // taxable exactly 1,000,000: no surtax yet
  CHECK(t.state_income_tax - tax_on(data().tax.states.at(2026).at("CA").single, 1194294) ==
        doctest::Approx(1942.94));
  CHECK(t.state_marginal_rate == doctest::Approx(0.133));
  CHECK(at_million.state_income_tax ==
        doctest::Approx(tax_on(data().tax.states.at(2026).at("CA").single, 1000000)));
}

TEST_CASE("head of household: federal HoH schedule, state single schedule (noted)") {
  // Federal taxable = 150,000 - 24,150 = 125,850 on the HoH schedule:
  //   17,700 x 10 %                      = 1,770
  //   (67,450 - 17,700) = 49,750 x 12 %  = 5,970
  //   (105,700 - 67,450) = 38,250 x 22 % = 8,415
  //   (125,850 - 105,700) = 20,150 x 24 % = 4,836
  //   federal income tax                 = 20,991
  // California uses the single schedule and deduction: 9,857.98 as above.
  TakeHome t = run("CA", 150000, FilingStatus::kHeadOfHousehold);
  check_consistent(t);
  CHECK(t.federal_income_tax == doctest::Approx(20991));
  CHECK(t.state_income_tax == doctest::Approx(9857.98));
  CHECK(has_note(t, "head of household estimate uses the single schedule"));

  TakeHome sep = run("CA", 150000, FilingStatus::kSeparate);
  CHECK(sep.state_income_tax == doctest::Approx(9857.98));
  CHECK(has_note(sep, "married filing separately estimate uses the single schedule"));
  // Additional Medicare for separate filers starts at 125,000: 25,000 x 0.9 % = 225.
  CHECK(sep.additional_medicare == doctest::Approx(225));
  // No state schedule to approximate in a no-tax state: no such note.
  CHECK_FALSE(has_note(run("TX", 150000, FilingStatus::kHeadOfHousehold), "single schedule"));
}

TEST_CASE("a metro is taxed by its principal state, or the state lived in") {
  TakeHome metro = run("41940", 150000);
  TakeHome ca = run("CA", 150000);
  CHECK(metro.state == "CA");
  CHECK(metro.state_income_tax == doctest::Approx(ca.state_income_tax));
  CHECK(metro.net == doctest::Approx(ca.net));
  CHECK_FALSE(has_note(metro, "taxed as a resident"));  // one state: nothing to choose

  TakeHome chicago = run("16980", 120000);
  CHECK(chicago.state == "IL");
  CHECK(chicago.state_income_tax == doctest::Approx(5940));
  CHECK(has_note(chicago, "Chicago-Naperville-Elgin, IL-IN-WI: taxed as a resident of Illinois, its principal state"));

  // The shipped data: Chicago spans IL and IN (OFLC's geography file).
  TakeHomeInput in;
  in.salary = 120000;
  in.area = "16980";
  in.residence_state = "IN";
  auto indiana = take_home(test::shipped(), in);
  REQUIRE(indiana.ok());
  CHECK(indiana->state == "IN");
  in.area = "IN";
  in.residence_state = "";
  CHECK(indiana->state_income_tax == doctest::Approx(take_home(test::shipped(), in)->state_income_tax));
  CHECK(has_note(indiana.value(), "taxed as a resident of Indiana, where you live"));

  in.area = "16980";
  in.residence_state = "WI";
  auto wrong = take_home(test::shipped(), in);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "invalid_argument");
  CHECK(wrong.error().message ==
        "residenceState \"WI\" is not one of the states of Chicago-Naperville-Elgin, IL-IN");
  in.area = "TX";
  in.residence_state = "TX";
  CHECK(take_home(test::shipped(), in).error().code == "invalid_argument");  // only for wage areas
}

TEST_CASE("a nonmetro area is taxed by its state; a territory has no tax tables") {
  const Dataset& d = test::shipped();
  TakeHome sussex = run("1000005", 100000, kSingle, 0, 2026, d);  // Sussex County, DE: one state
  CHECK(sussex.state == "DE");
  CHECK(sussex.net == doctest::Approx(run("DE", 100000, kSingle, 0, 2026, d).net));
  for (const char* territory : {"41980", "6600001", "7800001", "PR"}) {
    TakeHomeInput in;
    in.salary = 100000;
    in.area = territory;
    auto r = take_home(test::shipped(), in);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "no_data");
    CHECK(r.error().message.find("take-home pay is computed for the 50 states and DC") != std::string::npos);
  }
}

TEST_CASE("US as a whole: no state tax, and the notes say so") {
  TakeHome t = run("US", 120000);
  check_consistent(t);
  CHECK(t.state.empty());
  CHECK(t.state_income_tax == 0);
  CHECK(t.net == doctest::Approx(93250));  // the TX figures: federal only
  CHECK(line(t, "state_income_tax") == nullptr);
  CHECK(has_note(t, "No state income tax is included"));
}

TEST_CASE("zero and small salaries") {
  TakeHome zero = run("CA", 0);
  check_consistent(zero);
  CHECK(zero.total_tax == 0);
  CHECK(zero.net == 0);
  CHECK(zero.effective_rate == 0);
  CHECK(zero.federal_marginal_rate == 0);
  CHECK(zero.state_marginal_rate == 0);

  // 10,000 in IL: below the federal deduction, so no federal income tax and marginal rate 0;
  // FICA 10,000 x 7.65 % = 765; Illinois 10,000 x 4.95 % = 495.
  TakeHome small = run("IL", 10000);
  CHECK(small.federal_income_tax == 0);
  CHECK(small.federal_marginal_rate == 0);
  CHECK(small.social_security + small.medicare == doctest::Approx(765));
  CHECK(small.state_income_tax == doctest::Approx(495));
  CHECK(small.state_marginal_rate == doctest::Approx(0.0495));

  // Retirement equal to the salary is allowed: no income tax, FICA still due.
  TakeHome all_saved = run("CA", 50000, kSingle, 50000);
  CHECK(all_saved.federal_income_tax == 0);
  CHECK(all_saved.state_income_tax == 0);
  CHECK(all_saved.social_security == doctest::Approx(3100));
  CHECK(all_saved.net == doctest::Approx(50000 - 3100 - 725 - 50000));
}

TEST_CASE("take_home errors") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();

  Error e = fail("TX", nan);
  CHECK(e.code == code::kInvalidNumber);
  CHECK(e.message == "salary must be between 0 and 1000000000, got NaN");
  CHECK(fail("TX", inf).code == code::kInvalidNumber);
  e = fail("TX", -1);
  CHECK(e.code == code::kInvalidNumber);
  CHECK(e.message == "salary must be between 0 and 1000000000, got -1");
  CHECK(fail("TX", 1e9 + 1).code == code::kInvalidNumber);

  e = fail("TX", 100000, 100001);
  CHECK(e.code == code::kInvalidNumber);
  CHECK(e.message == "pretax_retirement must be between 0 and the salary (100000), got 100001");
  CHECK(fail("TX", 100000, -1).code == code::kInvalidNumber);
  CHECK(fail("TX", 100000, nan).code == code::kInvalidNumber);

  e = fail("TX", 100000, 0, 2031);
  CHECK(e.code == code::kUnknownYear);
  CHECK(e.message == "year: no tax tables for 2031; available: 2025, 2026");

  e = fail("ZZ", 100000);
  CHECK(e.code == code::kUnknownArea);
  CHECK(e.message == "unknown area \"ZZ\"");

  e = fail("western-europe", 100000);
  CHECK(e.code == code::kRangeOnly);
  CHECK(e.message.find("Western Europe") != std::string::npos);

  // A state area with no table for the year.
  e = fail("NY", 100000);
  CHECK(e.code == code::kNoData);
  CHECK(e.message.find("New York") != std::string::npos);
  e = fail("IL", 100000, 0, 2025);  // 2025 state tables list TX only
  CHECK(e.code == code::kNoData);
}

TEST_CASE("shipped: 2026 figures match the hand-worked examples") {
  const Dataset& d = test::shipped();
  // Same inputs as above; the shipped tables come from the same public files.
  TakeHome tx = run("TX", 120000, kSingle, 0, 2026, d);
  CHECK(tx.federal_income_tax == doctest::Approx(17570));
  CHECK(tx.social_security == doctest::Approx(7440));
  CHECK(tx.medicare == doctest::Approx(1740));
  CHECK(tx.net == doctest::Approx(93250));
  // The shipped tables add what the hand-built ones above leave out: Illinois' exemption
  // allowance, (120,000 - 2,850) x 4.95 % = 5,798.93; California's personal exemption credit,
  // 9,857.98 - 153 = 9,704.98 (tests/core/test_state_income_tax.cpp works both out).
  TakeHome il = run("IL", 120000, kSingle, 0, 2026, d);
  CHECK(il.state_income_tax == doctest::Approx(5798.925));
  TakeHome ca = run("CA", 150000, kSingle, 0, 2026, d);
  CHECK(ca.federal_income_tax == doctest::Approx(24734));
  CHECK(ca.state_income_tax == doctest::Approx(9704.98));
  CHECK(run("TX", 250000, kSingle, 0, 2026, d).social_security == doctest::Approx(11439));
}

TEST_CASE("shipped: every state, metro and nonmetro area has a take-home for every tax year") {
  const Dataset& d = test::shipped();
  for (const auto& federal : d.tax.federal)
    for (const auto& entry : d.areas) {
      const Area& a = entry.second;
      if (a.kind == AreaKind::kWorldRegion || a.kind == AreaKind::kTerritory) continue;
      if (is_wage_area(a.kind) && d.find_area(a.states[0])->kind == AreaKind::kTerritory) continue;
      TakeHomeInput in;
      in.area = entry.first;
      in.salary = 150000;
      in.year = federal.first;
      auto r = take_home(d, in);
      std::string what = entry.first + " " + std::to_string(federal.first) + ": " +
                         (r ? std::string("ok") : r.error().message);
      CHECK_MESSAGE(r.ok(), what);
      if (r) CHECK(r->net > 0);
    }
}
