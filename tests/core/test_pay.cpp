// Pay periods and total compensation: plain arithmetic, so every expected figure is worked out in
// the comments.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "salary/pay.hpp"

using namespace salary;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

double convert(double amount, PayPeriod from, PayPeriod to, double hours = kStandardHoursPerWeek) {
  auto r = convert_pay(amount, from, to, hours);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  return r.value();
}
}  // namespace

TEST_CASE("pay periods round-trip through their names") {
  for (PayPeriod p : {PayPeriod::kAnnual, PayPeriod::kMonthly, PayPeriod::kSemiMonthly,
                      PayPeriod::kBiweekly, PayPeriod::kWeekly, PayPeriod::kHourly}) {
    auto parsed = parse_pay_period(to_string(p));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == p);
  }
  CHECK(std::string(to_string(PayPeriod::kSemiMonthly)) == "semimonthly");
  CHECK_FALSE(parse_pay_period("Annual").has_value());  // names are exact, lowercase
  CHECK_FALSE(parse_pay_period("fortnightly").has_value());
  CHECK_FALSE(parse_pay_period("").has_value());
}

TEST_CASE("convert_pay: annual to each period") {
  // 104,000 a year: /12 = 8,666.67; /24 = 4,333.33; /26 = 4,000; /52 = 2,000; /2,080 h = 50.
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kAnnual) == doctest::Approx(104000));
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kMonthly) == doctest::Approx(8666.666667));
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kSemiMonthly) == doctest::Approx(4333.333333));
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kBiweekly) == doctest::Approx(4000));
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kWeekly) == doctest::Approx(2000));
  CHECK(convert(104000, PayPeriod::kAnnual, PayPeriod::kHourly) == doctest::Approx(50));
}

TEST_CASE("convert_pay: hourly uses 52 weeks x hours_per_week") {
  // 50/h x 40 h x 52 = 104,000 (the BLS 2,080-hour year); at 30 h: 50 x 30 x 52 = 78,000.
  CHECK(convert(50, PayPeriod::kHourly, PayPeriod::kAnnual) == doctest::Approx(104000));
  CHECK(convert(50, PayPeriod::kHourly, PayPeriod::kAnnual, 30) == doctest::Approx(78000));
  // 78,000 a year at 30 h/week is 50 an hour.
  CHECK(convert(78000, PayPeriod::kAnnual, PayPeriod::kHourly, 30) == doctest::Approx(50));
  // 5,000 a month = 60,000 a year = 2,307.69 biweekly.
  CHECK(convert(5000, PayPeriod::kMonthly, PayPeriod::kBiweekly) == doctest::Approx(2307.692308));
  CHECK(convert(0, PayPeriod::kWeekly, PayPeriod::kAnnual) == 0);
}

TEST_CASE("convert_pay: every pair round-trips") {
  const PayPeriod all[] = {PayPeriod::kAnnual,   PayPeriod::kMonthly, PayPeriod::kSemiMonthly,
                           PayPeriod::kBiweekly, PayPeriod::kWeekly,  PayPeriod::kHourly};
  for (PayPeriod a : all)
    for (PayPeriod b : all) {
      double there = convert(123456.78, a, b, 37.5);
      CHECK(convert(there, b, a, 37.5) == doctest::Approx(123456.78));
    }
}

TEST_CASE("convert_pay: errors name the argument") {
  for (double bad : {kNaN, kInf, -1.0}) {
    auto r = convert_pay(bad, PayPeriod::kAnnual, PayPeriod::kMonthly);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code::kInvalidNumber);
    CHECK(r.error().message.find("amount") != std::string::npos);
  }
  for (double bad : {0.0, -5.0, 169.0, kNaN}) {
    auto r = convert_pay(1000, PayPeriod::kAnnual, PayPeriod::kHourly, bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code::kInvalidNumber);
    CHECK(r.error().message.find("hours_per_week") != std::string::npos);
  }
  // Hours only matter when an hourly rate is involved.
  CHECK(convert_pay(1000, PayPeriod::kMonthly, PayPeriod::kAnnual, 0).ok());
  CHECK(convert_pay(1000, PayPeriod::kHourly, PayPeriod::kAnnual, 168).ok());
  // Finite input whose conversion overflows.
  auto huge = convert_pay(1e307, PayPeriod::kHourly, PayPeriod::kAnnual, 168);
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().code == code::kInvalidNumber);
}

TEST_CASE("total_compensation adds each component") {
  CompensationParts parts;
  parts.base = 150000;
  parts.bonus_percent = 15;             // 150,000 x 15 % = 22,500
  parts.equity_grant = 200000;          // 200,000 / 4 years = 50,000 ...
  parts.equity_annual = 10000;          // ... + 10,000 a year = 60,000
  parts.benefits = 12000;
  parts.retirement_match_percent = 4;   // 150,000 x 4 % = 6,000
  auto r = total_compensation(parts);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->base == 150000);
  CHECK(r->bonus == doctest::Approx(22500));
  CHECK(r->equity == doctest::Approx(60000));
  CHECK(r->benefits == 12000);
  CHECK(r->retirement_match == doctest::Approx(6000));
  // 150,000 + 22,500 + 60,000 + 12,000 + 6,000 = 250,500
  CHECK(r->total == doctest::Approx(250500));
  REQUIRE(r->lines.size() == 5);
  CHECK(r->lines[0].id == "base");
  CHECK(r->lines[1].id == "bonus");
  CHECK(r->lines[2].id == "equity");
  CHECK(r->lines[3].id == "benefits");
  CHECK(r->lines[4].id == "retirement_match");
  for (const auto& line : r->lines) CHECK_FALSE(line.label.empty());
}

TEST_CASE("total_compensation: base only lists one line; vesting years annualize the grant") {
  CompensationParts parts;
  parts.base = 90000;
  auto r = total_compensation(parts);
  REQUIRE(r.ok());
  CHECK(r->total == 90000);
  REQUIRE(r->lines.size() == 1);
  CHECK(r->lines[0].id == "base");

  parts.equity_grant = 30000;
  parts.equity_vesting_years = 3;  // 30,000 / 3 = 10,000 a year
  r = total_compensation(parts);
  REQUIRE(r.ok());
  CHECK(r->equity == doctest::Approx(10000));
  CHECK(r->total == doctest::Approx(100000));
}

TEST_CASE("total_compensation: errors name the field") {
  struct Case {
    void (*set)(CompensationParts&);
    const char* message;
  };
  const Case cases[] = {
      {[](CompensationParts& p) { p.base = -1; }, "base must be a finite number >= 0, got -1"},
      {[](CompensationParts& p) { p.base = kNaN; }, "base must be a finite number >= 0, got NaN"},
      {[](CompensationParts& p) { p.bonus_percent = -5; }, "bonus_percent must be between 0 and 1000, got -5"},
      {[](CompensationParts& p) { p.bonus_percent = 1001; }, "bonus_percent must be between 0 and 1000, got 1001"},
      {[](CompensationParts& p) { p.equity_grant = kInf; }, "equity_grant must be a finite number >= 0, got Infinity"},
      {[](CompensationParts& p) { p.equity_vesting_years = 0; },
       "equity_vesting_years must be at least 0.1 and at most 10, got 0"},
      {[](CompensationParts& p) { p.equity_vesting_years = 1e-300; },  // issue 14: it blamed base
       "equity_vesting_years must be at least 0.1 and at most 10, got 1e-300"},
      {[](CompensationParts& p) { p.equity_vesting_years = 11; },
       "equity_vesting_years must be at least 0.1 and at most 10, got 11"},
      {[](CompensationParts& p) { p.equity_annual = -0.5; }, "equity_annual must be a finite number >= 0, got -0.5"},
      {[](CompensationParts& p) { p.benefits = -100; }, "benefits must be a finite number >= 0, got -100"},
      {[](CompensationParts& p) { p.retirement_match_percent = kNaN; },
       "retirement_match_percent must be between 0 and 1000, got NaN"},
  };
  for (const Case& c : cases) {
    CompensationParts parts;
    parts.base = 100000;
    c.set(parts);
    auto r = total_compensation(parts);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code::kInvalidNumber);
    CHECK(r.error().message == c.message);
  }
}

TEST_CASE("convert_pay: the same period is the amount itself (fuzz regression)") {
  // hourly → hourly went through a year of 52 × 5e-324 hours, a subnormal product that kept two
  // significant digits: 32.549 came back as 32.558. Such hours are refused now (below); through a
  // year of ordinary hours the last digit could still change.
  auto r = convert_pay(32.549019607843135, PayPeriod::kHourly, PayPeriod::kHourly, 37.3);
  REQUIRE(r.ok());
  CHECK(*r == 32.549019607843135);
  CHECK(*convert_pay(1234.5, PayPeriod::kMonthly, PayPeriod::kMonthly) == 1234.5);
}

TEST_CASE("convert_pay: hours per week are human, at least 1 (issue 14)") {
  // 1e-9 hours a week made $120,000 a year $2.3e12 an hour; a subnormal one, any wage infinite.
  for (double hours : {1e-9, std::numeric_limits<double>::denorm_min(), 0.5, 0.999}) {
    auto r = convert_pay(120000, PayPeriod::kAnnual, PayPeriod::kHourly, hours);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind("hours_per_week must be at least 1 and at most 168, got ", 0) == 0);
  }
  // 120,000 / (52 × 1) = 2307.69… an hour, at the least.
  CHECK(*convert_pay(120000, PayPeriod::kAnnual, PayPeriod::kHourly, 1) == doctest::Approx(2307.6923));
}

TEST_CASE("total_compensation: a sum that overflows blames no one argument (issue 14)") {
  // It said "got base …" whatever overflowed: with a grant over 1e-300 years (now refused,
  // above), it blamed a base of 150,000.
  CompensationParts parts;
  parts.base = 150000;
  parts.equity_grant = 1.7e308;
  parts.equity_vesting_years = 0.5;  // 3.4e308 a year
  CHECK(total_compensation(parts).error().message == "total compensation is too large");
  CHECK(total_compensation({0.1, 0, 1e9, 0.1, 0, 0, 0})->equity == doctest::Approx(1e10));
}
