// The wage-area sections of the dataset. Every rule of docs/dataset.md is checked here, so the
// area distributions and the prevailing wage panel can trust what they read.
#include "wage_area_loader.hpp"

namespace salary::detail {
namespace {

constexpr double kMaxWage = 1e8;  // as for wage rows (dataset_loader.cpp)

// An occupation key that names a loaded occupation, under `path`.
bool occupation_key(Reader& r, const Dataset& data, const std::string& path, const std::string& code) {
  if (data.find_occupation(code)) return true;
  return r.fail(code::kDatasetReference, path, "unknown occupation \"" + code + "\"");
}

// An area key that names a metro or nonmetro wage area.
bool wage_area_ref(Reader& r, const Dataset& data, const std::string& path, const std::string& code) {
  const Area* area = data.find_area(code);
  if (area && is_wage_area(area->kind)) return true;
  return r.fail(code::kDatasetReference, path, "\"" + code + "\" is not a metro or nonmetro area");
}

bool load_levels(Reader& r, const json& entry, const std::string& path, WageLevels& out) {
  if (!entry.is_array()) return r.fail(code::kDatasetType, path, "must be an array of four levels");
  if (entry.size() != 4) return r.fail(code::kDatasetValue, path, "must list exactly four levels (I–IV)");
  for (size_t i = 0; i < 4; ++i) {
    if (!r.number_value(entry[i], child_path(path, i), out[i], 1, kMaxWage)) return false;
    if (i > 0 && out[i] <= out[i - 1])
      return r.fail(code::kDatasetOrder, child_path(path, i),
                    "must be > level " + format_integer(static_cast<long long>(i)) + " (" +
                        format_number(out[i]) + " <= " + format_number(out[i - 1]) + ")");
  }
  return true;
}

// Reads `table[occupation][area]` (under `path`), each entry with `read(entry, its path, its key
// in the dataset's tables)`; every occupation must be loaded and every area a wage area.
template <typename Read>
bool each_occupation_and_area(Reader& r, const Dataset& data, const json& table, const std::string& path, Read read) {
  for (const auto& [occupation, areas] : table.items()) {
    const std::string occupation_path = child_path(path, occupation);
    if (!occupation_key(r, data, occupation_path, occupation) || !r.is_object(areas, occupation_path)) return false;
    for (const auto& [area, entry] : areas.items()) {
      const std::string area_path = child_path(occupation_path, area);
      if (!wage_area_ref(r, data, area_path, area) || !read(entry, area_path, wage_area_key(occupation, area)))
        return false;
    }
  }
  return true;
}

bool load_prevailing_wages(Reader& r, const json& root, Dataset& out) {
  auto section = root.find("prevailing_wages");
  if (section == root.end() || section->is_null()) return true;
  const std::string path = "/prevailing_wages";
  PrevailingWages& p = out.prevailing_wages;
  const json* levels = nullptr;
  return r.is_object(*section, path) && r.source_ref(*section, path, out.sources, p.source) &&
         r.string(*section, path, "wage_year", p.wage_year) && r.object(*section, path, "levels", levels) &&
         each_occupation_and_area(r, out, *levels, path + "/levels", [&](const json& entry, const std::string& at,
                                                                         const std::string& key) {
           return load_levels(r, entry, at, p.levels[key]);
         });
}

bool load_metro_medians(Reader& r, const json& root, Dataset& out) {
  auto section = root.find("metro_medians");
  if (section == root.end() || section->is_null()) return true;
  const std::string path = "/metro_medians";
  MetroMedians& m = out.metro_medians;
  const json* values = nullptr;
  return r.is_object(*section, path) && r.source_ref(*section, path, out.sources, m.source) &&
         r.object(*section, path, "values", values) &&
         each_occupation_and_area(r, out, *values, path + "/values", [&](const json& entry, const std::string& at,
                                                                         const std::string& key) {
           return r.number_value(entry, at, m.values[key], 1, kMaxWage);
         });
}

// Stored as two tables of the same shape as the others (dataset.hpp: metro_portions and
// nonmetro_portions), with the portions' common source and year.
bool load_portions(Reader& r, const json& root, Dataset& out) {
  auto parities = root.find("price_parities");
  if (parities == root.end() || !parities->is_object()) return true;  // the main loader reports it
  auto section = parities->find("portions");
  if (section == parities->end() || section->is_null()) return true;
  const std::string path = "/price_parities/portions";
  PriceParityTable& metro = out.metro_portions;
  const json* values = nullptr;
  double year = 0;
  if (!r.is_object(*section, path) || !r.source_ref(*section, path, out.sources, metro.source) ||
      !r.number(*section, path, "year", year, 1900, 2100) || !r.object(*section, path, "values", values))
    return false;
  metro.year = static_cast<int>(year);
  PriceParityTable& nonmetro = out.nonmetro_portions;
  nonmetro.source = metro.source;
  nonmetro.year = metro.year;
  for (const auto& [code, entry] : values->items()) {
    const std::string state_path = child_path(path + "/values", code);
    const Area* area = out.find_area(code);
    if (!area || area->kind != AreaKind::kState)
      return r.fail(code::kDatasetReference, state_path, "\"" + code + "\" is not a state area");
    std::optional<double> metro_rpp, nonmetro_rpp;
    if (!r.is_object(entry, state_path) ||
        !r.optional_number(entry, state_path, "metro", metro_rpp, 1, 1000) ||
        !r.optional_number(entry, state_path, "nonmetro", nonmetro_rpp, 1, 1000))
      return false;
    if (metro_rpp) metro.values[code] = *metro_rpp;
    if (nonmetro_rpp) nonmetro.values[code] = *nonmetro_rpp;
  }
  return true;
}

}  // namespace

bool load_wage_areas(Reader& r, const json& root, Dataset& out) {
  return load_prevailing_wages(r, root, out) && load_metro_medians(r, root, out) && load_portions(r, root, out);
}

}  // namespace salary::detail
