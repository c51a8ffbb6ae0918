// Pay periods and total compensation. Pure arithmetic over plain values; no dataset needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salary/result.hpp"

namespace salary {

enum class PayPeriod { kAnnual, kMonthly, kSemiMonthly, kBiweekly, kWeekly, kHourly };
const char* to_string(PayPeriod period);  // "annual", "monthly", "semimonthly", "biweekly", "weekly", "hourly"
std::optional<PayPeriod> parse_pay_period(std::string_view text);

// A full-time year is 52 weeks of 40 hours = 2,080 hours, the convention BLS uses to turn hourly
// wages into annual ones.
inline constexpr double kWeeksPerYear = 52;
inline constexpr double kStandardHoursPerWeek = 40;

// Converts an amount paid per `from` period into the amount per `to` period. hours_per_week only
// matters for hourly pay (1 <= hours_per_week <= 168). Errors: amount not finite or negative.
Result<double> convert_pay(double amount, PayPeriod from, PayPeriod to,
                           double hours_per_week = kStandardHoursPerWeek);

struct CompensationParts {
  double base = 0;                      // annual base salary, USD
  double bonus_percent = 0;             // target annual bonus, % of base
  double equity_grant = 0;              // total value of an equity grant, USD ...
  double equity_vesting_years = 4;      // ... vesting over this many years, 0.1 to 10 (annualized)
  double equity_annual = 0;             // or: equity per year directly (added to the grant's share)
  double benefits = 0;                  // employer-paid benefits per year (health, HSA...), USD
  double retirement_match_percent = 0;  // employer retirement contribution, % of base
};

struct CompensationLine {
  std::string id, label;
  double amount = 0;
};

struct TotalCompensation {
  double base = 0, bonus = 0, equity = 0, benefits = 0, retirement_match = 0, total = 0;
  std::vector<CompensationLine> lines;  // base first, then each non-zero component
};

// Errors name the offending field: negative or non-finite amounts, a percent outside 0..1000,
// vesting years outside [0.1, 10].
Result<TotalCompensation> total_compensation(const CompensationParts& parts);

}  // namespace salary
