// State income tax items on the shipped tables, worked by hand from the figures cited in
// data/tax/state-income-tax-items-2025-2026.json and the brackets of ../shared/data/tax: the
// exemptions, credits and phase-outs the issue names (CA, MA, NJ, NY) and one case for each kind
// of rule (cliff, steps, bands, linear, federal-tax and FICA deductions, addback, add-back and
// recapture). Federal taxes are those of tests/core/test_take_home.cpp.
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

TakeHome run(const std::string& state, int year, double salary, FilingStatus status = kSingle, double hsa = 0) {
  return test::run({state, "", year, salary, status, 0, hsa});
}

double detail(const TakeHome& t, const std::string& id) {
  auto it = std::find_if(t.details.begin(), t.details.end(), [&](const TaxDetail& d) { return d.id == id; });
  REQUIRE_MESSAGE(it != t.details.end(), id);
  CHECK(test::shipped().sources.count(it->source) == 1);
  return it->amount;
}

}  // namespace

TEST_CASE("California: personal exemption credit and its phase-out") {
  // 2025, single, $150,000: taxable 150,000 - 5,706 = 144,294:
  //   11,079 x 1 % = 110.79; 15,185 x 2 % = 303.70; 15,188 x 4 % = 607.52; 16,090 x 6 % = 965.40;
  //   15,182 x 8 % = 1,214.56; 71,570 x 9.3 % = 6,656.01; total 9,857.98.
  //   Credit $153 (federal AGI below $252,203): 9,857.98 - 153 = 9,704.98.
  TakeHome t = run("CA", 2025, 150000);
  CHECK(detail(t, "ca_exemption_credit") == doctest::Approx(153));
  CHECK(t.state_income_tax == doctest::Approx(9704.98));
  // 2025, single, $260,000: 260,000 - 252,203 = 7,797 is 4 steps of $2,500 (or part of one):
  //   4 x 6 = 24; credit 153 - 24 = 129. Taxable 254,294: 3,201.97 + 181,570 x 9.3 % = 20,087.98;
  //   20,087.98 - 129 = 19,958.98.
  t = run("CA", 2025, 260000);
  CHECK(detail(t, "ca_exemption_credit") == doctest::Approx(129));
  CHECK(t.state_income_tax == doctest::Approx(19958.98));
  // 2026, joint, $300,000: taxable 300,000 - 11,412 = 288,588:
  //   22,158 x 1 % = 221.58; 30,370 x 2 % = 607.40; 30,376 x 4 % = 1,215.04; 32,180 x 6 % = 1,930.80;
  //   30,364 x 8 % = 2,429.12; 143,140 x 9.3 % = 13,312.02; total 19,715.96. Credit 2 x 153 = 306:
  //   19,409.96.
  t = run("CA", 2026, 300000, kJoint);
  CHECK(detail(t, "ca_exemption_credit") == doctest::Approx(306));
  CHECK(t.state_income_tax == doctest::Approx(19409.96));
  // $400,000 single: (400,000 - 252,203) / 2,500 = 59.1, so 60 steps x 6 = 360 > 153: no credit.
  CHECK(detail(run("CA", 2026, 400000), "ca_exemption_credit") == 0);
  // California taxes HSA contributions: with $4,000 of HSA the California taxable income is still
  // 144,294 (the federal AGI is 146,000), and the tax 9,704.98.
  t = run("CA", 2025, 150000, kSingle, 4000);
  CHECK(t.state_taxable_income == doctest::Approx(144294));
  CHECK(t.state_income_tax == doctest::Approx(9704.98));
}

TEST_CASE("Massachusetts: personal exemption and the deduction for Social Security and Medicare") {
  // 2025, single, $100,000: 100,000 - 4,400 - min(6,200 + 1,450, 2,000) = 93,600 x 5 % = 4,680.
  TakeHome t = run("MA", 2025, 100000);
  CHECK(detail(t, "ma_personal_exemption") == doctest::Approx(4400));
  CHECK(detail(t, "ma_fica_deduction") == doctest::Approx(2000));
  CHECK(t.state_income_tax == doctest::Approx(4680));
  // Joint: 100,000 - 8,800 - 2,000 = 89,200 x 5 % = 4,460.
  CHECK(run("MA", 2025, 100000, kJoint).state_income_tax == doctest::Approx(4460));
  // 2026, single, $1,200,000: taxable 1,193,600; 5 % = 59,680; surtax 4 % x (1,193,600 - 1,083,150)
  // = 4,418; total 64,098.
  CHECK(run("MA", 2026, 1200000).state_income_tax == doctest::Approx(64098));
}

TEST_CASE("New Jersey: personal exemption, and cafeteria-plan reductions taxed") {
  // 2025, single, $100,000: taxable 99,000: 20,000 x 1.4 % = 280; 15,000 x 1.75 % = 262.50;
  //   5,000 x 3.5 % = 175; 35,000 x 5.525 % = 1,933.75; 24,000 x 6.37 % = 1,528.80; total 4,180.05.
  TakeHome t = run("NJ", 2025, 100000);
  CHECK(detail(t, "nj_personal_exemption") == doctest::Approx(1000));
  CHECK(t.state_income_tax == doctest::Approx(4180.05));
  // Joint: taxable 98,000: 20,000 x 1.4 % = 280; 30,000 x 1.75 % = 525; 20,000 x 2.45 % = 490;
  //   10,000 x 3.5 % = 350; 18,000 x 5.525 % = 994.50; total 2,639.50.
  CHECK(run("NJ", 2025, 100000, kJoint).state_income_tax == doctest::Approx(2639.5));
  // An HSA through payroll does not lower New Jersey taxable income: still 4,180.05 (2026, same
  // brackets).
  CHECK(run("NJ", 2026, 100000, kSingle, 4000).state_income_tax == doctest::Approx(4180.05));
}

TEST_CASE("New York: the supplemental tax (recapture of the lower brackets)") {
  // 2025, single, $120,000: taxable 112,000; NY AGI 120,000 is above 107,650, below 157,650:
  //   brackets: 8,500 x 4 % = 340; 3,200 x 4.5 % = 144; 2,200 x 5.25 % = 115.50;
  //   66,750 x 5.5 % = 3,671.25; 31,350 x 6 % = 1,881; total 6,151.75.
  //   Flat 6 % x 112,000 = 6,720; recapture (6,720 - 6,151.75) x (120,000 - 107,650) / 50,000
  //   = 568.25 x 0.2470 = 140.36; tax 6,292.11.
  TakeHome t = run("NY", 2025, 120000);
  CHECK(detail(t, "ny_supplemental_tax") == doctest::Approx(140.36).epsilon(1e-4));
  CHECK(t.state_income_tax == doctest::Approx(6292.11).epsilon(1e-6));
  // 2025, single, $230,000: taxable 222,000 is in the 6.85 % bracket (from 215,400):
  //   brackets 12,355.75 (to 215,400) + 6,600 x 6.85 % = 12,807.85; base 568 (80,650 x 6 % less
  //   the tax on 80,650, 568.25, in whole dollars); full 222,000 x 6.85 % = 15,207;
  //   (15,207 - 12,807.85 - 568) x (230,000 - 215,400) / 50,000 = 1,831.15 x 0.292 = 534.70;
  //   tax 12,807.85 + 568 + 534.70 = 13,910.55.
  CHECK(run("NY", 2025, 230000).state_income_tax == doctest::Approx(13910.55).epsilon(1e-6));
  // 2025, single, $400,000: NY AGI is more than 50,000 above 215,400: 6.85 % of all of taxable
  // 392,000 = 26,852, 2,399.15 above the brackets' 24,452.85 (the "$2,399").
  t = run("NY", 2025, 400000);
  CHECK(t.state_income_tax == doctest::Approx(26852));
  CHECK(detail(t, "ny_supplemental_tax") == doctest::Approx(2399.15));
  // 2026, joint, $200,000 (2026 brackets 3.9 %, 4.4 %, 5.15 %, 5.4 %, 5.9 %…): taxable 183,950:
  //   17,150 x 3.9 % = 668.85; 6,450 x 4.4 % = 283.80; 4,300 x 5.15 % = 221.45 (1,174.10 to 27,900);
  //   133,650 x 5.4 % = 7,217.10; 22,400 x 5.9 % = 1,321.60; total 9,712.80.
  //   Base 27,900 x 5.4 % - 1,174.10 = 332.50, 333 in whole dollars; full 183,950 x 5.9 %
  //   = 10,853.05; (10,853.05 - 9,712.80 - 333) x (200,000 - 161,550) / 50,000 = 807.25 x 0.769
  //   = 620.78; tax 9,712.80 + 333 + 620.78 = 10,666.58.
  CHECK(run("NY", 2026, 200000, kJoint).state_income_tax == doctest::Approx(10666.575));
  // 2026, joint, $400,000: 6.85 % of taxable 383,950 = 26,300.58, 4,210.65 above the brackets'
  // 22,089.93 (the "$4,211").
  t = run("NY", 2026, 400000, kJoint);
  CHECK(t.state_income_tax == doctest::Approx(26300.575));
  CHECK(detail(t, "ny_supplemental_tax") == doctest::Approx(4210.65));
  // Above $25,000,000 of NY AGI: 10.9 % of taxable 29,992,000 = 3,269,128 (2025, single).
  CHECK(run("NY", 2025, 30000000).state_income_tax == doctest::Approx(3269128));
}

TEST_CASE("Illinois: exemption allowance, none above the income limit") {
  // 2026, single, $120,000: (120,000 - 2,850) x 4.95 % = 5,798.93.
  CHECK(run("IL", 2026, 120000).state_income_tax == doctest::Approx(5798.925));
  // Single, $260,000 (federal AGI above 250,000): 260,000 x 4.95 % = 12,870.
  CHECK(run("IL", 2026, 260000).state_income_tax == doctest::Approx(12870));
  // Joint, $260,000 (limit 500,000): (260,000 - 5,700) x 4.95 % = 12,587.85.
  CHECK(run("IL", 2025, 260000, kJoint).state_income_tax == doctest::Approx(12587.85));
}

TEST_CASE("Oregon: federal tax subtraction and exemption credit") {
  // 2025, single, $100,000: federal tax 13,449 (taxable 84,250: 1,192.50 + 4,386 + 7,870.50);
  //   subtraction min(13,449, 8,500) = 8,500; taxable 100,000 - 2,835 - 8,500 = 88,665:
  //   4,400 x 4.75 % = 209; 6,700 x 6.75 % = 452.25; 77,565 x 8.75 % = 6,786.94; total 7,448.19;
  //   credit $256 (AGI not above 100,000): 7,192.19.
  TakeHome t = run("OR", 2025, 100000);
  CHECK(detail(t, "or_federal_tax_subtraction") == doctest::Approx(8500));
  CHECK(t.state_income_tax == doctest::Approx(7192.1875));
  // $132,000: the cap is 5,100 above 130,000 of AGI; no credit above 100,000;
  //   taxable 132,000 - 2,835 - 5,100 = 124,065: 209 + 452.25 + 112,965 x 8.75 % = 10,545.69.
  t = run("OR", 2025, 132000);
  CHECK(detail(t, "or_federal_tax_subtraction") == doctest::Approx(5100));
  CHECK(detail(t, "or_exemption_credit") == 0);
  CHECK(t.state_income_tax == doctest::Approx(10545.6875));
}

TEST_CASE("Maryland: standard deduction and personal exemption by income band") {
  // 2025, single, $120,000: 120,000 - 3,350 - 1,600 (AGI above 100,000, not above 125,000)
  //   = 115,050: 1,000 x 2 % + 1,000 x 3 % + 1,000 x 4 % = 90; 97,000 x 4.75 % = 4,607.50;
  //   15,050 x 5 % = 752.50; total 5,450.
  TakeHome t = run("MD", 2025, 120000);
  CHECK(detail(t, "md_personal_exemption") == doctest::Approx(1600));
  CHECK(t.state_taxable_income == doctest::Approx(115050));
  CHECK(t.state_income_tax == doctest::Approx(5450));
  // Joint, $120,000: 2 x 3,200 (AGI not above 150,000).
  CHECK(detail(run("MD", 2025, 120000, kJoint), "md_personal_exemption") == doctest::Approx(6400));
}

TEST_CASE("Minnesota: standard deduction reduced above the threshold") {
  // 2025, single, $300,000: 14,950 - 3 % x (300,000 - 238,950) = 14,950 - 1,831.50 = 13,118.50;
  //   taxable 286,881.50: 32,570 x 5.35 % = 1,742.49; 74,420 x 6.8 % = 5,060.56;
  //   91,640 x 7.85 % = 7,193.74; 88,251.50 x 9.85 % = 8,692.77; total 22,689.57.
  TakeHome t = run("MN", 2025, 300000);
  CHECK(detail(t, "mn_standard_deduction") == doctest::Approx(13118.5));
  CHECK(t.state_income_tax == doctest::Approx(22689.56775));
}

TEST_CASE("Alabama and Missouri: deductions for federal income tax") {
  // Alabama 2025, single, $100,000: standard deduction 3,000 - 25 x 148 steps of $500 above
  //   26,000, at least 2,500 = 2,500; exemption 1,500; federal tax 13,449; taxable 82,551:
  //   500 x 2 % = 10; 2,500 x 4 % = 100; 79,551 x 5 % = 3,977.55; total 4,087.55.
  TakeHome t = run("AL", 2025, 100000);
  CHECK(detail(t, "al_standard_deduction") == doctest::Approx(2500));
  CHECK(detail(t, "al_federal_tax_deduction") == doctest::Approx(13449));
  CHECK(t.state_income_tax == doctest::Approx(4087.55));
  // Missouri 2025, single, $100,000: AGI in the 50,000-100,000 band: 15 % x 13,449 = 2,017.35
  //   (under the $5,000 cap); taxable 100,000 - 15,750 - 2,017.35 = 82,232.65:
  //   1,313 x (2 + 2.5 + 3 + 3.5 + 4 + 4.5) % = 256.04; 73,041.65 x 4.7 % = 3,432.96; total 3,688.99.
  t = run("MO", 2025, 100000);
  CHECK(detail(t, "mo_federal_tax_deduction") == doctest::Approx(2017.35));
  CHECK(t.state_income_tax == doctest::Approx(3688.99255));
  // Above $125,000 of AGI nothing is deductible.
  CHECK(detail(run("MO", 2025, 130000), "mo_federal_tax_deduction") == 0);
}

TEST_CASE("Colorado: addback of federal deductions above $300,000 of AGI") {
  // 2025, single, $250,000: 4.4 % of federal taxable income 234,250 = 10,307.
  CHECK(run("CO", 2025, 250000).state_income_tax == doctest::Approx(10307));
  // 2025, $400,000: (384,250 + 15,750 - 12,000) x 4.4 % = 388,000 x 4.4 % = 17,072.
  CHECK(run("CO", 2025, 400000).state_income_tax == doctest::Approx(17072));
  // 2026, $400,000: (383,900 + 16,100 - 1,000) x 4.4 % = 399,000 x 4.4 % = 17,556.
  TakeHome t = run("CO", 2026, 400000);
  CHECK(detail(t, "co_federal_deduction_addback") == doctest::Approx(15100));
  CHECK(t.state_income_tax == doctest::Approx(17556));
}

TEST_CASE("Connecticut: add-back and benefit recapture") {
  // 2025, single, $120,000: no personal exemption (it is gone by 45,000 of AGI);
  //   brackets 10,000 x 2 % = 200; 40,000 x 4.5 % = 1,800; 50,000 x 5.5 % = 2,750;
  //   20,000 x 6 % = 1,200; total 5,950. Add-back: 13 steps of $5,000 above 56,500 x 25 = 325,
  //   at most 250. Recapture (low): 3 steps above 105,000 x 25 = 75. Tax 5,950 + 250 + 75 = 6,275.
  TakeHome t = run("CT", 2025, 120000);
  CHECK(detail(t, "ct_personal_exemption") == 0);
  CHECK(detail(t, "ct_phase_out_add_back") == doctest::Approx(250));
  CHECK(detail(t, "ct_recapture_low") == doctest::Approx(75));
  CHECK(detail(t, "ct_recapture_middle") == 0);
  CHECK(t.state_income_tax == doctest::Approx(6275));

  // The marginal rate is the tax on the next $1,000, per dollar. 2025, joint, $400,000: from
  //   400,000 to 401,000 of taxable income the bracket is 6.5 % (65), and the first $10,000 step
  //   of the middle recapture above 400,000 adds 180: (65 + 180) / 1,000 = 24.5 %. On one dollar
  //   it would have read 18,006.5 %. (Found by the fuzzer.)
  t = run("CT", 2025, 400000, kJoint);
  CHECK(detail(t, "ct_recapture_middle") == 0);
  CHECK(t.state_marginal_rate == doctest::Approx(0.245));
}

TEST_CASE("Virginia, Wisconsin and Utah: deductions, sliding scale, credit with phase-out") {
  // Virginia 2025, single, $100,000: 100,000 - 8,750 - 930 = 90,320:
  //   3,000 x 2 % = 60; 2,000 x 3 % = 60; 12,000 x 5 % = 600; 73,320 x 5.75 % = 4,215.90; 4,935.90.
  CHECK(run("VA", 2025, 100000).state_income_tax == doctest::Approx(4935.9));
  // Wisconsin 2025, single, $100,000: 13,560 - 12 % x (100,000 - 19,550) = 3,906; exemption 700;
  //   taxable 95,394: 14,680 x 3.5 % = 513.80; 36,450 x 4.4 % = 1,603.80; 44,264 x 5.3 % = 2,345.99;
  //   total 4,463.59.
  TakeHome wi = run("WI", 2025, 100000);
  CHECK(detail(wi, "wi_standard_deduction") == doctest::Approx(3906));
  CHECK(wi.state_income_tax == doctest::Approx(4463.592));
  // Utah 2025, single, $60,000: 4.5 % x 60,000 = 2,700; credit 6 % x 15,750 = 945 less
  //   1.3 % x (60,000 - 18,213) = 543.23: 401.77; tax 2,298.23.
  TakeHome ut = run("UT", 2025, 60000);
  CHECK(detail(ut, "ut_taxpayer_credit") == doctest::Approx(401.769));
  CHECK(ut.state_income_tax == doctest::Approx(2298.231));
  CHECK_FALSE(std::any_of(ut.notes.begin(), ut.notes.end(),
                          [](const std::string& n) { return n.find("no standard deduction") != std::string::npos; }));
}

TEST_CASE("every state: the not-modelled items are said, per state") {
  // Arkansas' high-income tables and New York's low-income credits are named in the notes.
  auto mentions = [](const TakeHome& t, const std::string& text) {
    return std::any_of(t.notes.begin(), t.notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
  };
  CHECK(mentions(run("AR", 2026, 150000), "Arkansas, not modelled"));
  CHECK(mentions(run("NY", 2026, 150000), "household credit"));
  CHECK(mentions(run("OH", 2026, 150000), "municipal income taxes"));
  CHECK(mentions(run("IN", 2026, 150000), "county income tax"));
  CHECK(mentions(run("CA", 2026, 150000), "2026 inflation adjustment"));
  CHECK_FALSE(mentions(run("CA", 2025, 150000), "2026 inflation adjustment"));
}
