// The /tax section of the dataset: one federal table and one set of state tables per tax year.
// Every rule of docs/dataset.md is checked here, so take_home() can trust what it reads.
#include "tax_loader.hpp"

#include <utility>

namespace salary::detail {

bool rate_value(Reader& r, const json& value, const std::string& path, double& out) {
  if (!r.number_value(value, path, out, 0, 1)) return false;
  if (out >= 1) return r.fail(code::kDatasetValue, path, "must be < 1");
  return true;
}

bool rate(Reader& r, const json& parent, const std::string& path, const char* key, double& out) {
  // r.number() reports an absent member; the upper bound is exclusive, so it is checked here.
  double v = 0;
  if (!r.number(parent, path, key, v, 0, 1)) return false;
  if (v >= 1) return r.fail(code::kDatasetValue, child_path(path, key), "must be < 1");
  out = v;
  return true;
}

// Year keys are exactly four digits so that "2026" and "02026" cannot both name a year, and lie
// in 2000–2100 so that a typo like "2206" is caught.
bool year_key(Reader& r, const std::string& parent_path, const std::string& key, int& out) {
  const std::string path = child_path(parent_path, key);
  bool digits = key.size() == 4;
  int year = 0;
  for (char c : key) {
    if (c < '0' || c > '9') digits = false;
    else year = year * 10 + (c - '0');
  }
  if (!digits || year < 2000 || year > 2100)
    return r.fail(code::kDatasetValue, path, "must be a four-digit year from 2000 to 2100");
  out = year;
  return true;
}

namespace {
// Tax schedules start at 0; a surtax may start higher (CA's 1 % above $1M), so `from_zero` is
// the caller's. `max_value` < 0 means a rate in [0, 1).
bool pairs(Reader& r, const json& list, const std::string& path, bool from_zero, double max_value,
           Schedule& out) {
  if (!list.is_array()) return r.fail(code::kDatasetType, path, "must be an array of [threshold, value] pairs");
  if (list.empty()) return r.fail(code::kDatasetValue, path, "must have at least one bracket");
  if (!r.at_most(list, path, limits::kBrackets, "brackets")) return false;
  Schedule s;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string item = child_path(path, i);
    const json& pair = list[i];
    if (!pair.is_array()) return r.fail(code::kDatasetType, item, "must be a [threshold, rate] pair");
    if (pair.size() != 2) return r.fail(code::kDatasetValue, item, "must be a [threshold, rate] pair");
    Bracket b;
    if (!r.number_value(pair[0], child_path(item, 0), b.threshold, 0, kMaxMoney)) return false;
    if (max_value < 0 ? !rate_value(r, pair[1], child_path(item, 1), b.rate)
                      : !r.number_value(pair[1], child_path(item, 1), b.rate, 0, max_value))
      return false;
    if (i == 0 && from_zero && b.threshold != 0)
      return r.fail(code::kDatasetValue, child_path(item, 0), "must be 0 (the first bracket starts at 0)");
    if (i > 0 && b.threshold <= s.back().threshold)
      return r.fail(code::kDatasetOrder, child_path(item, 0), "must be > " + format_number(s.back().threshold));
    s.push_back(b);
  }
  out = std::move(s);
  return true;
}
}  // namespace

bool schedule(Reader& r, const json& list, const std::string& path, bool from_zero, Schedule& out) {
  return pairs(r, list, path, from_zero, -1, out);
}

bool band_schedule(Reader& r, const json& list, const std::string& path, double max_value, Schedule& out) {
  return pairs(r, list, path, true, max_value, out);
}

bool present(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && !it->is_null();
}

bool optional_boolean(Reader& r, const json& parent, const std::string& path, const char* key, bool& out) {
  if (!r.is_object(parent, path) || !present(parent, key)) return r.ok();
  const json& v = parent.at(key);
  if (!v.is_boolean()) return r.fail(code::kDatasetType, child_path(path, key), "must be true or false");
  out = v.get<bool>();
  return true;
}

namespace {

constexpr FilingStatus kAllStatuses[] = {FilingStatus::kSingle, FilingStatus::kJoint,
                                         FilingStatus::kSeparate, FilingStatus::kHeadOfHousehold};

bool member_schedule(Reader& r, const json& parent, const std::string& path, const char* key,
                     bool from_zero, Schedule& out) {
  const json* list = nullptr;
  return r.array(parent, path, key, list) && schedule(r, *list, child_path(path, key), from_zero, out);
}

// {"single": x, "joint": x, "separate": x, "head_of_household": x}, all four required.
bool by_status(Reader& r, const json& parent, const std::string& path, const char* key,
               std::map<FilingStatus, double>& out) {
  const json* table = nullptr;
  if (!r.object(parent, path, key, table)) return false;
  const std::string table_path = child_path(path, key);
  for (FilingStatus status : kAllStatuses)
    if (!r.number(*table, table_path, to_string(status), out[status], 0, kMaxMoney)) return false;
  return true;
}

bool federal_year(Reader& r, const json& year, const std::string& path, FederalTaxYear& out) {
  const json* brackets = nullptr;
  const json* ss = nullptr;
  const json* medicare = nullptr;
  if (!r.is_object(year, path) || !r.object(year, path, "brackets", brackets)) return false;
  for (FilingStatus status : kAllStatuses)
    if (!member_schedule(r, *brackets, path + "/brackets", to_string(status), true, out.brackets[status]))
      return false;
  return by_status(r, year, path, "standard_deduction", out.standard_deduction) &&
         r.object(year, path, "social_security", ss) &&
         rate(r, *ss, path + "/social_security", "rate", out.social_security_rate) &&
         r.number(*ss, path + "/social_security", "wage_base", out.social_security_wage_base, 0, kMaxMoney) &&
         r.object(year, path, "medicare", medicare) &&
         rate(r, *medicare, path + "/medicare", "rate", out.medicare_rate) &&
         rate(r, *medicare, path + "/medicare", "additional_rate", out.additional_medicare_rate) &&
         by_status(r, *medicare, path + "/medicare", "additional_threshold",
                   out.additional_medicare_threshold);
}

bool state_tax(Reader& r, const json& entry, const std::string& path, const Sources& sources, StateTax& out) {
  std::string type, base = "wages";
  if (!r.is_object(entry, path) || !r.string(entry, path, "type", type)) return false;
  if (type == "none") out.type = StateTaxType::kNone;
  else if (type == "flat") out.type = StateTaxType::kFlat;
  else if (type == "brackets") out.type = StateTaxType::kBrackets;
  else return r.fail(code::kDatasetValue, path + "/type", "must be none, flat or brackets, not \"" + type + "\"");

  // A rate or schedule that the type ignores means the type is probably wrong: refuse it rather
  // than silently compute a different tax than the data shows.
  if (out.type != StateTaxType::kFlat && present(entry, "rate"))
    return r.fail(code::kDatasetValue, path + "/rate", "is only allowed when type is \"flat\"");
  if (out.type != StateTaxType::kBrackets && present(entry, "brackets"))
    return r.fail(code::kDatasetValue, path + "/brackets", "is only allowed when type is \"brackets\"");
  if (out.type == StateTaxType::kFlat && !rate(r, entry, path, "rate", out.flat_rate)) return false;
  if (out.type == StateTaxType::kBrackets) {
    const json* brackets = nullptr;
    if (!r.object(entry, path, "brackets", brackets) ||
        !member_schedule(r, *brackets, path + "/brackets", "single", true, out.single) ||
        !member_schedule(r, *brackets, path + "/brackets", "joint", true, out.joint))
      return false;
  }
  if (present(entry, "standard_deduction")) {
    // Both or neither: a joint filer silently getting no deduction would be wrong.
    const json* deduction = nullptr;
    double single = 0, joint = 0;
    if (!r.object(entry, path, "standard_deduction", deduction) ||
        !r.number(*deduction, path + "/standard_deduction", "single", single, 0, kMaxMoney) ||
        !r.number(*deduction, path + "/standard_deduction", "joint", joint, 0, kMaxMoney))
      return false;
    out.standard_deduction_single = single;
    out.standard_deduction_joint = joint;
  }
  if (present(entry, "surtax") && !member_schedule(r, entry, path, "surtax", false, out.surtax))
    return false;
  if (!r.optional_string(entry, path, "base", base) ||
      !r.optional_string(entry, path, "note", out.note, limits::kTextChars) ||
      !load_state_rules(r, entry, path, sources, out))
    return false;
  if (base == "wages") out.base = StateTaxBase::kWages;
  else if (base == "federal_taxable_income") out.base = StateTaxBase::kFederalTaxableIncome;
  else
    return r.fail(code::kDatasetValue, path + "/base",
                  "must be wages or federal_taxable_income, not \"" + base + "\"");
  return true;
}

bool load_federal(Reader& r, const json& tax, const std::map<std::string, Source>& sources, TaxTables& out) {
  const std::string path = "/tax/federal";
  const json* federal = nullptr;
  const json* years = nullptr;
  if (!r.object(tax, "/tax", "federal", federal) || !r.source_ref(*federal, path, sources, out.federal_source) ||
      !r.object(*federal, path, "years", years))
    return false;
  if (years->empty()) return r.fail(code::kDatasetValue, path + "/years", "must list at least one year");
  if (!r.at_most(*years, path + "/years", limits::kTaxYears, "years")) return false;
  for (const auto& [key, entry] : years->items()) {
    int year = 0;
    if (!year_key(r, path + "/years", key, year) ||
        !federal_year(r, entry, child_path(path + "/years", key), out.federal[year]))
      return false;
  }
  return true;
}

bool load_states(Reader& r, const json& tax, const std::map<std::string, Source>& sources,
                 const std::map<std::string, Area>& areas, TaxTables& out) {
  const std::string path = "/tax/states";
  const json* states = nullptr;
  const json* years = nullptr;
  if (!r.object(tax, "/tax", "states", states) || !r.source_ref(*states, path, sources, out.state_source) ||
      !r.object(*states, path, "years", years) ||
      !r.at_most(*years, path + "/years", limits::kTaxYears, "years"))
    return false;
  for (const auto& [key, entry] : years->items()) {
    int year = 0;
    const std::string year_path = child_path(path + "/years", key);
    if (!year_key(r, path + "/years", key, year) || !r.is_object(entry, year_path)) return false;
    // Both halves must cover the same years, or a take-home for that year would be half computed.
    if (out.federal.count(year) == 0)
      return r.fail(code::kDatasetReference, year_path, "has no federal table (not in /tax/federal/years)");
    auto& by_code = out.states[year];
    for (const auto& [state_code, state_entry] : entry.items()) {
      const std::string state_path = child_path(year_path, state_code);
      auto area = areas.find(state_code);
      if (area == areas.end() || area->second.kind != AreaKind::kState)
        return r.fail(code::kDatasetReference, state_path, "\"" + state_code + "\" is not a state area");
      if (!state_tax(r, state_entry, state_path, sources, by_code[state_code])) return false;
    }
  }
  for (const auto& federal : out.federal)
    if (out.states.count(federal.first) == 0)
      return r.fail(code::kDatasetMissing, child_path(path + "/years", format_integer(federal.first)),
                    "is required (/tax/federal/years has it)");
  return true;
}

}  // namespace

bool load_tax(Reader& r, const json& root, const std::map<std::string, Source>& sources,
              const std::map<std::string, Area>& areas, TaxTables& out) {
  const json* tax = nullptr;
  TaxTables tables;
  if (!r.object(root, "", "tax", tax) || !load_federal(r, *tax, sources, tables) ||
      !load_states(r, *tax, sources, areas, tables) || !load_tax_rules(r, *tax, sources, areas, tables))
    return false;
  out = std::move(tables);
  return true;
}

}  // namespace salary::detail
