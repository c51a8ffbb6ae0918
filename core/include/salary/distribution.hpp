// Wage distributions known only by a few published points (BLS publishes p10, p25, p50, p75, p90
// and an annual mean), and the lookup of the distribution for an occupation in an area.
//
// The model (docs/model.md has the reasoning and the measured error):
// - The density is built in wage space between the published points ("knots"). BLS fixes the mass
//   between neighbouring knots, so each interval has a known average density (mass / width).
//   Each knot gets a density strictly between the averages of the two intervals beside it, so an
//   interval whose average lies between its neighbours' gets a monotone piece, and only one whose
//   average is above both (below both) gets a single bump (dip): the curve has exactly the peaks
//   the published points force, and the density is continuous at every knot (the quantile
//   function is C¹). Monotone pieces are f0 + (f1 − f0)·tᵏ or f1 − (f1 − f0)·(1 − t)ᵏ with k ≥ 1
//   chosen so the piece holds its mass; a bump is a parabola, a dip f0·(1 − t)ᵏ + f1·tᵏ.
//   The knot densities are chosen to make the monotone pieces as nearly straight as their ranges
//   allow (a least-squares fit, solved by projected coordinate descent).
// - Below the first knot, a power law: F(w) = p₀·(w / w₀)^γ with γ > 1 (the density rises from 0).
// - Above the last knot, S(w) = S·exp(−α·u − β·u²) with u = ln(w / w_top): Pareto when β = 0,
//   thinner (log-normal-like) when β > 0. Its density at the knot equals the body's.
// - With a published mean, the two tails are fitted so the implied mean equals it: both tail
//   densities move along a fixed path, with β > 0 when the mean must come down. Where no curve
//   with that shape reaches the mean, the closest one is kept and `mean_reached()` says so.
// percentile_of and salary_at are exact inverses (salary_at solves the piece by Newton's method).
//
// Transforms, for curves derived from another (an experience profile, a metro): a Distribution
// carries an affine map in (z = Φ⁻¹(p), ln wage) applied to its base curve, so deriving one is
// exact and costs nothing but four numbers:
//   transformed(shift, scale): ln w' = shift + scale · ln w (at the same percentile);
//   z_mapped(centre, width):   Q'(p) = Q(Φ(centre + width · Φ⁻¹(p))).
// density() and partial_integral() (∫ Q(p) dp over a range of p: means of a part of the
// distribution, e.g. DOL's Level I = mean of the lowest third) hold for transformed curves too,
// not for z-mapped ones (they return NaN).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "salary/dataset.hpp"

namespace salary {

// Φ, the standard normal CDF, and its inverse (accurate to ~1e-15).
double normal_cdf(double z);
double normal_quantile(double p);  // 0 < p < 1

// A point of a distribution: the wage at a percentile (0 < percentile < 100).
struct Knot {
  double percentile = 0, wage = 0;
};

class Distribution {
 public:
  // Fits the model to 2–5 knots (percentiles and wages strictly increasing, wages positive) and,
  // when given, an annual mean. Errors (invalid_number) for knots that cannot form a distribution.
  static Result<Distribution> fit(const std::vector<Knot>& knots, std::optional<double> mean = std::nullopt);
  // The same from wages at kPercentiles.
  static Result<Distribution> from_points(const std::array<double, 5>& points,
                                          std::optional<double> mean = std::nullopt);

  // Percentile (0..100) of an annual salary (>= 0). 0 maps to 0; never reaches 100.
  double percentile_of(double salary) const;
  // Inverse of percentile_of for 0 < percentile < 100.
  double salary_at(double percentile) const;
  // The density at a salary: the share of workers per dollar of pay. NaN for z-mapped curves.
  double density(double salary) const;
  // ∫ Q(p) dp for 0 <= p_low < p_high <= 1 (shares, not percentiles): the mean of the part of the
  // distribution between them, times its share. NaN for z-mapped distributions.
  double partial_integral(double p_low, double p_high) const;
  // The distribution's own mean, in closed form (partial_integral(0, 1) to rounding); infinite if
  // its upper tail is too heavy. NaN for z-mapped curves and transforms with a scale other than 1
  // (there use partial_integral).
  double mean() const;

  // Wages at kPercentiles (the published points where the knots are those).
  const std::array<double, 5>& points() const { return points_; }
  // The fit's knots, and whether the mean it was given (if any) was reached within 0.01 %.
  std::vector<Knot> knots() const;
  bool mean_reached() const { return mean_reached_; }
  // The base curve's tails: F(w) = p₀·(w / w₀)^gamma below the first knot, and
  // S(w) = S·exp(−alpha·u − beta·u²), u = ln(w / w_top), above the last.
  struct Tails {
    double gamma, alpha, beta;
  };
  Tails tails() const { return {gamma_, alpha_, beta_}; }

  Distribution transformed(double log_shift, double log_scale) const;
  Distribution z_mapped(double centre, double width) const;
  // Every wage × factor; an error when the scaled curve no longer forms a distribution (an
  // extreme factor overflows, underflows or rounds neighbouring points together).
  Result<Distribution> scaled(double factor) const;

  // A piece of the density between two knots, on t = (w − w_i) / (w_{i+1} − w_i) in [0, 1]:
  // f(t) = a + b·t + c·t² + d·tᵏ + e·(1 − t)ᵏ.
  struct Piece {
    double a = 0, b = 0, c = 0, d = 0, e = 0, k = 1;
    double density(double t) const;
    double mass(double t) const;  // ∫₀ᵗ f
  };

 private:
  double base_cdf(double w) const;
  double base_quantile(double p) const;
  double base_density(double w) const;
  double piece_position(size_t piece, double p) const;  // t where piece reaches share p
  bool is_transformed() const { return log_shift_ != 0 || log_scale_ != 1; }
  bool is_z_mapped() const { return z_centre_ != 0 || z_width_ != 1; }
  double body_integral(size_t piece, double t0, double t1) const;
  double upper_integral(double p_low, double p_high) const;
  void finish();

  // Plain arrays, not std::array: the size-optimized wasm build calls std::array's operator[]
  // rather than inlining it, which costs bytes at every use.
  double w_[5]{}, p_[5]{};  // knot wages and shares (p = percentile / 100)
  Piece pieces_[4]{};
  size_t n_ = 0;                      // number of knots
  double gamma_ = 1;                  // lower tail exponent
  double alpha_ = 1, beta_ = 0;       // upper tail
  bool mean_reached_ = true;
  // The transform: ln w' = log_shift_ + log_scale_ · ln w; p_base = Φ(z_centre_ + z_width_ · Φ⁻¹(p')).
  double log_shift_ = 0, log_scale_ = 1, z_centre_ = 0, z_width_ = 1;
  std::array<double, 5> points_{};

  friend class DistributionFit;
};

// Where an area's distribution came from.
enum class DistributionMethod {
  kPublished,        // the BLS row as published
  kTopCodedEstimate, // the BLS row, with top-coded points estimated from the mean
  kAreaLevels,       // a wage area: its state's curve fitted to DOL's Level I and IV (wage_area.hpp)
  kAreaLevelsMedian, // the same, through BLS's official metro median too
  kAreaMedian,       // a wage area without DOL levels: its state's curve through BLS's metro median
  kStateFallback,    // a wage area without DOL levels or median: its state's distribution as is
};
const char* to_string(DistributionMethod method);

struct AreaDistribution {
  std::string occupation, occupation_title, area, area_name;
  AreaKind area_kind = AreaKind::kNation;
  Distribution distribution;
  std::array<bool, 5> estimated{};     // true where a point is not a published figure
  DistributionMethod method = DistributionMethod::kPublished;
  std::vector<std::string> sources;    // every source the points rest on, main one first
  std::string release;                 // the release the figures are from ("BLS OEWS May 2025")
  std::vector<std::string> notes;      // what the user should know (top code, metro scaling, vintages)
  std::optional<double> mean, employment;
  double implied_mean = 0;             // the curve's own mean (BLS's, where the fit reached it)
  // A metro or nonmetro area's prevailing wage levels (DOL, Dataset::prevailing_wages).
  struct Levels {
    WageLevels annual{};            // Level I … IV, USD a year
    std::string source, wage_year;  // "dol-oflc-2025-26", "July 2025 – June 2026"
  };
  std::optional<Levels> levels;
};

// Errors: unknown_occupation, unknown_area, no_data (no row for the pair, with the dataset's gap
// reason; a territory), range_only (world regions: only a salary range is known). Metro and
// nonmetro areas: see wage_area.hpp.
Result<AreaDistribution> area_distribution(const Dataset& data, const std::string& occupation,
                                           const std::string& area);

// Whether wages at kPercentiles are finite, strictly increasing and well inside the doubles
// (1e-290 … 1e290), as a curve to compute on must be.
bool points_in_range(const std::array<double, 5>& points);

// Checks a salary argument: finite, 0 <= value <= 1e9. `name` is used in the message.
std::optional<Error> check_salary(const char* name, double value);

}  // namespace salary
