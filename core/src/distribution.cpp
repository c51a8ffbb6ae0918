#include "salary/distribution.hpp"

#include <algorithm>
#include <cmath>

#include "number_format.hpp"

namespace salary {

Result<Distribution> Distribution::from_points(const std::array<double, 5>& points) {
  Distribution d;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!std::isfinite(points[i]) || points[i] <= 0)
      return make_error(code::kInvalidNumber, "percentile points must be positive numbers");
    if (i > 0 && points[i] <= points[i - 1])
      return make_error(code::kInvalidNumber, "percentile points must be strictly increasing");
    d.wage_[i] = points[i];
    d.log_wage_[i] = std::log(points[i]);
    d.z_[i] = normal_quantile(kPercentiles[i] / 100);
    // Points a few ulps apart can share a logarithm: the segment between them would divide by 0
    // and percentile_of() return NaN.
    if (i > 0 && d.log_wage_[i] <= d.log_wage_[i - 1])
      return make_error(code::kInvalidNumber, "percentile points are too close together to form a distribution");
  }
  d.alpha_ = std::log(2.5) / std::log(points[4] / points[3]);
  if (!std::isfinite(d.alpha_) || d.alpha_ <= 0)
    return make_error(code::kInvalidNumber, "percentile points are too close together to form a distribution");
  return d;
}

Result<Distribution> Distribution::scaled(double factor) const {
  std::array<double, 5> points = wage_;
  for (double& w : points) w *= factor;
  return from_points(points);
}

const char* to_string(DistributionMethod method) {
  switch (method) {
    case DistributionMethod::kPublished: return "published";
    case DistributionMethod::kTopCodedEstimate: return "top_coded_estimate";
    case DistributionMethod::kMetroScaled: return "metro_scaled";
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

// 180000 → "$180,000": how dollar figures read in messages and notes.
std::string money(double v) {
  std::string digits = detail::format_number(std::round(v));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return "$" + digits;
}

// Fills top-coded points by extending the z–ln(w) line through the two points before each.
Result<std::array<double, 5>> fill_top_coded(const WageRow& row, double top_code,
                                             std::array<bool, 5>& estimated) {
  std::array<double, 5> points{};
  for (size_t i = 0; i < 5; ++i) {
    if (row.p[i]) {
      points[i] = *row.p[i];
      continue;
    }
    if (i < 2) return make_error(code::kNoData, "too few published percentiles to form a distribution");
    double z0 = normal_quantile(kPercentiles[i - 2] / 100), z1 = normal_quantile(kPercentiles[i - 1] / 100);
    double zi = normal_quantile(kPercentiles[i] / 100);
    double slope = (std::log(points[i - 1]) - std::log(points[i - 2])) / (z1 - z0);
    double extrapolated = std::exp(std::log(points[i - 1]) + slope * (zi - z1));
    points[i] = std::max({extrapolated, top_code, points[i - 1] * 1.0001});
    estimated[i] = true;
  }
  return points;
}

Result<AreaDistribution> metro_distribution(const Dataset& data, const Occupation& occupation,
                                            const Area& area) {
  const MetroWages& metro = data.metro_wages;
  auto figure = metro.values.find(area.code);
  if (figure == metro.values.end())
    return make_error(code::kNoData, "no wage figure for " + area.name +
                                         "; only the ten metros quoted by the article have one (choose its state, " +
                                         (area.states.empty() ? std::string("US") : area.states[0]) + ")");
  if (occupation.code != metro.occupation)
    return make_error(code::kNoData, "metro wage figures exist only for " + metro.occupation +
                                         "; choose a state for " + occupation.code);
  auto national = area_distribution(data, occupation.code, "US");
  if (!national) return national.error();
  AreaDistribution out = national.value();
  double factor = figure->second / metro.national_reference;
  out.area = area.code;
  out.area_name = area.name;
  out.area_kind = area.kind;
  // An extreme figure over the reference scales the points out of range (overflow, underflow, or
  // neighbours rounding together): an error to report, not a curve to compute on.
  auto scaled = out.distribution.scaled(factor);
  if (!scaled)
    return make_error(code::kNoData, area.name + ": the national distribution scaled by " +
                                         detail::format_number(factor) + " is out of range (" +
                                         scaled.error().message + ")");
  out.distribution = scaled.value();
  out.estimated.fill(true);
  out.method = DistributionMethod::kMetroScaled;
  out.sources = {metro.source, metro.national_reference_source};
  out.notes.push_back("Scaled from the national distribution by the article's " + metro.statistic +
                      " for this metro (" + money(figure->second) + ") over the national " +
                      metro.statistic + " (" + money(metro.national_reference) + ").");
  // BEA has renamed some metros since the article; say which name the figure was quoted under.
  auto quoted = metro.article_names.find(area.code);
  if (quoted != metro.article_names.end() && !quoted->second.empty() && quoted->second != area.name)
    out.notes.push_back("The article quotes this figure for \"" + quoted->second + "\".");
  out.mean = figure->second;
  out.employment.reset();
  return out;
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
                           : "only a salary range (" + money(range->second.low) + "–" +
                                 money(range->second.high) + ", " + data.world_regions.source + ")";
    return make_error(code::kRangeOnly,
                      area->name + ": " + what + " is published; no percentile can be given");
  }
  if (area->kind == AreaKind::kMetro) return metro_distribution(data, *occupation, *area);

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
  out.sources = {occupation->source};
  out.mean = row->second.mean;
  out.employment = row->second.employment;
  auto points = fill_top_coded(row->second, data.wage_top_code, out.estimated);
  if (!points) return make_error(code::kNoData, area->name + ": " + points.error().message);
  for (bool e : out.estimated)
    if (e) out.method = DistributionMethod::kTopCodedEstimate;
  if (out.method == DistributionMethod::kTopCodedEstimate) {
    if (data.wage_top_code_source != occupation->source) out.sources.push_back(data.wage_top_code_source);
    out.notes.push_back("BLS publishes wages at or above " + money(data.wage_top_code) +
                        " only as \"at least\"; the points marked estimated extend the curve and are "
                        "never below that top code.");
  }
  auto distribution = Distribution::from_points(points.value());
  if (!distribution) return distribution.error();
  out.distribution = distribution.value();
  return out;
}

}  // namespace salary
