#include "salary/take_home.hpp"

#include <algorithm>
#include <cmath>

#include "income_tax_rules.hpp"
#include "number_format.hpp"

namespace salary {
namespace {

using detail::format_integer;
using detail::format_number;

constexpr double kMaxSalary = 1e9;

// Said in every result: the model covers one earner's wages, without dependents.
constexpr const char* kNotModelled =
    "Not modelled: itemized deductions, dependents and the credits that depend on them, income "
    "other than these wages, a spouse's income, and local taxes of places not listed for the state.";

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

constexpr double kMarginalStep = 1000;  // the state marginal rate: on the next $1,000 of wages

// "$24,500", "$1,234.5": to the cent, with thousands separators.
std::string money(double v) {
  std::string digits = format_number(std::nearbyint(v * 100) / 100);
  const size_t point = std::min(digits.find('.'), digits.size());
  for (long i = static_cast<long>(point) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return "$" + digits;
}

// The state whose tax applies (nullptr: none, the nation), or an error. A metro or nonmetro area
// that spans several states is taxed as a resident of `residence` when given (it must be one of
// them), else of its principal state (docs/dataset.md: first = principal), and the note says
// which and how to choose another.
Result<const Area*> choose_state(const Dataset& data, const Area& area, const std::string& residence,
                                 std::vector<std::string>& notes) {
  if (!residence.empty() && !is_wage_area(area.kind))
    return make_error(code::kInvalidArgument, "residenceState applies only to a metro or nonmetro area");
  const Area* state = &area;
  switch (area.kind) {
    case AreaKind::kNation:
      notes.push_back("No state income tax is included: the area is the United States as a whole. "
                      "Choose a state or metro area to include one.");
      return static_cast<const Area*>(nullptr);
    case AreaKind::kMetro:
    case AreaKind::kNonmetro: {
      const std::string& code = residence.empty() ? area.states.at(0) : residence;  // never empty (loader)
      bool listed = false;
      for (const std::string& s : area.states) listed = listed || s == code;
      if (!listed)
        return make_error(code::kInvalidArgument,
                          "residenceState \"" + code + "\" is not one of the states of " + area.name);
      state = data.find_area(code);
      if (area.states.size() > 1 && state)
        notes.push_back(area.name + ": taxed as a resident of " + state->name +
                        (residence.empty() ? ", its principal state (say which state you live in to change it)."
                                           : ", where you live."));
      break;
    }
    case AreaKind::kWorldRegion:
      return make_error(code::kRangeOnly, "take-home pay is computed only for US areas; " + area.name +
                                              " (" + area.code + ") has only a salary range");
    default: break;
  }
  if (!state || state->kind != AreaKind::kState)
    return make_error(code::kNoData, "no tax tables for " + (state ? state->name : area.name) +
                                         ": take-home pay is computed for the 50 states and DC");
  return state;
}

std::optional<Error> check_amount(const char* name, double value) {
  if (std::isfinite(value) && value >= 0 && value <= kMaxSalary) return std::nullopt;
  return make_error(code::kInvalidNumber, std::string(name) + " must be between 0 and " +
                                              format_number(kMaxSalary) + ", got " + format_number(value));
}

std::optional<Error> check_limits(const TakeHomeInput& in, const ContributionCaps& caps,
                                  const ContributionLimits& limits) {
  const std::string year = format_integer(in.year);
  if (caps.retirement > 0 && in.pretax_retirement > caps.retirement) {
    std::string why = "the " + year + " limit on 401(k)/403(b) employee deferrals is " + money(limits.retirement);
    const double with_catch_up = limits.retirement + limits.retirement_catch_up;
    if (in.age == 0)
      why += " (from age " + format_integer(static_cast<int>(limits.retirement_catch_up_age)) + ", " +
             money(with_catch_up) + ": give the age to include the catch-up contribution)";
    else if (in.age < limits.retirement_catch_up_age)
      why += " at age " + format_integer(in.age);
    else if (caps.retirement == limits.retirement)
      why += ": catch-up contributions of an employee whose Social Security wages were above " +
             money(limits.roth_catch_up_wages.value_or(0)) + " the year before must be Roth (after-tax) from " +
             year + ", so they are not pre-tax";
    else
      why += ", " + money(caps.retirement) + " with the catch-up contribution at age " + format_integer(in.age);
    return make_error(code::kOverLimit, "The 401(k)/403(b) contribution (" + money(in.pretax_retirement) +
                                            ") is above the limit: " + why);
  }
  if (caps.hsa > 0 && in.hsa > caps.hsa)
    return make_error(code::kOverLimit,
                      "The HSA contribution (" + money(in.hsa) + ") is above the " + year + " HSA limit of " + money(caps.hsa) +
                          " for " + (in.hsa_coverage == HsaCoverage::kFamily ? "family" : "self-only") +
                          " coverage (self-only " + money(limits.hsa_self) + ", family " + money(limits.hsa_family) +
                          ", plus " + money(limits.hsa_catch_up) + " from age " +
                          format_integer(static_cast<int>(limits.hsa_catch_up_age)) + ")");
  if (caps.fsa > 0 && in.fsa > caps.fsa)
    return make_error(code::kOverLimit, "The health FSA contribution (" + money(in.fsa) + ") is above the " + year +
                                            " limit on health FSA salary reductions of " + money(caps.fsa));
  return std::nullopt;
}

struct Federal {
  double agi = 0, taxable_raw = 0, taxable = 0, income_tax = 0, marginal = 0;
  double fica_wages = 0, social_security = 0, medicare = 0, additional_medicare = 0;
};

// Section 125 (cafeteria-plan) HSA and FSA contributions are outside federal wages and FICA
// wages; 401(k) deferrals are outside federal wages but still FICA wages.
Federal federal_tax(const FederalTaxYear& f, FilingStatus status, double salary, double retirement,
                    double hsa, double fsa) {
  Federal out;
  out.agi = salary - retirement - hsa - fsa;
  out.taxable_raw = out.agi - f.standard_deduction.at(status);
  out.taxable = std::max(0.0, out.taxable_raw);
  const Schedule& schedule = f.brackets.at(status);
  out.income_tax = tax_on(schedule, out.taxable);
  // Before the floor at 0: below it an extra dollar of wages is still untaxed (marginal rate 0).
  out.marginal = out.taxable_raw < 0 ? 0 : marginal_rate(schedule, out.taxable_raw);
  out.fica_wages = salary - hsa - fsa;
  out.social_security = f.social_security_rate * std::min(out.fica_wages, f.social_security_wage_base);
  out.medicare = f.medicare_rate * out.fica_wages;
  out.additional_medicare =
      f.additional_medicare_rate * std::max(0.0, out.fica_wages - f.additional_medicare_threshold.at(status));
  return out;
}

detail::EarnerIncome earner(const TakeHomeInput& in, double salary, const Federal& f) {
  return {in.filing_status == FilingStatus::kJoint, salary, in.pretax_retirement, in.hsa, in.fsa,
          f.agi, f.taxable_raw, f.income_tax, f.social_security + f.medicare};
}

const Locality* find_locality(const StateLocalities& places, const std::string& wanted) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
  };
  for (const Locality& l : places.localities)
    if (lower(l.id) == lower(wanted) || lower(l.name) == lower(wanted)) return &l;
  return nullptr;
}

}  // namespace

const char* to_string(HsaCoverage coverage) { return coverage == HsaCoverage::kFamily ? "family" : "self"; }

std::optional<HsaCoverage> parse_hsa_coverage(std::string_view text) {
  if (text == "self") return HsaCoverage::kSelf;
  if (text == "family") return HsaCoverage::kFamily;
  return std::nullopt;
}

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

const StateLocalities* find_localities(const Dataset& data, int year, const std::string& state) {
  const auto* by_state = find_in(data.tax.local, year);
  return by_state ? find_in(*by_state, state) : nullptr;
}

Result<AreaLocalities> area_localities(const Dataset& data, const std::string& area_code, int year) {
  if (!find_in(data.tax.federal, year))
    return make_error(code::kUnknownYear, "year: no tax tables for " + format_integer(year) +
                                              "; available: " + list_years(data.tax.federal));
  const Area* area = data.find_area(area_code);
  if (!area) return make_error(code::kUnknownArea, "unknown area \"" + area_code + "\"");
  std::vector<std::string> notes;
  auto state = choose_state(data, *area, "", notes);
  if (!state) return state.error();
  AreaLocalities out;
  out.state = *state;
  if (out.state) out.places = find_localities(data, year, out.state->code);
  return out;
}

Result<ContributionCaps> contribution_caps(const Dataset& data, int year, int age, HsaCoverage coverage,
                                           double wages) {
  ContributionCaps caps;
  if (data.tax.limits.empty()) return caps;  // a dataset without limits: nothing to check against
  const ContributionLimits* l = find_in(data.tax.limits, year);
  if (!l)
    return make_error(code::kUnknownYear, "year: no contribution limits for " + format_integer(year) +
                                              "; available: " + list_years(data.tax.limits));
  caps.retirement = l->retirement;
  if (age >= l->retirement_catch_up_age && !(l->roth_catch_up_wages && wages > *l->roth_catch_up_wages)) {
    const bool super = age >= l->super_catch_up_from && age <= l->super_catch_up_to && l->retirement_super_catch_up > 0;
    caps.retirement += super ? l->retirement_super_catch_up : l->retirement_catch_up;
  }
  caps.hsa = (coverage == HsaCoverage::kFamily ? l->hsa_family : l->hsa_self) +
             (age >= l->hsa_catch_up_age ? l->hsa_catch_up : 0);
  caps.fsa = l->fsa;
  caps.retirement_source = l->retirement_source;
  caps.hsa_source = l->hsa_source;
  caps.fsa_source = l->fsa_source;
  return caps;
}

Result<TakeHome> take_home(const Dataset& data, const TakeHomeInput& input) {
  const double salary = input.salary;
  for (auto [name, value] : {std::pair{"salary", salary}, {"pretax_retirement", input.pretax_retirement},
                             {"hsa", input.hsa}, {"fsa", input.fsa}})
    if (auto e = check_amount(name, value)) return *e;
  const double pretax = input.pretax_retirement + input.hsa + input.fsa;
  if (pretax > salary)
    return make_error(code::kInvalidNumber,
                      input.hsa + input.fsa > 0
                          ? "pre-tax contributions (401(k) " + format_number(input.pretax_retirement) + " + HSA " +
                                format_number(input.hsa) + " + FSA " + format_number(input.fsa) +
                                ") must not exceed the salary (" + format_number(salary) + ")"
                          : "pretax_retirement must be between 0 and the salary (" + format_number(salary) +
                                "), got " + format_number(input.pretax_retirement));
  if (input.age != 0 && (input.age < 14 || input.age > 120))
    return make_error(code::kInvalidNumber, "age must be between 14 and 120 (or not given), got " + format_integer(input.age));
  const TaxTables& tax = data.tax;
  const FederalTaxYear* federal = find_in(tax.federal, input.year);
  if (!federal)
    return make_error(code::kUnknownYear, "year: no tax tables for " + format_integer(input.year) +
                                              "; available: " + list_years(tax.federal));
  const Area* area = data.find_area(input.area);
  if (!area) return make_error(code::kUnknownArea, "unknown area \"" + input.area + "\"");
  auto caps = contribution_caps(data, input.year, input.age, input.hsa_coverage, salary);
  if (!caps) return caps.error();
  if (const ContributionLimits* limits = find_in(tax.limits, input.year))
    if (auto e = check_limits(input, *caps, *limits)) return *e;

  TakeHome out;
  out.gross = salary;
  out.pretax_retirement = input.pretax_retirement;
  out.hsa = input.hsa;
  out.fsa = input.fsa;
  out.year = input.year;
  out.caps = *caps;
  out.notes.push_back(kNotModelled);
  auto choice = choose_state(data, *area, input.residence_state, out.notes);
  if (!choice) return choice.error();
  const Area* state = *choice;
  if (!state && !input.locality.empty())
    return make_error(code::kUnknownLocality, "locality \"" + input.locality + "\": a locality's tax applies only "
                                              "with its state; choose a state or metro area, not " + area->name);

  const FilingStatus status = input.filing_status;
  if (!federal->brackets.count(status) || !federal->standard_deduction.count(status) ||
      !federal->additional_medicare_threshold.count(status))  // the loader requires all four statuses
    return make_error(code::kNoData, std::string("no federal tax table for filing status ") +
                                         to_string(status) + " in " + format_integer(input.year));
  const Federal fed = federal_tax(*federal, status, salary, input.pretax_retirement, input.hsa, input.fsa);
  out.federal_taxable_income = fed.taxable;
  out.federal_income_tax = fed.income_tax;
  out.federal_marginal_rate = fed.marginal;
  out.social_security = fed.social_security;
  out.medicare = fed.medicare;
  out.additional_medicare = fed.additional_medicare;
  out.lines.push_back({"federal_income_tax", "Federal income tax", tax.federal_source, fed.income_tax, "federal"});
  out.lines.push_back({"social_security", "Social Security", tax.federal_source, fed.social_security, "fica"});
  out.lines.push_back({"medicare", "Medicare", tax.federal_source, fed.medicare, "fica"});
  if (fed.additional_medicare > 0)
    out.lines.push_back({"additional_medicare", "Additional Medicare Tax", tax.federal_source, fed.additional_medicare, "fica"});

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
    const StateLocalities* places = find_localities(data, input.year, state->code);
    const Locality* place = nullptr;
    if (!input.locality.empty()) {
      place = places ? find_locality(*places, input.locality) : nullptr;
      if (!place) {
        std::string known;
        if (places)
          for (const Locality& l : places->localities) known += (known.empty() ? "" : ", ") + l.id;
        return make_error(code::kUnknownLocality,
                          "locality \"" + input.locality + "\" is not a " + state->name + " locality with a local tax in " +
                              format_integer(input.year) + (known.empty() ? "; " + state->name + " has none in the tables" : "; known: " + known));
      }
    }

    // The state at these wages; at $1,000 more, for the marginal rate: the tax on the next $1,000
    // per dollar. On one dollar, a phase-out step (Connecticut's recapture and credit, $100s of
    // tax at one AGI) would show as a rate of many times 100 %.
    auto state_at = [&](double wages) {
      Federal f = wages == salary ? fed : federal_tax(*federal, status, wages, input.pretax_retirement, input.hsa, input.fsa);
      return detail::state_income_tax(*st, earner(input, wages, f));
    };
    detail::StateIncomeTax s = state_at(salary);
    const double next = (state_at(salary + kMarginalStep).tax - s.tax) / kMarginalStep;
    out.state_marginal_rate = std::nearbyint(next * 1e9) / 1e9;
    out.state_taxable_income = st->type == StateTaxType::kNone ? 0 : s.taxable;
    out.state_income_tax = s.tax;
    out.details = s.details;
    out.lines.push_back({"state_income_tax", state->name + " income tax", tax.state_source, s.tax, "state"});
    if (s.deducts_nothing)
      out.notes.push_back(state->name + ": no standard deduction or personal exemption is in the tax tables, so its "
                          "income tax is applied to wages less pre-tax contributions.");
    const bool single_schedule = status == FilingStatus::kSeparate || status == FilingStatus::kHeadOfHousehold;
    if (single_schedule && st->type != StateTaxType::kNone)
      out.notes.push_back(std::string("The tax tables give ") + state->name + " schedules for single and joint filers "
                          "only; the " + (status == FilingStatus::kSeparate ? "married filing separately" : "head of household") +
                          " estimate uses the single schedule, deductions and credits.");
    if (!st->note.empty()) out.notes.push_back(state->name + ": " + st->note);
    if (!st->pretax.note.empty()) out.notes.push_back(state->name + ": " + st->pretax.note);
    for (const std::string& item : st->not_modelled) out.notes.push_back(state->name + ", not modelled: " + item);

    if (const auto* programs = find_in(tax.payroll, input.year))
      if (const auto* list = find_in(*programs, state->code))
        for (const PayrollProgram& p : *list) {
          const double amount = detail::payroll_contribution(p, {salary, fed.fica_wages, fed.agi, s.agi});
          out.state_payroll_tax += amount;
          out.lines.push_back({p.id, p.label, p.source, amount, "state_payroll"});
          if (!p.note.empty()) out.notes.push_back(p.label + ": " + p.note);
        }

    if (place) {
      out.locality = place->id;
      out.locality_name = place->name;
      for (const LocalTax& t : place->taxes) {
        const double amount = detail::local_income_tax(t, earner(input, salary, fed), s, out.details);
        out.local_income_tax += amount;
        out.lines.push_back({t.id, t.label, t.source, amount, "local"});
        if (!t.note.empty()) out.notes.push_back(t.label + ": " + t.note);
      }
      if (!place->note.empty()) out.notes.push_back(place->name + ": " + place->note);
    } else if (places && places->required) {
      out.notes.push_back("Every " + state->name + " resident also pays the income tax of a county (or city); choose "
                          "one to include it.");
    } else if (places) {
      out.notes.push_back("No local income tax is included: choose a locality if you live in one of the " +
                          state->name + " places with one.");
    }
  }

  out.total_tax = out.federal_income_tax + out.social_security + out.medicare + out.additional_medicare +
                  out.state_income_tax + out.state_payroll_tax + out.local_income_tax;
  out.net = salary - out.total_tax - pretax;
  out.effective_rate = salary > 0 ? out.total_tax / salary : 0;
  // The earner's own contributions, not taxes: they have no published source.
  out.lines.push_back({"pretax_retirement", "Pre-tax 401(k)/403(b) contribution", "", input.pretax_retirement, "pretax"});
  if (input.hsa > 0) out.lines.push_back({"hsa", "HSA contribution", "", input.hsa, "pretax"});
  if (input.fsa > 0) out.lines.push_back({"fsa", "Health FSA contribution", "", input.fsa, "pretax"});
  if (pretax > 0 && tax.limits.empty())
    out.notes.push_back("The dataset gives no contribution limits for this year: the pre-tax contributions are "
                        "taken as entered.");
  return out;
}

}  // namespace salary
