// The rules added to the tax tables (docs/dataset.md, "tax"): what changes a state's income tax
// (pre-tax exclusions, deductions, exemptions, credits, recapture), the employee-paid state payroll
// programs, local income taxes and the contribution limits. Each rule is checked here, with its
// JSON Pointer, so take_home() can trust what it reads.
#include <set>
#include <utility>

#include "tax_loader.hpp"

namespace salary::detail {
namespace {

bool by_status_pair(Reader& r, const json& parent, const std::string& path, const char* key, ByStatus& out,
                    double max = kMaxMoney) {
  const json* pair = nullptr;
  const std::string at = child_path(path, key);
  return r.object(parent, path, key, pair) && r.number(*pair, at, "single", out.single, 0, max) &&
         r.number(*pair, at, "joint", out.joint, 0, max);
}

// {"single": [[t, v], ...], "joint": [...]}: a rate schedule (max_value < 0) or values by band.
bool schedules(Reader& r, const json& parent, const std::string& path, const char* key, double max_value,
               Schedule& single, Schedule& joint) {
  const json* pair = nullptr;
  const json* list = nullptr;
  const std::string at = child_path(path, key);
  if (!r.object(parent, path, key, pair)) return false;
  for (auto [status, out] : {std::pair<const char*, Schedule*>{"single", &single}, {"joint", &joint}}) {
    if (!r.array(*pair, at, status, list)) return false;
    if (max_value < 0 ? !schedule(r, *list, child_path(at, status), true, *out)
                      : !band_schedule(r, *list, child_path(at, status), max_value, *out))
      return false;
  }
  return true;
}

bool one_of(Reader& r, const json& parent, const std::string& path, const char* key,
            std::initializer_list<const char*> names, int& out, const char* fallback = nullptr) {
  std::string text = fallback ? fallback : "";
  if (fallback ? !r.optional_string(parent, path, key, text) : !r.string(parent, path, key, text)) return false;
  int i = 0;
  std::string list;
  for (const char* name : names) {
    if (text == name) return out = i, true;
    list += (i++ ? ", " : "") + std::string(name);
  }
  return r.fail(code::kDatasetValue, child_path(path, key), "must be one of " + list + ", not \"" + text + "\"");
}

bool phase(Reader& r, const json& entry, const std::string& path, Phase& out) {
  if (!present(entry, "phase")) return true;
  const json& p = entry.at("phase");
  const std::string at = path + "/phase";
  int kind = 0, income = 0;
  if (!r.is_object(p, at) || !one_of(r, p, at, "kind", {"none", "linear", "steps", "bands", "cliff"}, kind) ||
      !one_of(r, p, at, "income", {"agi", "federal_agi", "taxable_income"}, income, "agi"))
    return false;
  out.kind = static_cast<PhaseKind>(kind);
  out.income = static_cast<PhaseIncome>(income);
  switch (out.kind) {
    case PhaseKind::kLinear:
      if (!schedules(r, p, at, "rates", -1, out.rates_single, out.rates_joint)) return false;
      break;
    case PhaseKind::kSteps:
      if (!by_status_pair(r, p, at, "start", out.start) || !by_status_pair(r, p, at, "step", out.step) ||
          !by_status_pair(r, p, at, "per_step", out.per_step))
        return false;
      if (out.step.single <= 0 || out.step.joint <= 0)
        return r.fail(code::kDatasetValue, at + "/step", "must be > 0 for both filing statuses");
      break;
    case PhaseKind::kBands:
      if (!schedules(r, p, at, "bands", kMaxMoney, out.bands_single, out.bands_joint)) return false;
      break;
    case PhaseKind::kCliff:
      if (!by_status_pair(r, p, at, "start", out.start)) return false;
      break;
    case PhaseKind::kNone: break;
  }
  return !present(p, "floor") || by_status_pair(r, p, at, "floor", out.floor);
}

bool pretax(Reader& r, const json& entry, const std::string& path, const Sources& sources,
            PretaxExclusions& out) {
  if (!present(entry, "pretax")) return true;
  const json& p = entry.at("pretax");
  const std::string at = path + "/pretax";
  return r.is_object(p, at) && optional_boolean(r, p, at, "retirement", out.retirement) &&
         optional_boolean(r, p, at, "hsa", out.hsa) && optional_boolean(r, p, at, "fsa", out.fsa) &&
         r.source_ref(p, at, sources, out.source) && r.optional_string(p, at, "note", out.note, limits::kTextChars);
}

// The id, label, source and note every rule carries; ids are unique within their list.
template <typename Rule>
bool named(Reader& r, const json& entry, const std::string& path, const Sources& sources,
           std::set<std::string>& ids, Rule& out) {
  if (!r.is_object(entry, path) || !r.string(entry, path, "id", out.id, limits::kKeyChars) ||
      !r.string(entry, path, "label", out.label) || !r.source_ref(entry, path, sources, out.source) ||
      !r.optional_string(entry, path, "note", out.note, limits::kTextChars))
    return false;
  if (out.id.empty()) return r.fail(code::kDatasetValue, path + "/id", "must not be empty");
  if (!ids.insert(out.id).second) return r.fail(code::kDatasetDuplicate, path + "/id", "duplicate id \"" + out.id + "\"");
  return true;
}

bool tax_item(Reader& r, const json& entry, const std::string& path, const Sources& sources,
              std::set<std::string>& ids, TaxItem& out) {
  int kind = 0;
  if (!named(r, entry, path, sources, ids, out) ||
      !one_of(r, entry, path, "kind",
              {"deduction", "federal_tax_deduction", "payroll_tax_deduction", "bracket_recapture", "addition", "credit",
               "income_addition"},
              kind) ||
      !phase(r, entry, path, out.phase))
    return false;
  out.kind = static_cast<TaxItemKind>(kind);
  if (present(entry, "amount") && !by_status_pair(r, entry, path, "amount", out.amount.emplace())) return false;
  if (present(entry, "share")) {
    const json* list = nullptr;
    if (!r.array(entry, path, "share", list) || !band_schedule(r, *list, path + "/share", 1, out.share)) return false;
  }
  if (present(entry, "schedule") && !schedules(r, entry, path, "schedule", -1, out.schedule_single, out.schedule_joint))
    return false;
  const bool bands = out.phase.kind == PhaseKind::kBands;
  switch (out.kind) {
    case TaxItemKind::kDeduction:
    case TaxItemKind::kIncomeAddition:
    case TaxItemKind::kPayrollTaxDeduction:
      if (!out.amount && !bands) return r.fail(code::kDatasetMissing, path + "/amount", "is required");
      break;
    case TaxItemKind::kCredit:
      if (!out.amount && !bands && out.schedule_single.empty())
        return r.fail(code::kDatasetMissing, path + "/amount", "is required (or a schedule, or phase bands)");
      break;
    case TaxItemKind::kAddition:
      if (!out.amount) return r.fail(code::kDatasetMissing, path + "/amount", "is required (the most added)");
      if (out.phase.kind != PhaseKind::kSteps)
        return r.fail(code::kDatasetValue, path + "/phase", "an addition phases in by steps");
      break;
    case TaxItemKind::kBracketRecapture:
      if (!r.number(entry, path, "agi_threshold", out.agi_threshold, 0, kMaxMoney) ||
          !r.number(entry, path, "phase_in", out.phase_in, 1, kMaxMoney))
        return false;
      break;
    case TaxItemKind::kFederalTaxDeduction: break;
  }
  return true;
}

bool tax_items(Reader& r, const json& parent, const std::string& path, const char* key, const Sources& sources,
               std::vector<TaxItem>& out) {
  if (!present(parent, key)) return true;
  const json* list = nullptr;
  std::set<std::string> ids;
  if (!r.array(parent, path, key, list) || !r.at_most(*list, path + "/" + key, limits::kTaxRules, "rules")) return false;
  out.resize(list->size());
  for (size_t i = 0; i < list->size(); ++i)
    if (!tax_item(r, (*list)[i], child_path(path + "/" + key, i), sources, ids, out[i])) return false;
  return true;
}

bool payroll_program(Reader& r, const json& entry, const std::string& path, const Sources& sources,
                     std::set<std::string>& ids, PayrollProgram& out) {
  int wages = 1;
  std::optional<double> per_hour, per_year;
  if (!named(r, entry, path, sources, ids, out) || !rate(r, entry, path, "rate", out.rate) ||
      !r.optional_number(entry, path, "wage_base", out.wage_base, 0, kMaxMoney) ||
      !r.optional_number(entry, path, "annual_max", out.annual_max, 0, kMaxMoney) ||
      !r.optional_number(entry, path, "per_hour", per_hour, 0, 100) ||
      !r.optional_number(entry, path, "per_year", per_year, 0, 100000) ||
      !one_of(r, entry, path, "wages", {"gross", "fica", "federal", "state"}, wages))
    return false;
  out.per_hour = per_hour.value_or(0);
  out.per_year = per_year.value_or(0);
  out.wages = static_cast<PayrollWages>(wages);
  return true;
}

bool local_tax(Reader& r, const json& entry, const std::string& path, const Sources& sources,
               std::set<std::string>& ids, LocalTax& out) {
  int base = 0;
  std::optional<double> flat;
  if (!named(r, entry, path, sources, ids, out) ||
      !one_of(r, entry, path, "base", {"state_taxable_income", "state_tax", "wages", "none"}, base) ||
      !r.optional_number(entry, path, "rate", flat, 0, 0.999) || !pretax(r, entry, path, sources, out.pretax) ||
      (present(entry, "brackets") && !schedules(r, entry, path, "brackets", -1, out.brackets_single, out.brackets_joint)) ||
      (present(entry, "bands") && !schedules(r, entry, path, "bands", 0.999, out.bands_single, out.bands_joint)) ||
      (present(entry, "exemption") && !by_status_pair(r, entry, path, "exemption", out.exemption)) ||
      (present(entry, "fixed") && !by_status_pair(r, entry, path, "fixed", out.fixed, 10000)) ||
      (present(entry, "fixed_above") && !by_status_pair(r, entry, path, "fixed_above", out.fixed_above)) ||
      !tax_items(r, entry, path, "credits", sources, out.credits))
    return false;
  out.base = static_cast<LocalBase>(base);
  out.rate = flat.value_or(0);
  // One way of taxing the base: a rate, brackets or bands (a fixed amount may come with any).
  const int ways = (flat ? 1 : 0) + !out.brackets_single.empty() + !out.bands_single.empty();
  if (ways > 1) return r.fail(code::kDatasetValue, path, "must give one of rate, brackets or bands, not several");
  if (ways == 0 && out.base != LocalBase::kNone)
    return r.fail(code::kDatasetMissing, path + "/rate", "is required (or brackets, or bands)");
  if (out.base == LocalBase::kNone && (ways || out.fixed.single + out.fixed.joint == 0))
    return r.fail(code::kDatasetValue, path + "/base", "\"none\" is only for a fixed amount");
  for (const TaxItem& credit : out.credits)
    if (credit.kind != TaxItemKind::kCredit)
      return r.fail(code::kDatasetValue, path + "/credits", "may hold only credits");
  return true;
}

bool locality(Reader& r, const json& entry, const std::string& path, const Sources& sources,
              std::set<std::string>& ids, Locality& out) {
  const json* taxes = nullptr;
  std::set<std::string> tax_ids;
  if (!r.is_object(entry, path) || !r.string(entry, path, "id", out.id, limits::kKeyChars) ||
      !r.string(entry, path, "name", out.name) || !r.string(entry, path, "kind", out.kind, limits::kKeyChars) ||
      !r.optional_string(entry, path, "note", out.note, limits::kTextChars) || !r.array(entry, path, "taxes", taxes) ||
      !r.at_most(*taxes, path + "/taxes", limits::kTaxRules, "taxes"))
    return false;
  if (out.id.empty()) return r.fail(code::kDatasetValue, path + "/id", "must not be empty");
  if (!ids.insert(out.id).second) return r.fail(code::kDatasetDuplicate, path + "/id", "duplicate id \"" + out.id + "\"");
  if (taxes->empty()) return r.fail(code::kDatasetValue, path + "/taxes", "must list at least one tax");
  out.taxes.resize(taxes->size());
  for (size_t i = 0; i < taxes->size(); ++i)
    if (!local_tax(r, (*taxes)[i], child_path(path + "/taxes", i), sources, tax_ids, out.taxes[i])) return false;
  return true;
}

// /tax/<section>/years/<year>/<state>: each state's entry read by `read`, for every state area.
template <typename Entry, typename Read>
bool by_year_and_state(Reader& r, const json& tax, const char* section, const std::map<std::string, Area>& areas,
                       const TaxTables& tables, std::map<int, std::map<std::string, Entry>>& out, Read read) {
  if (!present(tax, section)) return true;
  const std::string path = "/tax/" + std::string(section);
  const json* block = nullptr;
  const json* years = nullptr;
  if (!r.object(tax, "/tax", section, block) || !r.object(*block, path, "years", years)) return false;
  for (const auto& [key, entry] : years->items()) {
    int year = 0;
    const std::string year_path = child_path(path + "/years", key);
    if (!year_key(r, path + "/years", key, year) || !r.is_object(entry, year_path)) return false;
    if (tables.federal.count(year) == 0)
      return r.fail(code::kDatasetReference, year_path, "has no federal table (not in /tax/federal/years)");
    for (const auto& [state, state_entry] : entry.items()) {
      const std::string state_path = child_path(year_path, state);
      auto area = areas.find(state);
      if (area == areas.end() || area->second.kind != AreaKind::kState)
        return r.fail(code::kDatasetReference, state_path, "\"" + state + "\" is not a state area");
      if (!read(state_entry, state_path, out[year][state])) return false;
    }
  }
  return true;
}

bool limits_year(Reader& r, const json& entry, const std::string& path, const Sources& sources,
                 ContributionLimits& out) {
  const json* retirement = nullptr;
  const json* hsa = nullptr;
  const json* fsa = nullptr;
  const json* ages = nullptr;
  const std::string rp = path + "/retirement", hp = path + "/hsa", fp = path + "/fsa";
  if (!r.is_object(entry, path) || !r.object(entry, path, "retirement", retirement) ||
      !r.number(*retirement, rp, "limit", out.retirement, 0, 1e6) ||
      !r.number(*retirement, rp, "catch_up", out.retirement_catch_up, 0, 1e6) ||
      !r.number(*retirement, rp, "catch_up_age", out.retirement_catch_up_age, 18, 120) ||
      !r.number(*retirement, rp, "super_catch_up", out.retirement_super_catch_up, 0, 1e6) ||
      !r.array(*retirement, rp, "super_catch_up_ages", ages) ||
      !r.optional_number(*retirement, rp, "roth_catch_up_wages", out.roth_catch_up_wages, 0, kMaxMoney) ||
      !r.source_ref(*retirement, rp, sources, out.retirement_source) || !r.object(entry, path, "hsa", hsa) ||
      !r.number(*hsa, hp, "self", out.hsa_self, 0, 1e6) || !r.number(*hsa, hp, "family", out.hsa_family, 0, 1e6) ||
      !r.number(*hsa, hp, "catch_up", out.hsa_catch_up, 0, 1e6) ||
      !r.number(*hsa, hp, "catch_up_age", out.hsa_catch_up_age, 18, 120) ||
      !r.source_ref(*hsa, hp, sources, out.hsa_source) || !r.object(entry, path, "fsa", fsa) ||
      !r.number(*fsa, fp, "health", out.fsa, 0, 1e6) || !r.source_ref(*fsa, fp, sources, out.fsa_source))
    return false;
  if (ages->size() != 2 || !r.number_value((*ages)[0], rp + "/super_catch_up_ages/0", out.super_catch_up_from, 18, 120) ||
      !r.number_value((*ages)[1], rp + "/super_catch_up_ages/1", out.super_catch_up_to, out.super_catch_up_from, 120))
    return r.ok() ? r.fail(code::kDatasetValue, rp + "/super_catch_up_ages", "must be [first age, last age]") : false;
  return true;
}

}  // namespace

bool load_state_rules(Reader& r, const json& entry, const std::string& path, const Sources& sources, StateTax& out) {
  if (!pretax(r, entry, path, sources, out.pretax) || !tax_items(r, entry, path, "items", sources, out.items))
    return false;
  for (const TaxItem& item : out.items)
    if (item.kind == TaxItemKind::kBracketRecapture && out.type != StateTaxType::kBrackets)
      return r.fail(code::kDatasetValue, path + "/items", "a bracket recapture needs type \"brackets\"");
  if (present(entry, "not_modelled")) {
    const json* list = nullptr;
    if (!r.array(entry, path, "not_modelled", list) ||
        !r.at_most(*list, path + "/not_modelled", limits::kTaxRules, "entries"))
      return false;
    for (size_t i = 0; i < list->size(); ++i) {
      const json& text = (*list)[i];
      const std::string at = child_path(path + "/not_modelled", i);
      if (!text.is_string() || text.get_ref<const std::string&>().empty())
        return r.fail(code::kDatasetType, at, "must be a non-empty string");
      const size_t chars = utf8_characters(text.get_ref<const std::string&>());
      if (chars > limits::kTextChars)
        return r.fail(code::kDatasetValue, at, "is " + format_integer(chars) + " characters long; the limit is " +
                                                   format_integer(limits::kTextChars));
      out.not_modelled.push_back(text.get<std::string>());
    }
  }
  return true;
}

bool load_tax_rules(Reader& r, const json& tax, const Sources& sources, const std::map<std::string, Area>& areas,
                    TaxTables& out) {
  auto programs = [&](const json& entry, const std::string& path, std::vector<PayrollProgram>& list) {
    std::set<std::string> ids;
    if (!entry.is_array()) return r.fail(code::kDatasetType, path, "must be an array of programs");
    if (!r.at_most(entry, path, limits::kTaxRules, "programs")) return false;
    list.resize(entry.size());
    for (size_t i = 0; i < entry.size(); ++i)
      if (!payroll_program(r, entry[i], child_path(path, i), sources, ids, list[i])) return false;
    return true;
  };
  auto places = [&](const json& entry, const std::string& path, StateLocalities& state) {
    const json* list = nullptr;
    std::set<std::string> ids;
    if (!r.is_object(entry, path) || !optional_boolean(r, entry, path, "required", state.required) ||
        !r.array(entry, path, "localities", list) ||
        !r.at_most(*list, path + "/localities", limits::kLocalities, "localities"))
      return false;
    state.localities.resize(list->size());
    for (size_t i = 0; i < list->size(); ++i)
      if (!locality(r, (*list)[i], child_path(path + "/localities", i), sources, ids, state.localities[i]))
        return false;
    return true;
  };
  if (!by_year_and_state(r, tax, "payroll", areas, out, out.payroll, programs) ||
      !by_year_and_state(r, tax, "local", areas, out, out.local, places))
    return false;
  if (!present(tax, "limits")) return true;
  const json* limits = nullptr;
  const json* years = nullptr;
  if (!r.object(tax, "/tax", "limits", limits) || !r.object(*limits, "/tax/limits", "years", years)) return false;
  for (const auto& [key, entry] : years->items()) {
    int year = 0;
    if (!year_key(r, "/tax/limits/years", key, year) ||
        !limits_year(r, entry, child_path("/tax/limits/years", key), sources, out.limits[year]))
      return false;
  }
  return true;
}

}  // namespace salary::detail
