// Take-home pay of one earner's wages: federal income tax, Social Security and Medicare (with the
// Additional Medicare Tax), the state's income tax with its deductions, exemptions, credits and
// recapture, the state's employee-paid payroll programs (disability, paid leave, unemployment,
// long-term care…), the local income taxes of the chosen locality, and the pre-tax 401(k), HSA and
// health FSA contributions, each checked against its limit for the year. Every deduction is a line
// with its own source; what the model leaves out is said in the result's notes, per state.
#pragma once

#include <string>
#include <vector>

#include "salary/dataset.hpp"

namespace salary {

enum class HsaCoverage { kSelf, kFamily };
const char* to_string(HsaCoverage coverage);
std::optional<HsaCoverage> parse_hsa_coverage(std::string_view text);

struct TakeHomeInput {
  double salary = 0;             // annual gross wages, USD
  std::string area = "US";       // a state, a metro or nonmetro area, or US (no state tax)
  std::string residence_state;   // for an area spanning several states: the one lived in (default:
                                 // its principal state); must be one of the area's states
  int year = 2026;
  FilingStatus filing_status = FilingStatus::kSingle;
  std::string locality;          // "" = none; else an id from localities() for the state
  double pretax_retirement = 0;  // employee 401(k)/403(b) elective deferral per year, USD
  int age = 0;                   // at the end of the year; 0 = not given (no catch-up contributions)
  double hsa = 0;                // employee HSA contribution through payroll (section 125), USD
  HsaCoverage hsa_coverage = HsaCoverage::kSelf;
  double fsa = 0;                // health flexible spending account salary reduction, USD
};

// One deduction from pay. kind: federal (income tax), fica (Social Security, Medicare), state
// (income tax), state_payroll (a state payroll program), local (a local tax), pretax (the
// earner's own contributions, which have no published source).
struct TaxLine {
  std::string id, label, source;
  double amount = 0;
  std::string kind;
};

// One rule inside the state or a local income tax, for the reader who checks it: a deduction or
// exemption (from taxable income), a credit, an addition or a recapture (to the tax). `tax`
// names the line it belongs to (state_income_tax or a local tax id).
struct TaxDetail {
  std::string id, label, source, kind, tax;
  double amount = 0;
};

// The most each pre-tax contribution may be for these inputs (0 = no limit in the data).
struct ContributionCaps {
  double retirement = 0, hsa = 0, fsa = 0;
  std::string retirement_source, hsa_source, fsa_source;
};

struct TakeHome {
  double gross = 0, pretax_retirement = 0, hsa = 0, fsa = 0;
  double federal_taxable_income = 0, state_taxable_income = 0;
  double federal_income_tax = 0, social_security = 0, medicare = 0, additional_medicare = 0;
  double state_income_tax = 0, state_payroll_tax = 0, local_income_tax = 0, total_tax = 0;
  double net = 0;             // gross − total_tax − pretax_retirement − hsa − fsa
  double effective_rate = 0;  // total_tax / gross (0 when gross is 0)
  double federal_marginal_rate = 0;  // the bracket rate of the next dollar
  double state_marginal_rate = 0;    // the state income tax on the next $1,000, per dollar
  std::string state;          // the state whose tax was applied ("" for US)
  std::string locality, locality_name;  // the locality applied ("" for none)
  int year = 0;
  ContributionCaps caps;
  std::vector<TaxLine> lines;       // each tax and program, then the pre-tax contributions
  std::vector<TaxDetail> details;   // the rules inside the state and local income taxes
  std::vector<std::string> notes;   // what is not modelled, and any approximation made
};

// Tax on `income` under a bracket schedule (marginal rates over thresholds).
double tax_on(const Schedule& schedule, double income);
double marginal_rate(const Schedule& schedule, double income);

// The localities of a state with a local income tax in `year` (nullptr: none). For the place
// picker: "Do you live in the city of …?".
const StateLocalities* find_localities(const Dataset& data, int year, const std::string& state);

// The state whose income tax applies to `area` (a state; a metro or nonmetro area's principal state; none for the
// nation) and its localities with a local income tax in `year` (none: the state has none in the
// tables), for the place picker. Errors: unknown_area, range_only, unknown_year.
struct AreaLocalities {
  const Area* state = nullptr;
  const StateLocalities* places = nullptr;
};
Result<AreaLocalities> area_localities(const Dataset& data, const std::string& area, int year);

// The contribution limits for a year, age (0 = not given) and HSA coverage, for salary `wages`
// (the 2026 rule that high earners' catch-up contributions be Roth, not pre-tax, reads it).
// Errors: unknown_year.
Result<ContributionCaps> contribution_caps(const Dataset& data, int year, int age, HsaCoverage coverage,
                                           double wages);

// Errors: invalid_number (a negative, non-finite or too large amount, pre-tax contributions above
// the salary, an age outside 14–120), over_limit (a contribution above its limit for the year),
// invalid_argument (a residence_state that is not one of the area's states), unknown_area,
// unknown_locality, unknown_year, no_data (a territory: no tax tables), range_only (world regions).
Result<TakeHome> take_home(const Dataset& data, const TakeHomeInput& input);

}  // namespace salary
