// Take-home pay after federal income tax, Social Security, Medicare (with the Additional Medicare
// Tax) and state income tax, for wage income of one earner. Not modelled, and said so in every
// result's notes: local income taxes, tax credits, itemized deductions, phase-outs, other income.
#pragma once

#include <string>
#include <vector>

#include "salary/dataset.hpp"

namespace salary {

struct TakeHomeInput {
  double salary = 0;             // annual gross wages, USD
  std::string area = "US";       // a state, a metro (its principal state is used), or US (no state tax)
  int year = 2026;
  FilingStatus filing_status = FilingStatus::kSingle;
  double pretax_retirement = 0;  // employee 401(k)/403(b) deferral per year, USD (not capped here)
};

struct TaxLine {
  std::string id, label, source;  // id: federal_income_tax, social_security, medicare,
  double amount = 0;              // additional_medicare, state_income_tax, pretax_retirement
};

struct TakeHome {
  double gross = 0, pretax_retirement = 0;
  double federal_taxable_income = 0, state_taxable_income = 0;
  double federal_income_tax = 0, social_security = 0, medicare = 0, additional_medicare = 0;
  double state_income_tax = 0, total_tax = 0;
  double net = 0;             // gross - total_tax - pretax_retirement
  double effective_rate = 0;  // total_tax / gross (0 when gross is 0)
  double federal_marginal_rate = 0, state_marginal_rate = 0;
  std::string state;          // the state whose tax was applied ("" for US)
  int year = 0;
  std::vector<TaxLine> lines;       // each tax, then the retirement deferral
  std::vector<std::string> notes;   // what is not modelled, and any approximation made
};

// Tax on `income` under a bracket schedule (marginal rates over thresholds).
double tax_on(const Schedule& schedule, double income);
double marginal_rate(const Schedule& schedule, double income);

// Errors: invalid_number (salary/retirement not finite, negative, above 1e9, or retirement >
// salary), unknown_area, unknown_year, range_only (world regions).
Result<TakeHome> take_home(const Dataset& data, const TakeHomeInput& input);

}  // namespace salary
