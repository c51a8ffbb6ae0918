#include "salary/take_home.hpp"

#include <algorithm>
#include <cmath>

#include "number_format.hpp"

namespace salary {
namespace {

using detail::format_integer;
using detail::format_number;

constexpr double kMaxSalary = 1e9;

// Said in every result: the model covers one earner's wages under the standard deduction.
constexpr const char* kNotModelled =
    "Not modelled: local income taxes (city, county, school district), tax credits, itemized "
    "deductions, phase-outs of deductions and credits, and any income other than these wages.";

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const typename Map::key_type& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

template <typename Map>
std::string list_years(const Map& by_year) {
  std::string out;
  for (const auto& entry : by_year) out += (out.empty() ? "" : ", ") + format_integer(entry.first);
  return out.empty() ? "none" : out;
}

// The state whose tax applies, or an error. A metro is taxed by its principal state: the dataset
// does not say which of its states a user lives in (docs/dataset.md: first = principal state).
struct StateChoice {
  const Area* state = nullptr;  // nullptr: no state tax (the nation)
};

Result<StateChoice> choose_state(const Dataset& data, const Area& area, std::vector<std::string>& notes) {
  switch (area.kind) {
    case AreaKind::kNation:
      notes.push_back("No state income tax is included: the area is the United States as a whole. "
                      "Choose a state or metro area to include one.");
      return StateChoice{};
    case AreaKind::kState: return StateChoice{&area};
    case AreaKind::kMetro: {
      const Area* state = area.states.empty() ? nullptr : data.find_area(area.states[0]);
      if (!state)
        return make_error(code::kNoData, area.name + " (" + area.code + ") names no state");
      std::string note = area.name + " is taxed here as a resident of its principal state, " +
                         state->name + ".";
      if (area.states.size() > 1) {
        std::string others;
        for (size_t i = 1; i < area.states.size(); ++i) others += (i > 1 ? ", " : "") + area.states[i];
        note += " Residents of its other states (" + others + ") pay their own state's tax instead.";
      }
      notes.push_back(note);
      return StateChoice{state};
    }
    case AreaKind::kWorldRegion: break;
  }
  return make_error(code::kRangeOnly, "take-home pay is computed only for US areas; " + area.name +
                                          " (" + area.code + ") has only a salary range");
}

}  // namespace

double tax_on(const Schedule& schedule, double income) {
  double tax = 0;
  for (size_t i = 0; i < schedule.size(); ++i) {
    const double low = schedule[i].threshold;
    if (income <= low) break;
    const double high = i + 1 < schedule.size() ? schedule[i + 1].threshold : income;
    tax += (std::min(income, high) - low) * schedule[i].rate;
  }
  return tax;
}

double marginal_rate(const Schedule& schedule, double income) {
  // The rate on the next dollar: at exactly a threshold, that dollar is in the upper bracket.
  // Below the first threshold (a surtax that starts at $1M) no rate applies yet.
  double rate = 0;
  for (const Bracket& b : schedule) {
    if (b.threshold > income) break;
    rate = b.rate;
  }
  return rate;
}

Result<TakeHome> take_home(const Dataset& data, const TakeHomeInput& input) {
  const double salary = input.salary;
  const double retirement = input.pretax_retirement;
  if (!std::isfinite(salary) || salary < 0 || salary > kMaxSalary)
    return make_error(code::kInvalidNumber, "salary must be between 0 and " + format_number(kMaxSalary) +
                                                ", got " + format_number(salary));
  if (!std::isfinite(retirement) || retirement < 0 || retirement > salary)
    return make_error(code::kInvalidNumber, "pretax_retirement must be between 0 and the salary (" +
                                                format_number(salary) + "), got " +
                                                format_number(retirement));
  const TaxTables& tax = data.tax;
  const FederalTaxYear* federal = find_in(tax.federal, input.year);
  if (!federal)
    return make_error(code::kUnknownYear, "year: no tax tables for " + format_integer(input.year) +
                                              "; available: " + list_years(tax.federal));
  const Area* area = data.find_area(input.area);
  if (!area) return make_error(code::kUnknownArea, "unknown area \"" + input.area + "\"");

  TakeHome out;
  out.gross = salary;
  out.pretax_retirement = retirement;
  out.year = input.year;
  out.notes.push_back(kNotModelled);

  auto choice = choose_state(data, *area, out.notes);
  if (!choice) return choice.error();
  const Area* state = choice->state;

  // ---- federal income tax ----
  const FilingStatus status = input.filing_status;
  const Schedule* schedule = find_in(federal->brackets, status);
  const double* deduction = find_in(federal->standard_deduction, status);
  const double* medicare_threshold = find_in(federal->additional_medicare_threshold, status);
  if (!schedule || !deduction || !medicare_threshold)  // the loader requires all four statuses
    return make_error(code::kNoData, std::string("no federal tax table for filing status ") +
                                         to_string(status) + " in " + format_integer(input.year));
  // Before the floor at 0: below 0 an extra dollar of wages is still untaxed (marginal rate 0).
  const double federal_raw = salary - retirement - *deduction;
  out.federal_taxable_income = std::max(0.0, federal_raw);
  out.federal_income_tax = tax_on(*schedule, out.federal_taxable_income);
  out.federal_marginal_rate = federal_raw < 0 ? 0 : marginal_rate(*schedule, federal_raw);

  // ---- payroll taxes: on gross wages, because 401(k) deferrals are still FICA wages ----
  out.social_security =
      federal->social_security_rate * std::min(salary, federal->social_security_wage_base);
  out.medicare = federal->medicare_rate * salary;
  out.additional_medicare =
      federal->additional_medicare_rate * std::max(0.0, salary - *medicare_threshold);

  // ---- state income tax ----
  if (state) {
    const auto* year_tables = find_in(tax.states, input.year);
    if (!year_tables)
      return make_error(code::kUnknownYear, "no state tax tables for " + format_integer(input.year) +
                                                "; available: " + list_years(tax.states));
    const StateTax* st = find_in(*year_tables, state->code);
    if (!st)
      return make_error(code::kNoData, "no income tax table for " + state->name + " (" + state->code +
                                           ") in " + format_integer(input.year));
    out.state = state->code;
    // State tables give single and joint only; separate and head of household use single's.
    const bool joint = status == FilingStatus::kJoint;
    double base_raw = 0;
    if (st->base == StateTaxBase::kFederalTaxableIncome) {
      base_raw = federal_raw;
    } else {
      const std::optional<double>& ded = joint ? st->standard_deduction_joint : st->standard_deduction_single;
      base_raw = salary - retirement - ded.value_or(0);
      if (!ded && st->type != StateTaxType::kNone)
        out.notes.push_back(state->name + ": no standard deduction or personal exemption is in the tax "
                            "tables, so its income tax is applied to wages less pre-tax retirement "
                            "contributions.");
    }
    const double base = std::max(0.0, base_raw);
    const bool taxed = base_raw >= 0;  // an extra dollar below the deduction is not taxed
    if (st->type != StateTaxType::kNone) {
      out.state_taxable_income = base;
      double rate = 0;
      if (st->type == StateTaxType::kFlat) {
        out.state_income_tax = st->flat_rate * base;
        rate = st->flat_rate;
      } else {
        const Schedule& s = joint && !st->joint.empty() ? st->joint : st->single;
        out.state_income_tax = tax_on(s, base);
        rate = marginal_rate(s, base);
      }
      out.state_income_tax += tax_on(st->surtax, base);
      rate += marginal_rate(st->surtax, base);
      out.state_marginal_rate = taxed ? rate : 0;
      if (status == FilingStatus::kSeparate || status == FilingStatus::kHeadOfHousehold)
        out.notes.push_back(std::string("The tax tables give ") + state->name +
                            " schedules for single and joint filers only; the " +
                            (status == FilingStatus::kSeparate ? "married filing separately"
                                                               : "head of household") +
                            " estimate uses the single schedule and standard deduction.");
    }
    if (!st->note.empty()) out.notes.push_back(state->name + ": " + st->note);
  }

  if (retirement > 0)
    out.notes.push_back("The pre-tax retirement contribution is taken as entered; the annual "
                        "401(k)/403(b) contribution limit is not checked.");

  out.total_tax = out.federal_income_tax + out.social_security + out.medicare +
                  out.additional_medicare + out.state_income_tax;
  out.net = salary - out.total_tax - retirement;
  out.effective_rate = salary > 0 ? out.total_tax / salary : 0;

  out.lines.push_back({"federal_income_tax", "Federal income tax", tax.federal_source, out.federal_income_tax});
  out.lines.push_back({"social_security", "Social Security", tax.federal_source, out.social_security});
  out.lines.push_back({"medicare", "Medicare", tax.federal_source, out.medicare});
  if (out.additional_medicare > 0)
    out.lines.push_back({"additional_medicare", "Additional Medicare Tax", tax.federal_source,
                         out.additional_medicare});
  if (state)
    out.lines.push_back({"state_income_tax", state->name + " income tax", tax.state_source,
                         out.state_income_tax});
  // A deferral is the earner's own money, not a tax: it has no published source.
  out.lines.push_back({"pretax_retirement", "Pre-tax retirement contribution", "", retirement});
  return out;
}

}  // namespace salary
