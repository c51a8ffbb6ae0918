#include "salary/distribution.hpp"

#include <algorithm>
#include <cmath>

#include "number_format.hpp"

namespace salary {

const char* to_string(DistributionMethod method) {
  switch (method) {
    case DistributionMethod::kPublished: return "published";
    case DistributionMethod::kTopCodedEstimate: return "top_coded_estimate";
    case DistributionMethod::kAreaLevels: return "dol_levels";
    case DistributionMethod::kAreaLevelsMedian: return "dol_levels_bls_median";
    case DistributionMethod::kAreaMedian: return "bls_median";
    case DistributionMethod::kStateFallback: return "state";
  }
  return "published";
}

std::optional<Error> check_salary(const char* name, double value) {
  if (!std::isfinite(value))
    return make_error(code::kInvalidNumber, std::string(name) + " must be a finite number");
  if (value < 0)
    return make_error(code::kInvalidNumber,
                      std::string(name) + " must not be negative, got " + detail::format_number(value));
  if (value > 1e9)
    return make_error(code::kInvalidNumber, std::string(name) + " must be at most 1,000,000,000, got " +
                                                detail::format_number(value));
  return std::nullopt;
}

namespace {

using detail::format_money;

// The row's distribution: fitted to its published points and mean. A point BLS top-coded is
// estimated by the fit (the curve beyond the last published point is shaped by the mean); if the
// estimate falls below the top code, which BLS says it is at or above, the point is pinned at the
// top code and the curve fitted again.
Result<Distribution> fit_row(const WageRow& row, double top_code, std::array<bool, 5>& estimated) {
  size_t published = 0;
  while (published < 5 && row.p[published]) ++published;  // the loader allows nulls only at the end
  std::vector<Knot> knots(published);  // sized once: no code to regrow a vector in the wasm
  for (size_t i = 0; i < published; ++i) knots[i] = {kPercentiles[i], *row.p[i]};
  auto fitted = Distribution::fit(knots, row.mean);
  for (size_t i = published; i < 5 && fitted; ++i) {
    estimated[i] = true;
    if (fitted->salary_at(kPercentiles[i]) >= top_code) continue;
    std::vector<Knot> pinned(knots.size() + 1);
    std::copy(knots.begin(), knots.end(), pinned.begin());
    pinned.back() = {kPercentiles[i], std::max(top_code, knots.back().wage * 1.0001)};
    knots.swap(pinned);
    fitted = Distribution::fit(knots, row.mean);
  }
  return fitted;
}

const std::string& release_name(const Source& s) { return s.label.empty() ? s.title : s.label; }

// Where a row is from an older release than the national one: say so, and how far the national
// median moved since (the occupation's national trend), so that no figure ages silently.
void note_vintage(const Dataset& data, const Occupation& occupation, const std::string& release_source,
                  AreaDistribution& out) {
  auto national = occupation.areas.find("US");
  const auto& trend = occupation.national_trend;
  if (national == occupation.areas.end() || trend.size() < 2) return;
  const std::string& newest = occupation.source_of(national->second);
  if (newest == release_source || trend.back().source != newest) return;
  std::string path;
  for (const TrendPoint& t : trend) path += detail::join({path.empty() ? "" : " → ", format_money(t.median), " (", t.release, ")"});
  double change = std::round((trend.back().median / trend[trend.size() - 2].median - 1) * 1000) / 10;
  out.notes.push_back(detail::join({"These figures are ", release_name(data.sources.at(release_source)),
                                    "; the national ones are ", release_name(data.sources.at(newest)),
                                    ", a release newer. The national median moved ", path, ", ",
                                    change >= 0 ? "+" : "", detail::format_number(change), " % in the latest year."}));
}

}  // namespace

Result<AreaDistribution> area_distribution(const Dataset& data, const std::string& occupation_code,
                                           const std::string& area_code) {
  const Occupation* occupation = data.find_occupation(occupation_code);
  if (!occupation)
    return make_error(code::kUnknownOccupation, "unknown occupation \"" + occupation_code + "\"");
  const Area* area = data.find_area(area_code);
  if (!area) return make_error(code::kUnknownArea, "unknown area \"" + area_code + "\"");

  if (area->kind == AreaKind::kWorldRegion) {
    auto range = data.world_regions.ranges.find(area_code);
    std::string what = range == data.world_regions.ranges.end()
                           ? std::string("no figures")
                           : "only a salary range (" + format_money(range->second.low) + "–" +
                                 format_money(range->second.high) + ", " + data.world_regions.source + ")";
    return make_error(code::kRangeOnly,
                      area->name + ": " + what + " is published; no percentile can be given");
  }
  if (is_wage_area(area->kind)) {
    // Through the hook the areas' readers set (Dataset::wage_area_model): a Dataset gets wage
    // areas only from them, so it is never missing but in one put together by hand.
    if (!data.wage_area_model) return make_error(code::kNoData, area->name + ": no model of wage areas is loaded");
    return data.wage_area_model(data, *occupation, *area);
  }
  if (area->kind == AreaKind::kTerritory)
    return make_error(code::kNoData, "no " + occupation->title + " wages for " + area->name +
                                         " as a whole: choose one of its wage areas");

  auto row = occupation->areas.find(area_code);
  if (row == occupation->areas.end()) {
    auto gap = occupation->gaps.find(area_code);
    return make_error(code::kNoData, "no " + occupation->title + " wages for " + area->name +
                                         (gap == occupation->gaps.end() ? "" : ": " + gap->second));
  }
  AreaDistribution out;
  out.occupation = occupation->code;
  out.occupation_title = occupation->title;
  out.area = area->code;
  out.area_name = area->name;
  out.area_kind = area->kind;
  const std::string& release_source = occupation->source_of(row->second);
  out.sources = {release_source};
  out.release = release_name(data.sources.at(release_source));
  out.mean = row->second.mean;
  out.employment = row->second.employment;
  auto distribution = fit_row(row->second, data.wage_top_code, out.estimated);
  if (!distribution) return make_error(code::kNoData, area->name + ": " + distribution.error().message);
  out.distribution = distribution.value();
  for (bool e : out.estimated)
    if (e) out.method = DistributionMethod::kTopCodedEstimate;
  if (out.method == DistributionMethod::kTopCodedEstimate) {
    if (data.wage_top_code_source != release_source) out.sources.push_back(data.wage_top_code_source);
    out.notes.push_back("BLS publishes wages at or above " + format_money(data.wage_top_code) +
                        " only as \"at least\"; the points marked estimated come from the curve fitted "
                        "to the published points and mean, and are never below that top code.");
  }
  note_vintage(data, *occupation, release_source, out);
  out.implied_mean = out.distribution.mean();
  return out;
}

}  // namespace salary
