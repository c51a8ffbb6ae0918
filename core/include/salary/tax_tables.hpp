// The dataset's tax tables (docs/dataset.md, "tax"): federal income and payroll tax, each state's
// income tax with the items that change it (deductions, exemptions, credits, recapture), the
// employee-paid state payroll programs, local income taxes, and the limits on pre-tax
// contributions. Every item carries its own source id. take_home() reads them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salary {

enum class FilingStatus { kSingle, kJoint, kSeparate, kHeadOfHousehold };
const char* to_string(FilingStatus status);
std::optional<FilingStatus> parse_filing_status(std::string_view text);

struct Bracket {
  double threshold = 0, rate = 0;  // marginal rate on income above threshold
};
using Schedule = std::vector<Bracket>;  // thresholds strictly increasing, first is 0

// A figure that differs for single and joint filers. State and local tables give these two;
// separate and head-of-household filers use the single figure (the result says so).
struct ByStatus {
  double single = 0, joint = 0;
  double of(bool joint_filer) const { return joint_filer ? joint : single; }
};

struct FederalTaxYear {
  std::map<FilingStatus, Schedule> brackets;  // all four statuses
  std::map<FilingStatus, double> standard_deduction;
  double social_security_rate = 0, social_security_wage_base = 0;
  double medicare_rate = 0, additional_medicare_rate = 0;
  std::map<FilingStatus, double> additional_medicare_threshold;
};

// Which pre-tax payroll deductions an income tax leaves out of wages. Federal law leaves out all
// three; Pennsylvania (and its local taxes) taxes 401(k) deferrals, California and New Jersey tax
// HSA contributions, New Jersey taxes every cafeteria-plan (section 125) salary reduction.
struct PretaxExclusions {
  bool retirement = true, hsa = true, fsa = true;
  std::string source, note;  // empty source: the federal treatment, nothing to cite
};

// How an amount changes with income ("income" is the jurisdiction's AGI unless `income` says
// otherwise). kLinear: amount − Σ rate × income in each band of `rates`, never below `floor`.
// kSteps: amount − per_step for each `step` (or part of one) of income above `start`, never below
// `floor`; an addition (phase-in) is instead per_step × steps, at most the amount. kBands: the
// value of the last band whose threshold is below the income. kCliff: nothing above `start`.
enum class PhaseKind { kNone, kLinear, kSteps, kBands, kCliff };
enum class PhaseIncome { kAgi, kFederalAgi, kTaxableIncome };
struct Phase {
  PhaseKind kind = PhaseKind::kNone;
  PhaseIncome income = PhaseIncome::kAgi;
  ByStatus start, step, per_step, floor;
  Schedule rates_single, rates_joint;  // kLinear
  Schedule bands_single, bands_joint;  // kBands
};

// One rule of a state's (or city's) income tax, applied in this order: deductions and the two
// deductions of taxes paid reduce taxable income, income additions raise it; the recapture replaces the bracket tax; additions
// are added to the tax; credits (non-refundable) are subtracted from it, never below zero.
enum class TaxItemKind {
  kDeduction,            // standard deduction, personal exemption: `amount`, changed by `phase`
  kFederalTaxDeduction,  // federal income tax × `share` (by income band), at most `amount` if set
  kPayrollTaxDeduction,  // Social Security + Medicare paid, at most `amount` (Massachusetts)
  kBracketRecapture,     // New York's supplemental tax: the lower brackets' benefit taken back
  kAddition,             // added to the tax (Connecticut's recapture): phases in by `phase`
  kCredit,               // `amount` (or `schedule` of taxable income), changed by `phase`
  kIncomeAddition        // added to taxable income (Colorado's addback of federal deductions)
};
struct TaxItem {
  std::string id, label, source, note;
  TaxItemKind kind = TaxItemKind::kDeduction;
  std::optional<ByStatus> amount;
  Phase phase;
  Schedule share;                            // kFederalTaxDeduction: share deductible by income band
  Schedule schedule_single, schedule_joint;  // kCredit: a marginal schedule of taxable income
  double agi_threshold = 0, phase_in = 0;    // kBracketRecapture: where it starts, over how much AGI
};

enum class StateTaxType { kNone, kFlat, kBrackets };
enum class StateTaxBase { kWages, kFederalTaxableIncome };

struct StateTax {
  StateTaxType type = StateTaxType::kNone;
  StateTaxBase base = StateTaxBase::kWages;
  double flat_rate = 0;
  Schedule single, joint;  // kBrackets
  std::optional<double> standard_deduction_single, standard_deduction_joint;
  Schedule surtax;  // added on the same base; empty if none
  std::string note;
  PretaxExclusions pretax;
  std::vector<TaxItem> items;
  std::vector<std::string> not_modelled;  // each names a rule of this tax that is left out, and why
};

// An employee-paid state payroll program (disability, paid leave, unemployment, long-term care…):
// rate × wages up to `wage_base`, at most `annual_max`, plus per-hour and yearly fixed charges.
// Which wages: all of them (kGross), Social Security wages (kFica: less cafeteria-plan HSA and FSA
// deductions), wages subject to federal income tax withholding (kFederal: less 401(k) deferrals
// too), or the state's income tax wages (kState).
enum class PayrollWages { kGross, kFica, kFederal, kState };
struct PayrollProgram {
  std::string id, label, source, note;
  double rate = 0;
  std::optional<double> wage_base, annual_max;
  double per_hour = 0, per_year = 0;
  PayrollWages wages = PayrollWages::kFica;
};

// A local income tax. Its base is the state's taxable income (New York City, Maryland counties,
// Portland-area taxes), the state's income tax (Yonkers' surcharge), or wages (Philadelphia,
// Michigan cities), less `exemption`; taxed at `rate`, or by `brackets` (marginal), or by `bands`
// (one rate for the whole base, chosen by its size); plus a fixed yearly `fixed` amount, due when
// the wages are above `fixed_above` (0: always; Portland's arts tax exempts households at or
// below the federal poverty guideline); less `credits`.
enum class LocalBase { kStateTaxableIncome, kStateTax, kWages, kNone };
struct LocalTax {
  std::string id, label, source, note;
  LocalBase base = LocalBase::kWages;
  double rate = 0;
  Schedule brackets_single, brackets_joint, bands_single, bands_joint;
  ByStatus exemption, fixed, fixed_above;
  PretaxExclusions pretax;  // kWages: which pre-tax deductions the local tax leaves out
  std::vector<TaxItem> credits;
};

struct Locality {
  std::string id, name, kind, note;  // kind: city, county, district
  std::vector<LocalTax> taxes;
};

struct StateLocalities {
  bool required = false;  // every resident lives in one (Maryland's counties)
  std::vector<Locality> localities;
};

// Limits on an employee's pre-tax contributions for one tax year.
struct ContributionLimits {
  double retirement = 0, retirement_catch_up = 0, retirement_catch_up_age = 50;
  double retirement_super_catch_up = 0, super_catch_up_from = 60, super_catch_up_to = 63;
  std::optional<double> roth_catch_up_wages;  // above these FICA wages, catch-up must be Roth
  double hsa_self = 0, hsa_family = 0, hsa_catch_up = 0, hsa_catch_up_age = 55;
  double fsa = 0;
  std::string retirement_source, hsa_source, fsa_source;
};

struct TaxTables {
  std::string federal_source, state_source;
  std::map<int, FederalTaxYear> federal;                                     // year → table
  std::map<int, std::map<std::string, StateTax>> states;                    // year → state → table
  std::map<int, std::map<std::string, std::vector<PayrollProgram>>> payroll;  // year → state → programs
  std::map<int, std::map<std::string, StateLocalities>> local;              // year → state → places
  std::map<int, ContributionLimits> limits;                                  // year → limits
};

}  // namespace salary
