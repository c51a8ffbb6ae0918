// The loaded, validated dataset. Its JSON shape is documented in docs/dataset.md; load_dataset()
// checks every rule there and reports the first violation with its JSON Pointer. Once loaded, a
// Dataset is immutable and every figure in it carries a source id that names an entry of sources.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salary/result.hpp"
#include "salary/tax_tables.hpp"

namespace salary {

struct Source {
  std::string id, publisher, title, released, url, note;  // released/url/note may be empty
  std::string label;  // a short citation naming the release ("BLS OEWS May 2025"); may be empty
};

// kMetro and kNonmetro are DOL's wage areas (every US county belongs to one); a territory (Puerto
// Rico, Guam, the U.S. Virgin Islands) has wage areas but no BLS state row.
enum class AreaKind { kNation, kState, kMetro, kWorldRegion, kNonmetro, kTerritory };
const char* to_string(AreaKind kind);
inline bool is_wage_area(AreaKind kind) { return kind == AreaKind::kMetro || kind == AreaKind::kNonmetro; }

struct Area {
  std::string code, name;
  AreaKind kind = AreaKind::kNation;
  std::vector<std::string> states;    // wage areas: the states (or territory) they lie in, principal first
  std::vector<std::string> counties;  // wage areas: their counties, "Travis County, TX"
};

// The five percentile points BLS publishes. p[i] is the wage at kPercentiles[i].
inline constexpr std::array<double, 5> kPercentiles = {10, 25, 50, 75, 90};

struct WageRow {
  // Annual wages in USD; std::nullopt = top-coded by BLS (at or above Dataset::wage_top_code).
  std::array<std::optional<double>, 5> p;
  std::optional<double> mean, employment, hourly_median;
  std::string source;  // the release this row is from; empty: the occupation's source
};

// The national median in one release, for saying how far figures of different releases apart are.
struct TrendPoint {
  std::string release, source;  // "May 2024", a source id
  double median = 0;
};

struct Occupation {
  std::string code, title, source;
  std::map<std::string, WageRow> areas;  // nation / state code → row
  std::map<std::string, std::string> gaps;  // state code → why the builder left it out
  std::vector<TrendPoint> national_trend;  // oldest first; may be empty
  const std::string& source_of(const WageRow& row) const { return row.source.empty() ? source : row.source; }
};

// DOL's prevailing wage levels (H-1B, PERM) of every wage area: Level I is the mean wage of the
// lowest third of the area's wage distribution, Level IV the mean of its upper two thirds, II and
// III split the gap in thirds. Annual USD.
// Both tables are keyed by "occupation area" ("15-1252 41940"): one flat map each, which keeps
// the wasm smaller than maps of maps (every map type is code of its own).
using WageLevels = std::array<double, 4>;
std::string wage_area_key(const std::string& occupation, const std::string& area);
struct PrevailingWages {
  std::string source, wage_year;          // wage_year: "July 2025 – June 2026"
  std::map<std::string, WageLevels> levels;  // wage_area_key → Level I … IV
  const WageLevels* find(const std::string& occupation, const std::string& area) const;
};

// BLS's official annual medians of some metro areas (no other metro percentiles are published here).
struct MetroMedians {
  std::string source;
  std::map<std::string, double> values;  // wage_area_key → median
  const double* find(const std::string& occupation, const std::string& area) const;
};

struct Range {
  double low = 0, high = 0;
};

struct WorldRegions {
  std::string source, currency, statistic;
  std::map<std::string, Range> ranges;  // area code → range
};

struct PriceParityTable {
  std::string source;
  int year = 0;
  std::map<std::string, double> values;  // area code → all-items RPP, US = 100
};

struct ExperienceLevel {
  std::string id, label, years, source;
  double band_low = 0, band_high = 0;  // the source's percentile band of the area's distribution
  double weight = 0;  // this level's share of workers (the levels' weights sum to 1)
};

enum class FactorKind { kSpecialization, kSkill, kTechnology, kCertification, kCompanyType };
const char* to_string(FactorKind kind);

struct Factor {
  std::string id, label, group, source, note;
  FactorKind kind = FactorKind::kSkill;
  Range premium;  // fractional: 0.10 = +10 %
  // The occupations (SOC codes) whose pay the source measured; empty: any. Elsewhere the factor
  // is listed in an estimate but not applied.
  std::vector<std::string> occupations;
};

struct CompensationNorm {
  std::string id, component, applies_to, label, source;
  double low = 0, high = 0;
};

struct PublishedEstimate {
  std::string publisher, role, statistic, as_of, area, source;
  std::optional<double> value, low, high;
};

struct Dataset;
struct AreaDistribution;
// How a wage area's distribution is derived from its state's curve and DOL's levels
// (wage_area_distribution, wage_area.hpp).
using WageAreaModel = Result<AreaDistribution> (*)(const Dataset&, const Occupation&, const Area&);

struct Dataset {
  std::string format, version;
  std::map<std::string, Source> sources;
  std::map<std::string, Area> areas;
  std::vector<std::string> area_order;  // codes in dataset order, for listings
  std::map<std::string, Occupation> occupations;
  std::vector<std::string> occupation_order;
  double wage_top_code = 0;
  std::string wage_top_code_source;
  PrevailingWages prevailing_wages;
  MetroMedians metro_medians;
  WorldRegions world_regions;
  PriceParityTable state_parities, metro_parities;
  // BEA's price levels of the metropolitan and nonmetropolitan parts of each state (keyed by state
  // code), for wage areas without a metro price level of their own. A state without such a part
  // (no nonmetro counties in NJ) has no entry.
  PriceParityTable metro_portions, nonmetro_portions;
  std::vector<ExperienceLevel> experience_levels;
  std::vector<Factor> factors;  // all kinds, dataset order
  std::vector<CompensationNorm> compensation_norms;
  std::vector<PublishedEstimate> published_estimates;
  TaxTables tax;
  // The code that reads the wage areas (unpack_areas, unpack_dataset, load_dataset) sets this to
  // wage_area_distribution, and area_distribution() calls it for a metro or nonmetro area. A hook
  // rather than a call so that a wasm module without those readers (the default one: the nation
  // and the states only) links none of the wage areas' fit, ~3 KB gzip (docs/performance.md).
  WageAreaModel wage_area_model = nullptr;

  const Area* find_area(const std::string& code) const;
  const Occupation* find_occupation(const std::string& code) const;
  const Factor* find_factor(FactorKind kind, const std::string& id) const;
  const ExperienceLevel* find_experience(const std::string& id) const;
};

// Parses and validates a dataset. Never throws; on failure the error message starts with the JSON
// Pointer of the offending value ("/occupations/15-1252/areas/CA/p75: must be > p50").
Result<Dataset> load_dataset(std::string_view json_text);

}  // namespace salary
