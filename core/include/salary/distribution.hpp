// Wage distributions known only by their published percentile points (BLS publishes p10, p25,
// p50, p75, p90), and the lookup of the distribution for an occupation in an area.
//
// The model, piece by piece (docs/model.md has the reasoning):
// - Between published points: z = Φ⁻¹(p) is linear in ln(wage). This is a log-normal on each
//   segment, so the curve is exact at every published point, continuous and strictly monotone.
// - Below p10: the p10–p25 segment's line continues (a log-normal lower tail); a wage of 0 is the
//   0th percentile.
// - Above p90: a Pareto tail S(w) = 0.10 · (w / p90)^-α with α fitted so the same curve would pass
//   through p75 (α = ln 2.5 / ln(p90 / p75)). Pareto, because top pay is heavy-tailed.
// - A point BLS top-coded (published as "#", at or above $239,200) is extrapolated along the line
//   through the two points before it, and never below the top code.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "salary/dataset.hpp"

namespace salary {

// Φ, the standard normal CDF, and its inverse (accurate to ~1e-15).
double normal_cdf(double z);
double normal_quantile(double p);  // 0 < p < 1

class Distribution {
 public:
  // `points` are wages at kPercentiles, finite, positive and strictly increasing.
  static Result<Distribution> from_points(const std::array<double, 5>& points);

  // Percentile (0..100) of an annual salary (>= 0). 0 maps to 0; never reaches 100.
  double percentile_of(double salary) const;
  // Inverse of percentile_of for 0 < percentile < 100.
  double salary_at(double percentile) const;

  const std::array<double, 5>& points() const { return wage_; }
  double pareto_alpha() const { return alpha_; }
  // Every wage × factor; an error when the scaled points no longer form a distribution (an
  // extreme factor overflows, underflows or rounds neighbouring points together).
  Result<Distribution> scaled(double factor) const;

 private:
  std::array<double, 5> wage_{}, log_wage_{}, z_{};
  double alpha_ = 0;
};

// Where an area's distribution came from.
enum class DistributionMethod {
  kPublished,        // the BLS row as published
  kTopCodedEstimate, // the BLS row, with top-coded points extrapolated
  kMetroScaled,      // national row × (article's metro figure / national mean)
};
const char* to_string(DistributionMethod method);

struct AreaDistribution {
  std::string occupation, occupation_title, area, area_name;
  AreaKind area_kind = AreaKind::kNation;
  Distribution distribution;
  std::array<bool, 5> estimated{};     // true where a point is not a published figure
  DistributionMethod method = DistributionMethod::kPublished;
  std::vector<std::string> sources;    // every source the points rest on, main one first
  std::vector<std::string> notes;      // what the user should know (top code, metro scaling)
  std::optional<double> mean, employment;
};

// Errors: unknown_occupation, unknown_area, no_data (no row for the pair, with the dataset's gap
// reason), range_only (world regions: only a salary range is known).
Result<AreaDistribution> area_distribution(const Dataset& data, const std::string& occupation,
                                           const std::string& area);

// Checks a salary argument: finite, 0 <= value <= 1e9. `name` is used in the message.
std::optional<Error> check_salary(const char* name, double value);

}  // namespace salary
