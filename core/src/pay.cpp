#include "salary/pay.hpp"

#include <cmath>

#include "number_format.hpp"

namespace salary {
namespace {

using detail::format_number;

constexpr PayPeriod kAllPeriods[] = {PayPeriod::kAnnual,   PayPeriod::kMonthly, PayPeriod::kSemiMonthly,
                                     PayPeriod::kBiweekly, PayPeriod::kWeekly,  PayPeriod::kHourly};

// How many of `period` make a year. Hourly depends on the hours worked per week.
double periods_per_year(PayPeriod period, double hours_per_week) {
  switch (period) {
    case PayPeriod::kAnnual: return 1;
    case PayPeriod::kMonthly: return 12;
    case PayPeriod::kSemiMonthly: return 24;
    case PayPeriod::kBiweekly: return 26;
    case PayPeriod::kWeekly: return kWeeksPerYear;
    case PayPeriod::kHourly: return kWeeksPerYear * hours_per_week;
  }
  return 1;
}

// "<field> must be a finite number >= 0, got <value>", or nullopt when the value is fine.
std::optional<Error> check_amount(const char* field, double value) {
  if (std::isfinite(value) && value >= 0) return std::nullopt;
  return make_error(code::kInvalidNumber,
                    std::string(field) + " must be a finite number >= 0, got " + format_number(value));
}

std::optional<Error> check_percent(const char* field, double value) {
  if (std::isfinite(value) && value >= 0 && value <= 1000) return std::nullopt;
  return make_error(code::kInvalidNumber,
                    std::string(field) + " must be between 0 and 1000, got " + format_number(value));
}

}  // namespace

const char* to_string(PayPeriod period) {
  switch (period) {
    case PayPeriod::kAnnual: return "annual";
    case PayPeriod::kMonthly: return "monthly";
    case PayPeriod::kSemiMonthly: return "semimonthly";
    case PayPeriod::kBiweekly: return "biweekly";
    case PayPeriod::kWeekly: return "weekly";
    case PayPeriod::kHourly: return "hourly";
  }
  return "annual";
}

std::optional<PayPeriod> parse_pay_period(std::string_view text) {
  for (PayPeriod period : kAllPeriods)
    if (text == to_string(period)) return period;
  return std::nullopt;
}

Result<double> convert_pay(double amount, PayPeriod from, PayPeriod to, double hours_per_week) {
  if (auto error = check_amount("amount", amount)) return *error;
  // Hours are only checked when an hourly rate is involved, so a caller converting monthly to
  // annual is not failed by an unused field.
  if (from == PayPeriod::kHourly || to == PayPeriod::kHourly) {
    // At least an hour a week: a billionth of one makes any wage a trillion dollars an hour.
    if (!(hours_per_week >= 1 && hours_per_week <= 168))
      return make_error(code::kInvalidNumber,
                        "hours_per_week must be at least 1 and at most 168, got " + format_number(hours_per_week));
  }
  // The same period is the amount itself: through a year, rounding could change its last digit.
  if (from == to) return amount;
  double annual = amount * periods_per_year(from, hours_per_week);
  double converted = annual / periods_per_year(to, hours_per_week);
  // Only absurd inputs (near DBL_MAX) overflow; refuse them rather than return infinity.
  if (!std::isfinite(converted))
    return make_error(code::kInvalidNumber, "amount is too large to convert, got " + format_number(amount));
  return converted;
}

Result<TotalCompensation> total_compensation(const CompensationParts& parts) {
  // Checked in field order so the first wrong field is the one reported.
  if (auto e = check_amount("base", parts.base)) return *e;
  if (auto e = check_percent("bonus_percent", parts.bonus_percent)) return *e;
  if (auto e = check_amount("equity_grant", parts.equity_grant)) return *e;
  // At least a tenth of a year (about five weeks): over 1e-300 years any grant overflows.
  if (!(parts.equity_vesting_years >= 0.1 && parts.equity_vesting_years <= 10))
    return make_error(code::kInvalidNumber,
                      "equity_vesting_years must be at least 0.1 and at most 10, got " +
                          format_number(parts.equity_vesting_years));
  if (auto e = check_amount("equity_annual", parts.equity_annual)) return *e;
  if (auto e = check_amount("benefits", parts.benefits)) return *e;
  if (auto e = check_percent("retirement_match_percent", parts.retirement_match_percent)) return *e;

  TotalCompensation out;
  out.base = parts.base;
  out.bonus = parts.base * parts.bonus_percent / 100;
  out.equity = parts.equity_grant / parts.equity_vesting_years + parts.equity_annual;
  out.benefits = parts.benefits;
  out.retirement_match = parts.base * parts.retirement_match_percent / 100;
  out.total = out.base + out.bonus + out.equity + out.benefits + out.retirement_match;
  // Each part was finite, but their sum can still overflow (with parts near 1e308): no one
  // argument is to blame.
  if (!std::isfinite(out.total)) return make_error(code::kInvalidNumber, "total compensation is too large");

  out.lines.push_back({"base", "Base salary", out.base});
  const CompensationLine optional_lines[] = {
      {"bonus", "Target bonus", out.bonus},
      {"equity", "Equity (per year)", out.equity},
      {"benefits", "Employer-paid benefits", out.benefits},
      {"retirement_match", "Employer retirement contribution", out.retirement_match},
  };
  for (const CompensationLine& line : optional_lines)
    if (line.amount > 0) out.lines.push_back(line);
  return out;
}

}  // namespace salary
