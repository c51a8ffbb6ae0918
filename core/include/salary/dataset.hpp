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

enum class AreaKind { kNation, kState, kMetro, kWorldRegion };
const char* to_string(AreaKind kind);

struct Area {
  std::string code, name;
  AreaKind kind = AreaKind::kNation;
  std::vector<std::string> states;  // metros: the states they span, principal first
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

struct MetroWages {
  std::string source, occupation, statistic;
  double national_reference = 0;
  std::string national_reference_source;
  std::map<std::string, double> values;  // CBSA code → figure
  std::map<std::string, std::string> article_names;
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

struct Dataset {
  std::string format, version;
  std::map<std::string, Source> sources;
  std::map<std::string, Area> areas;
  std::vector<std::string> area_order;  // codes in dataset order, for listings
  std::map<std::string, Occupation> occupations;
  std::vector<std::string> occupation_order;
  double wage_top_code = 0;
  std::string wage_top_code_source;
  MetroWages metro_wages;
  WorldRegions world_regions;
  PriceParityTable state_parities, metro_parities;
  std::vector<ExperienceLevel> experience_levels;
  std::vector<Factor> factors;  // all kinds, dataset order
  std::vector<CompensationNorm> compensation_norms;
  std::vector<PublishedEstimate> published_estimates;
  TaxTables tax;

  const Area* find_area(const std::string& code) const;
  const Occupation* find_occupation(const std::string& code) const;
  const Factor* find_factor(FactorKind kind, const std::string& id) const;
  const ExperienceLevel* find_experience(const std::string& id) const;
};

// Parses and validates a dataset. Never throws; on failure the error message starts with the JSON
// Pointer of the offending value ("/occupations/15-1252/areas/CA/p75: must be > p50").
Result<Dataset> load_dataset(std::string_view json_text);

}  // namespace salary
