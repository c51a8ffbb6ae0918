// load_dataset(): parse, then validate every rule of docs/dataset.md, section by section. Each
// loader returns false at the first violation; the Reader keeps that error with its JSON Pointer.
#include <cmath>
#include <set>

#include "dataset_limits.hpp"
#include "json_parse.hpp"
#include "json_reader.hpp"
#include "salary/dataset.hpp"
#include "salary/wage_area.hpp"
#include "tax_loader.hpp"
#include "wage_area_loader.hpp"

namespace salary {
namespace {

using detail::child_path;
using detail::format_integer;
using detail::format_number;
using detail::json;
using detail::Reader;
namespace limits = detail::limits;

constexpr double kMaxWage = 1e8;  // far above any real annual wage, below any overflow
constexpr const char* kPercentileKeys[] = {"p10", "p25", "p50", "p75", "p90"};

bool load_sources(Reader& r, const json& root, Dataset& out) {
  const json* sources = nullptr;
  if (!r.object(root, "", "sources", sources)) return false;
  if (sources->empty()) return r.fail(code::kDatasetValue, "/sources", "must list at least one source");
  if (!r.at_most(*sources, "/sources", limits::kSources, "sources")) return false;
  for (const auto& [id, entry] : sources->items()) {
    std::string path = child_path("/sources", id);
    Source s;
    s.id = id;
    if (!r.string(entry, path, "publisher", s.publisher) || !r.string(entry, path, "title", s.title) ||
        !r.optional_string(entry, path, "released", s.released) ||
        !r.optional_string(entry, path, "url", s.url, limits::kTextChars) ||
        !r.optional_string(entry, path, "note", s.note, limits::kTextChars) ||
        !r.optional_string(entry, path, "label", s.label))
      return false;
    out.sources.emplace(id, std::move(s));
  }
  return true;
}

// `order`: the keys of /areas in document order, which the menus follow.
bool load_areas(Reader& r, const json& root, const std::vector<std::string>& order, Dataset& out) {
  const json* areas = nullptr;
  if (!r.object(root, "", "areas", areas) || !r.at_most(*areas, "/areas", limits::kAreas, "areas"))
    return false;
  for (const std::string& code : order) {
    std::string path = child_path("/areas", code);
    const json& entry = *areas->find(code);
    Area a;
    a.code = code;
    std::string kind;
    if (!r.string(entry, path, "name", a.name) || !r.string(entry, path, "kind", kind)) return false;
    if (kind == "nation") a.kind = AreaKind::kNation;
    else if (kind == "state") a.kind = AreaKind::kState;
    else if (kind == "metro") a.kind = AreaKind::kMetro;
    else if (kind == "nonmetro") a.kind = AreaKind::kNonmetro;
    else if (kind == "territory") a.kind = AreaKind::kTerritory;
    else if (kind == "world_region") a.kind = AreaKind::kWorldRegion;
    else
      return r.fail(code::kDatasetValue, child_path(path, "kind"),
                    "must be nation, state, metro, nonmetro, territory or world_region, not \"" + kind + "\"");
    out.area_order.push_back(code);
    out.areas.emplace(code, std::move(a));
  }
  if (!out.find_area("US") || out.areas.at("US").kind != AreaKind::kNation)
    return r.fail(code::kDatasetMissing, "/areas/US", "is required and must be the nation");
  // Wage areas name their states (or territory); those must exist (checked after all areas are
  // read). Their counties, for finding an area by county, are optional.
  for (const std::string& code : order) {
    const json& entry = *areas->find(code);
    Area& a = out.areas.at(code);
    if (!is_wage_area(a.kind)) continue;
    const std::string area_path = child_path("/areas", code);
    std::string path = child_path(area_path, "states");
    const json* states = nullptr;
    if (!r.array(entry, area_path, "states", states) || !r.at_most(*states, path, limits::kMetroStates, "states"))
      return false;
    if (states->empty()) return r.fail(code::kDatasetValue, path, "must name at least one state");
    for (size_t i = 0; i < states->size(); ++i) {
      const json& s = (*states)[i];
      if (!s.is_string()) return r.fail(code::kDatasetType, child_path(path, i), "must be a string");
      const Area* state = out.find_area(s.get_ref<const std::string&>());
      if (!state || (state->kind != AreaKind::kState && state->kind != AreaKind::kTerritory))
        return r.fail(code::kDatasetReference, child_path(path, i),
                      "\"" + s.get_ref<const std::string&>() + "\" is not a state or territory area");
      a.states.push_back(state->code);
    }
    auto counties = entry.find("counties");
    if (counties == entry.end() || counties->is_null()) continue;
    path = child_path(area_path, "counties");
    if (!counties->is_array()) return r.fail(code::kDatasetType, path, "must be an array of county names");
    if (!r.at_most(*counties, path, limits::kAreaCounties, "counties")) return false;
    for (size_t i = 0; i < counties->size(); ++i) {
      const json& c = (*counties)[i];
      if (!c.is_string() || c.get_ref<const std::string&>().empty())
        return r.fail(code::kDatasetType, child_path(path, i), "must be a county name");
      if (detail::utf8_characters(c.get_ref<const std::string&>()) > limits::kLabelChars)
        return r.fail(code::kDatasetValue, child_path(path, i),
                      "is longer than " + format_integer(limits::kLabelChars) + " characters");
      a.counties.push_back(c.get_ref<const std::string&>());
    }
  }
  return true;
}

bool load_wage_row(Reader& r, const json& entry, const std::string& path, const Dataset& out, WageRow& row) {
  if (!r.is_object(entry, path)) return false;
  if (entry.contains("source") && !r.source_ref(entry, path, out.sources, row.source)) return false;
  bool top_coded = false;
  for (size_t i = 0; i < 5; ++i) {
    const char* key = kPercentileKeys[i];
    auto it = entry.find(key);
    if (it == entry.end()) return r.fail(code::kDatasetMissing, child_path(path, key), "is required");
    if (it->is_null()) {
      top_coded = true;  // BLS "#": at or above the top code
      continue;
    }
    if (top_coded)
      return r.fail(code::kDatasetOrder, child_path(path, key),
                    std::string("must be null (top-coded) because ") + kPercentileKeys[i - 1] + " is");
    double v = 0;
    if (!r.number_value(*it, child_path(path, key), v, 0, kMaxWage)) return false;
    if (v <= 0) return r.fail(code::kDatasetValue, child_path(path, key), "must be > 0");
    if (i > 0 && row.p[i - 1] && v <= *row.p[i - 1])
      return r.fail(code::kDatasetOrder, child_path(path, key),
                    std::string("must be > ") + kPercentileKeys[i - 1] + " (" +
                        format_number(v) + " <= " + format_number(*row.p[i - 1]) + ")");
    row.p[i] = v;
  }
  if (!row.p[0] || !row.p[1])
    return r.fail(code::kDatasetValue, path, "p10 and p25 must be published (not null)");
  return r.optional_number(entry, path, "mean", row.mean, 0, kMaxWage) &&
         r.optional_number(entry, path, "employment", row.employment, 0, 1e9) &&
         r.optional_number(entry, path, "hourly_median", row.hourly_median, 0, kMaxWage / 2080);
}

// The national median in successive releases, oldest first (optional).
bool load_trend(Reader& r, const json& entry, const std::string& path, const Dataset& out, Occupation& o) {
  if (!entry.contains("national_trend")) return true;
  const json* trend = nullptr;
  std::string trend_path = child_path(path, "national_trend");
  if (!r.array(entry, path, "national_trend", trend) || !r.at_most(*trend, trend_path, limits::kTrendReleases, "releases"))
    return false;
  for (size_t i = 0; i < trend->size(); ++i) {
    std::string point_path = child_path(trend_path, i);
    TrendPoint t;
    if (!r.is_object((*trend)[i], point_path) || !r.string((*trend)[i], point_path, "release", t.release) ||
        !r.number((*trend)[i], point_path, "median", t.median, 1, kMaxWage) ||
        !r.source_ref((*trend)[i], point_path, out.sources, t.source))
      return false;
    o.national_trend.push_back(std::move(t));
  }
  return true;
}

// `order`: the keys of /occupations in document order, which the menus follow.
bool load_occupations(Reader& r, const json& root, const std::vector<std::string>& order, Dataset& out) {
  const json* occupations = nullptr;
  if (!r.object(root, "", "occupations", occupations) ||
      !r.at_most(*occupations, "/occupations", limits::kOccupations, "occupations"))
    return false;
  if (occupations->empty()) return r.fail(code::kDatasetValue, "/occupations", "must list an occupation");
  for (const std::string& code : order) {
    const json& entry = *occupations->find(code);
    std::string path = child_path("/occupations", code);
    Occupation o;
    o.code = code;
    const json* areas = nullptr;
    if (!r.string(entry, path, "title", o.title) || !r.source_ref(entry, path, out.sources, o.source) ||
        !r.object(entry, path, "areas", areas))
      return false;
    for (const auto& [area_code, row_json] : areas->items()) {
      std::string row_path = child_path(child_path(path, "areas"), area_code);
      const Area* area = out.find_area(area_code);
      if (!area) return r.fail(code::kDatasetReference, row_path, "unknown area \"" + area_code + "\"");
      if (area->kind != AreaKind::kNation && area->kind != AreaKind::kState)
        return r.fail(code::kDatasetValue, row_path, "wage rows are for the nation or a state");
      WageRow row;
      if (!load_wage_row(r, row_json, row_path, out, row)) return false;
      o.areas.emplace(area_code, row);
    }
    if (o.areas.count("US") == 0)
      return r.fail(code::kDatasetMissing, child_path(child_path(path, "areas"), "US"), "is required");
    auto gaps = entry.find("gaps");
    if (gaps != entry.end()) {
      if (!gaps->is_array()) return r.fail(code::kDatasetType, child_path(path, "gaps"), "must be an array");
      if (!r.at_most(*gaps, child_path(path, "gaps"), limits::kGaps, "gaps")) return false;
      for (size_t i = 0; i < gaps->size(); ++i) {
        std::string gap_path = child_path(child_path(path, "gaps"), i);
        std::string area, reason;
        if (!r.string((*gaps)[i], gap_path, "area", area) ||
            !r.string((*gaps)[i], gap_path, "reason", reason, limits::kTextChars))
          return false;
        if (!out.find_area(area))
          return r.fail(code::kDatasetReference, child_path(gap_path, "area"), "unknown area \"" + area + "\"");
        o.gaps[area] = reason;
      }
    }
    if (!load_trend(r, entry, path, out, o)) return false;
    out.occupation_order.push_back(code);
    out.occupations.emplace(code, std::move(o));
  }
  const json* top = nullptr;
  return r.object(root, "", "wage_top_code", top) &&
         r.number(*top, "/wage_top_code", "annual", out.wage_top_code, 1, kMaxWage) &&
         r.source_ref(*top, "/wage_top_code", out.sources, out.wage_top_code_source);
}

bool load_world_regions(Reader& r, const json& root, Dataset& out) {
  const json* regions = nullptr;
  const json* ranges = nullptr;
  WorldRegions& w = out.world_regions;
  if (!r.object(root, "", "world_regions", regions) ||
      !r.source_ref(*regions, "/world_regions", out.sources, w.source) ||
      !r.string(*regions, "/world_regions", "currency", w.currency) ||
      !r.string(*regions, "/world_regions", "statistic", w.statistic) ||
      !r.object(*regions, "/world_regions", "ranges", ranges))
    return false;
  for (const auto& [code, entry] : ranges->items()) {
    std::string path = child_path("/world_regions/ranges", code);
    const Area* area = out.find_area(code);
    if (!area || area->kind != AreaKind::kWorldRegion)
      return r.fail(code::kDatasetReference, path, "\"" + code + "\" is not a world_region area");
    Range range;
    if (!r.number(entry, path, "low", range.low, 0, kMaxWage) ||
        !r.number(entry, path, "high", range.high, 0, kMaxWage))
      return false;
    if (range.high < range.low)
      return r.fail(code::kDatasetOrder, path + "/high", "must be >= low");
    w.ranges[code] = range;
  }
  return true;
}

bool load_parity_table(Reader& r, const json& parities, const std::string& key, AreaKind kind,
                       const Dataset& data, PriceParityTable& out) {
  const std::string path = "/price_parities/" + key;
  const json* table = nullptr;
  const json* values = nullptr;
  double year = 0;
  if (!r.object(parities, "/price_parities", key, table) ||
      !r.source_ref(*table, path, data.sources, out.source) ||
      !r.number(*table, path, "year", year, 1900, 2100) || !r.object(*table, path, "values", values))
    return false;
  out.year = static_cast<int>(year);
  for (const auto& [code, value] : values->items()) {
    std::string value_path = child_path(path + "/values", code);
    const Area* area = data.find_area(code);
    if (!area || (area->kind != kind && area->kind != AreaKind::kNation))
      return r.fail(code::kDatasetReference, value_path,
                    "\"" + code + "\" is not a " + to_string(kind) + " area");
    double rpp = 0;
    if (!r.number_value(value, value_path, rpp, 1, 1000)) return false;
    out.values[code] = rpp;
  }
  return true;
}

bool load_experience(Reader& r, const json& root, Dataset& out) {
  const json* levels = nullptr;
  if (!r.array(root, "", "experience_levels", levels) ||
      !r.at_most(*levels, "/experience_levels", limits::kExperienceLevels, "experience levels"))
    return false;
  std::set<std::string> ids;
  bool level_weights_given = false;
  double weight_sum = 0;
  for (size_t i = 0; i < levels->size(); ++i) {
    std::string path = child_path("/experience_levels", i);
    const json& entry = (*levels)[i];
    ExperienceLevel level;
    const json* band = nullptr;
    if (!r.string(entry, path, "id", level.id, limits::kKeyChars) || !r.string(entry, path, "label", level.label) ||
        !r.string(entry, path, "years", level.years) || !r.source_ref(entry, path, out.sources, level.source) ||
        !r.array(entry, path, "band", band))
      return false;
    if (band->size() != 2) return r.fail(code::kDatasetValue, path + "/band", "must be [low, high]");
    if (!r.number_value((*band)[0], path + "/band/0", level.band_low, 1, 99) ||
        !r.number_value((*band)[1], path + "/band/1", level.band_high, 1, 99))
      return false;
    if (level.band_high <= level.band_low)
      return r.fail(code::kDatasetOrder, path + "/band/1", "must be > band[0]");
    if (!ids.insert(level.id).second)
      return r.fail(code::kDatasetDuplicate, path + "/id", "duplicate experience level \"" + level.id + "\"");
    std::optional<double> weight;
    if (!r.optional_number(entry, path, "weight", weight, 0, 1)) return false;
    if (i > 0 && weight.has_value() != level_weights_given)
      return r.fail(code::kDatasetMissing, path + "/weight", "every level needs a weight, or none does");
    level_weights_given = weight.has_value();
    level.weight = weight.value_or(0);
    weight_sum += level.weight;
    out.experience_levels.push_back(level);
  }
  // The weights are the levels' shares of workers; without them, equal shares.
  if (!levels->empty() && !level_weights_given)
    for (ExperienceLevel& level : out.experience_levels) level.weight = 1.0 / levels->size();
  else if (!levels->empty() && std::fabs(weight_sum - 1) > 1e-6)
    return r.fail(code::kDatasetValue, "/experience_levels", "the weights must sum to 1, not " + format_number(weight_sum));
  return true;
}

bool load_factors(Reader& r, const json& root, Dataset& out) {
  const json* factors = nullptr;
  if (!r.object(root, "", "factors", factors)) return false;
  const std::pair<const char*, FactorKind> lists[] = {
      {"specializations", FactorKind::kSpecialization}, {"skills", FactorKind::kSkill},
      {"technologies", FactorKind::kTechnology},         {"certifications", FactorKind::kCertification},
      {"company_types", FactorKind::kCompanyType}};
  for (const auto& [key, kind] : lists) {
    const json* list = nullptr;
    if (!r.array(*factors, "/factors", key, list) ||
        !r.at_most(*list, child_path("/factors", key), limits::kFactors, "factors"))
      return false;
    std::set<std::string> ids;
    for (size_t i = 0; i < list->size(); ++i) {
      std::string path = child_path(child_path("/factors", key), i);
      const json& entry = (*list)[i];
      Factor f;
      f.kind = kind;
      if (!r.string(entry, path, "id", f.id, limits::kKeyChars) || !r.string(entry, path, "label", f.label) ||
          !r.string(entry, path, "group", f.group, limits::kKeyChars) ||
          !r.source_ref(entry, path, out.sources, f.source) ||
          !r.optional_string(entry, path, "note", f.note, limits::kTextChars))
        return false;
      const json* premium = nullptr;
      if (!r.object(entry, path, "premium", premium) ||
          !r.number(*premium, path + "/premium", "low", f.premium.low, -0.9, 10) ||
          !r.number(*premium, path + "/premium", "high", f.premium.high, -0.9, 10))
        return false;
      if (f.premium.high < f.premium.low) return r.fail(code::kDatasetOrder, path + "/premium/high", "must be >= low");
      if (entry.contains("occupations")) {
        const json* occupations = nullptr;
        std::string list_path = child_path(path, "occupations");
        if (!r.array(entry, path, "occupations", occupations) ||
            !r.at_most(*occupations, list_path, limits::kOccupations, "occupations"))
          return false;
        for (size_t j = 0; j < occupations->size(); ++j) {
          const json& code = (*occupations)[j];
          if (!code.is_string()) return r.fail(code::kDatasetType, child_path(list_path, j), "must be a string");
          if (!out.find_occupation(code.get_ref<const std::string&>()))
            return r.fail(code::kDatasetReference, child_path(list_path, j),
                          "unknown occupation \"" + code.get_ref<const std::string&>() + "\"");
          f.occupations.push_back(code.get_ref<const std::string&>());
        }
      }
      if (!ids.insert(f.id).second)
        return r.fail(code::kDatasetDuplicate, path + "/id", "duplicate " + std::string(to_string(kind)) +
                                                                 " \"" + f.id + "\"");
      out.factors.push_back(std::move(f));
    }
  }
  return true;
}

bool load_compensation_norms(Reader& r, const json& root, Dataset& out) {
  const json* norms = nullptr;
  if (!r.array(root, "", "compensation_norms", norms) ||
      !r.at_most(*norms, "/compensation_norms", limits::kCompensationNorms, "compensation norms"))
    return false;
  std::set<std::string> company_types;
  for (const Factor& f : out.factors)
    if (f.kind == FactorKind::kCompanyType) company_types.insert(f.id);
  static const std::set<std::string> components = {"bonus_percent", "equity_percent",
                                                   "retirement_match_percent", "benefits_usd",
                                                   "extra_comp_usd"};
  for (size_t i = 0; i < norms->size(); ++i) {
    std::string path = child_path("/compensation_norms", i);
    const json& entry = (*norms)[i];
    CompensationNorm n;
    if (!r.string(entry, path, "id", n.id, limits::kKeyChars) || !r.string(entry, path, "component", n.component) ||
        !r.string(entry, path, "applies_to", n.applies_to) || !r.string(entry, path, "label", n.label) ||
        !r.source_ref(entry, path, out.sources, n.source) || !r.number(entry, path, "low", n.low, 0, kMaxWage) ||
        !r.number(entry, path, "high", n.high, 0, kMaxWage))
      return false;
    if (components.count(n.component) == 0)
      return r.fail(code::kDatasetValue, path + "/component", "unknown component \"" + n.component + "\"");
    if (n.applies_to != "any" && company_types.count(n.applies_to) == 0)
      return r.fail(code::kDatasetReference, path + "/applies_to", "unknown company type \"" + n.applies_to + "\"");
    if (n.high < n.low) return r.fail(code::kDatasetOrder, path + "/high", "must be >= low");
    out.compensation_norms.push_back(std::move(n));
  }
  return true;
}

bool load_published_estimates(Reader& r, const json& root, Dataset& out) {
  const json* estimates = nullptr;
  if (!r.array(root, "", "published_estimates", estimates) ||
      !r.at_most(*estimates, "/published_estimates", limits::kPublishedEstimates, "published estimates"))
    return false;
  for (size_t i = 0; i < estimates->size(); ++i) {
    std::string path = child_path("/published_estimates", i);
    const json& entry = (*estimates)[i];
    PublishedEstimate e;
    if (!r.string(entry, path, "publisher", e.publisher) || !r.string(entry, path, "role", e.role) ||
        !r.string(entry, path, "statistic", e.statistic) || !r.optional_string(entry, path, "as_of", e.as_of) ||
        !r.optional_string(entry, path, "area", e.area) || !r.source_ref(entry, path, out.sources, e.source) ||
        !r.optional_number(entry, path, "value", e.value, 0, kMaxWage) ||
        !r.optional_number(entry, path, "low", e.low, 0, kMaxWage) ||
        !r.optional_number(entry, path, "high", e.high, 0, kMaxWage))
      return false;
    if (e.area.empty()) e.area = "US";
    if (!out.find_area(e.area))
      return r.fail(code::kDatasetReference, path + "/area", "unknown area \"" + e.area + "\"");
    if (!e.value && !(e.low && e.high))
      return r.fail(code::kDatasetMissing, path, "needs a value or both low and high");
    if (e.low.has_value() != e.high.has_value())
      return r.fail(code::kDatasetMissing, path, "low and high go together");
    if (e.low && *e.high < *e.low) return r.fail(code::kDatasetOrder, path + "/high", "must be >= low");
    out.published_estimates.push_back(std::move(e));
  }
  return true;
}

}  // namespace

Result<Dataset> load_dataset(std::string_view json_text) {
  auto parsed = detail::parse_document(json_text);
  if (!parsed) return parsed.error();
  const detail::ParsedDocument& doc = parsed.value();
  const json& root = doc.root;
  Reader r;
  Dataset out;
  if (!r.is_object(root, "")) return r.error();
  if (!r.string(root, "", "format", out.format)) return r.error();
  if (out.format != "salary-dataset/1")
    return make_error(code::kDatasetValue, "/format: must be \"salary-dataset/1\", not \"" + out.format + "\"");
  const json* parities = nullptr;
  bool ok = r.string(root, "", "version", out.version) && load_sources(r, root, out) &&
            load_areas(r, root, doc.area_order, out) &&
            load_occupations(r, root, doc.occupation_order, out) &&
            load_world_regions(r, root, out) &&
            r.object(root, "", "price_parities", parities) &&
            load_parity_table(r, *parities, "states", AreaKind::kState, out, out.state_parities) &&
            load_parity_table(r, *parities, "metros", AreaKind::kMetro, out, out.metro_parities) &&
            detail::load_wage_areas(r, root, out) &&
            load_experience(r, root, out) && load_factors(r, root, out) &&
            load_compensation_norms(r, root, out) && load_published_estimates(r, root, out) &&
            detail::load_tax(r, root, out.sources, out.areas, out.tax);
  if (!ok) return r.error();
  out.wage_area_model = &wage_area_distribution;  // (Dataset::wage_area_model)
  return out;
}

}  // namespace salary
