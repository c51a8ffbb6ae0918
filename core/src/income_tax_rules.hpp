// The state and local parts of take-home pay (core/src/take_home.cpp calls them): a state's income
// tax with its items, a local income tax, and a state payroll program. docs/model.md describes
// the rules; tax_tables.hpp the data they read.
#pragma once

#include <vector>

#include "salary/take_home.hpp"

namespace salary::detail {

// The incomes a phase-out can test.
struct Incomes {
  double agi = 0, federal_agi = 0, taxable = 0;
};

// The value of the last band whose threshold is below `income` (the first band's at 0).
double band_value(const Schedule& bands, double income);

// A deduction's, credit's or addition's amount after its phase-out (or an addition's phase-in).
double phased_amount(const TaxItem& item, bool joint, const Incomes& in);

// Wages less the pre-tax deductions a tax leaves out.
double wages_after(const PretaxExclusions& p, double salary, double retirement, double hsa, double fsa);

struct EarnerIncome {
  bool joint = false;
  double salary = 0, retirement = 0, hsa = 0, fsa = 0;
  double federal_agi = 0, federal_taxable_raw = 0, federal_income_tax = 0, fica_paid = 0;
};

struct StateIncomeTax {
  double agi = 0, taxable = 0, tax = 0;
  bool deducts_nothing = false;  // no standard deduction, exemption or other deduction applies
  std::vector<TaxDetail> details;
};

StateIncomeTax state_income_tax(const StateTax& st, const EarnerIncome& in);

// A local tax for a resident, given the state's figures; its rules go to `details`.
double local_income_tax(const LocalTax& t, const EarnerIncome& in, const StateIncomeTax& state,
                        std::vector<TaxDetail>& details);

// Hours a year for per-hour programs: 52 weeks of 40 hours (the BLS convention of docs/model.md),
// fewer for pay below 2,080 hours at the federal minimum wage ($7.25 an hour, 29 U.S.C. 206(a)(1)
// since July 24, 2009: no one covered is paid less an hour), which cannot be a full-time year.
// The yearly charges shrink in the same proportion.
inline constexpr double kHoursPerYear = 2080;
inline constexpr double kFederalMinimumWage = 7.25;

struct Wages {
  double gross = 0, fica = 0, federal = 0, state = 0;
};
double payroll_contribution(const PayrollProgram& p, const Wages& wages);

}  // namespace salary::detail
