// Fitting a Distribution to its knots and mean (the model is described in distribution.hpp and
// docs/model.md), salary_at and density, partial integrals, and the transforms that derive one
// curve from another. Built for size; the hot path, percentile_of, is in distribution_lookup.cpp.
#include <algorithm>
#include <cmath>

#include "salary/distribution.hpp"

namespace salary {
namespace {

// Gauss–Legendre, 16 nodes on [−1, 1] (the positive half; the rule is symmetric).
constexpr double kNodes[] = {0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
                             0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499};
constexpr double kWeights[] = {0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
                               0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541};

// e^(x²)·erfc(x) for x > 0, without overflow: directly below 20, by its asymptotic series above.
double erfcx(double x) {
  if (x < 20) return std::exp(x * x) * std::erfc(x);
  double r = 1 / (2 * x * x);
  return (1 - r * (1 - 3 * r * (1 - 5 * r))) / (x * std::sqrt(M_PI));
}

// T(u) = ∫ᵤ^∞ e^(−cv − βv²) dv for c > 0, β >= 0: e^(−cu − βu²)·√π/(2√β)·erfcx(√β·u + c/(2√β)).
double tail_integral(double c, double beta, double u) {
  if (beta <= 0) return std::exp(-c * u) / c;
  double root = std::sqrt(beta);
  return std::exp(-u * (c + beta * u)) * std::sqrt(M_PI) / (2 * root) * erfcx(root * u + c / (2 * root));
}

// A piece whose density runs from f0 to f1 with average `mean` (see distribution.hpp).
Distribution::Piece make_piece(double f0, double f1, double mean) {
  Distribution::Piece p;
  // Where the mean sits between the ends: below and above it, as two distances (their ratio is
  // k; 1 − share would lose it to rounding when the mean is very close to an end).
  const double below = mean - f0, above = f1 - mean;
  if (mean <= std::min(f0, f1) && mean > 0) {  // a dip
    p.d = f1, p.e = f0, p.k = (f0 + f1) / mean - 1;
  } else if (below * above > 0) {  // monotone: share = below / (below + above)
    if (std::fabs(below) <= std::fabs(above)) p.a = f0, p.d = f1 - f0, p.k = above / below;
    else p.a = f1, p.e = f0 - f1, p.k = below / above;
  } else {
    // A bump, f0·(1 − t) + f1·t + 6c·t(1 − t); also where the ends are too close (or too small,
    // subnormal) to tell the mean's place between them: the parabola holds the mass all the same.
    double c = mean - (f0 + f1) / 2;
    p.a = f0, p.b = f1 - f0 + 6 * c, p.c = -6 * c;
  }
  return p;
}

// xᵏ for 0 <= x <= 1 and k >= 1, as e^(k ln x): no pow in the wasm (see docs/performance.md).
double power(double x, double k) { return x > 0 ? std::exp(k * std::log(x)) : 0; }

}  // namespace

// The power terms only where their coefficient is not 0 (one of them at most, but in a dip).
double Distribution::Piece::density(double t) const {
  double f = a + t * (b + t * c);
  if (d != 0) f += d * power(t, k);
  if (e != 0) f += e * power(1 - t, k);
  return f;
}

double Distribution::base_density(double w) const {
  if (w < w_[0]) return p_[0] * gamma_ / w_[0] * power(w / w_[0], gamma_ - 1);
  const size_t top = n_ - 1;
  if (w >= w_[top]) {
    double u = std::log(w / w_[top]);
    if (u == HUGE_VAL) return 0;
    return (1 - p_[top]) * std::exp(-u * (alpha_ + beta_ * u)) * (alpha_ + 2 * beta_ * u) / w;
  }
  size_t i = 0;
  while (w >= w_[i + 1]) ++i;
  return pieces_[i].density((w - w_[i]) / (w_[i + 1] - w_[i]));
}

double Distribution::piece_position(size_t i, double p) const {
  // The t in [0, 1] where piece i has accumulated p − p_i: Newton's method on its mass, kept
  // inside a bracket that halves whenever a step would leave it.
  const Piece& piece = pieces_[i];
  const double h = w_[i + 1] - w_[i], target = (p - p_[i]) / h, total = piece.mass(1);
  if (target <= 0) return 0;
  if (target >= total) return 1;
  double low = 0, high = 1, t = target / total;
  for (int step = 0; step < 60; ++step) {
    double miss = piece.mass(t) - target;
    // Close enough, in share (1e-14 of the piece's) or in place: rounding noise would otherwise
    // keep the steps going.
    if (std::fabs(miss) <= 1e-14 * total || high - low <= 1e-13) return t;
    (miss > 0 ? high : low) = t;
    double next = t - miss / piece.density(t);
    if (!(next > low && next < high)) next = (low + high) / 2;
    // 1e-13 of the interval is a millionth of a cent: far below what a round trip needs.
    if (std::fabs(next - t) <= 1e-13) return next;
    t = next;
  }
  return t;
}

double Distribution::base_quantile(double p) const {
  if (p < p_[0]) return p <= 0 ? 0 : w_[0] * std::exp(std::log(p / p_[0]) / gamma_);
  const size_t top = n_ - 1;
  if (p >= p_[top]) {
    // Solve S·e^(−u(α + βu)) = 1 − p for u >= 0: βu² + αu − L = 0, L = ln(S / (1 − p)), in the
    // form that does not divide by β.
    double l = std::log((1 - p_[top]) / (1 - p));
    return w_[top] * std::exp(2 * l / (alpha_ + std::sqrt(alpha_ * alpha_ + 4 * beta_ * l)));
  }
  size_t i = 0;
  while (p >= p_[i + 1]) ++i;
  return w_[i] + (w_[i + 1] - w_[i]) * piece_position(i, p);
}

double Distribution::salary_at(double percentile) const {
  double p = percentile / 100;
  if (is_z_mapped()) p = normal_cdf(z_centre_ + z_width_ * normal_quantile(p));
  double w = base_quantile(p);
  return is_transformed() ? std::exp(log_shift_ + log_scale_ * std::log(w)) : w;
}

double Distribution::density(double salary) const {
  if (salary <= 0) return 0;
  double w = is_transformed() ? std::exp((std::log(salary) - log_shift_) / log_scale_) : salary;
  double f = base_density(w);
  if (is_transformed()) f *= w / (log_scale_ * salary);  // dw / dw'
  return is_z_mapped() ? std::nan("") : f;
}


// A candidate curve: the knots' densities and the upper tail's curvature β.
struct Candidate {
  double f[5]{};
  double beta = 0;
};

// The fit, as a class so that it may set the Distribution's private fields.
class DistributionFit {
 public:
  static Result<Distribution> run(const std::vector<Knot>& knots, std::optional<double> mean);

 private:
  Distribution curve(const Candidate& c) const;
  double mean(const Candidate& c) const { return curve(c).mean(); }
  bool move(Candidate& c, bool tails, bool lower, double target) const;

  Distribution shape_;  // the knots
  double a_[5]{}, low_[5]{}, high_[5]{};  // average densities; each knot density's range
  size_t top_ = 0;
};

Distribution DistributionFit::curve(const Candidate& c) const {
  Distribution d = shape_;
  for (size_t i = 0; i < top_; ++i) d.pieces_[i] = make_piece(c.f[i], c.f[i + 1], a_[i + 1]);
  d.gamma_ = c.f[0] / a_[0];
  d.alpha_ = c.f[top_] * d.w_[top_] / (1 - d.p_[top_]);
  d.beta_ = c.beta;
  return d;
}

// Moves the two tails' densities (or the inner knots') from `c` toward the ends of their ranges
// that lower the mean (or raise it), by the share of the way that meets `target`, found by
// bisection. Moving the tails toward a lower mean also thins the upper tail: β up to 95 % of
// α(α + 1)/2, past which its density would rise at the knot. Returns true when even the whole
// way falls short; `c` is then at the end.
bool DistributionFit::move(Candidate& c, bool tails, bool lower, double target) const {
  const Candidate from = c;
  const double m = mean(from);
  double ends[5]{};
  for (size_t i = 0; i <= top_; ++i) {
    Candidate nudged = from;
    nudged.f[i] += (high_[i] - low_[i]) * 1e-4;
    ends[i] = (mean(nudged) < m) == lower ? high_[i] : low_[i];
  }
  auto at = [&](double share) {
    Candidate g = from;
    for (size_t i = 0; i <= top_; ++i)
      if ((i == 0 || i == top_) == tails) g.f[i] += share * (ends[i] - from.f[i]);
    if (tails && lower) {
      double alpha = g.f[top_] * shape_.w_[top_] / (1 - shape_.p_[top_]);
      g.beta = share * 0.95 * alpha * (alpha + 1) / 2;
    }
    return g;
  };
  double near = 0, far = 1;  // shares of the way: short of the target at `near`, past it at `far`
  bool short_of = (mean(at(1)) > target) == lower;
  if (short_of) near = 1;
  for (int step = 0; step < 60 && !short_of; ++step) {
    double share = (near + far) / 2;
    ((mean(at(share)) > target) == lower ? near : far) = share;
  }
  c = at(short_of ? 1 : far);
  return short_of;
}

Result<Distribution> DistributionFit::run(const std::vector<Knot>& knots, std::optional<double> mean) {
  const size_t n = knots.size();
  if (n < 2 || n > 5) return make_error(code::kInvalidNumber, "a distribution needs 2 to 5 points");
  DistributionFit fit;
  Distribution& shape = fit.shape_;
  shape.n_ = n;
  for (size_t i = 0; i < n; ++i) {
    const Knot& k = knots[i];
    // Points a few ulps apart would leave an interval too narrow to hold its share of workers.
    if (!(k.wage >= 1e-290 && k.wage <= 1e290 && k.percentile > 0 && k.percentile < 100) ||
        (i > 0 && !(k.wage - knots[i - 1].wage >= k.wage * 1e-9 && k.percentile > knots[i - 1].percentile)))
      return make_error(code::kInvalidNumber, "percentile points must be increasing wages from 1e-290 to 1e290, "
                                              "at least a billionth apart");
    shape.w_[i] = k.wage;
    shape.p_[i] = k.percentile / 100;
  }

  // a[0]: the lower tail's average density; a[i]: the interval ending at knot i.
  double* a = fit.a_;
  double *low = fit.low_, *high = fit.high_;
  double rule[5]{};
  const double* w = shape.w_;
  const double* p = shape.p_;
  const size_t top = fit.top_ = n - 1;
  const double survival = 1 - p[top];
  a[0] = p[0] / w[0];
  for (size_t i = 1; i < n; ++i) a[i] = (p[i] - p[i - 1]) / (w[i] - w[i - 1]);
  // Each knot's density lies between the averages beside it (the tail's beyond the last knot
  // counts as 0), which gives the curve exactly the peaks the averages force. The rule a knot
  // starts from: the midpoint of that range; for the end knots, the power law through the two
  // outermost points (γ = ln(p₁/p₀) / ln(w₁/w₀), α likewise from the survivals).
  for (size_t i = 1; i < top; ++i) {
    low[i] = std::min(a[i], a[i + 1]), high[i] = std::max(a[i], a[i + 1]);
    rule[i] = (a[i] + a[i + 1]) / 2;
  }
  low[0] = a[0], high[0] = a[1] > a[0] ? a[1] : 3 * a[0];
  rule[0] = a[0] * std::log(p[1] / p[0]) / std::log(w[1] / w[0]);
  low[top] = survival / w[top], high[top] = a[top];
  rule[top] = low[top] * std::log((1 - p[top - 1]) / survival) / std::log(w[top] / w[top - 1]);
  // 5 % of each range is kept clear of its ends, so that no piece degenerates into a step; the
  // tails' far ends are bounded by their exponents instead (γ >= 1.1, α >= 1.25: a finite mean).
  for (size_t i = 0; i < n; ++i) {
    double margin = (high[i] - low[i]) / 20;
    low[i] += margin, high[i] -= margin;
  }
  low[0] = std::min(low[0], 1.1 * a[0]);
  low[top] = std::min(low[top], 1.25 * survival / w[top]);
  // A monotone piece is straight when its end densities average to its own: the knots are the
  // least-squares fit to that for every monotone piece (and to the rule at the two ends), within
  // their ranges. Thirty sweeps of projected coordinate descent settle it to far below a cent.
  bool monotone[4]{};
  for (size_t i = 0; i < top; ++i) monotone[i] = (a[i + 1] - a[i]) * ((i + 2 < n ? a[i + 2] : 0) - a[i + 1]) > 0;
  Candidate c;
  double* f = c.f;
  for (int sweep = 0; sweep <= 30; ++sweep) {
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      int terms = 0;
      if (sweep > 0 && i > 0 && monotone[i - 1]) sum += 2 * a[i] - f[i - 1], ++terms;
      if (sweep > 0 && i < top && monotone[i]) sum += 2 * a[i + 1] - f[i + 1], ++terms;
      if (sweep == 0 || i == 0 || i == top) sum += rule[i], ++terms;
      if (terms) f[i] = std::min(std::max(sum / terms, low[i]), high[i]);
    }
  }
  // With a mean: the tails move first; only where they cannot reach it alone do the inner knots.
  bool reached = true;
  if (mean && std::isfinite(*mean) && *mean > 0) {
    const bool lower = fit.mean(c) > *mean;
    if (fit.move(c, true, lower, *mean)) fit.move(c, false, lower, *mean);
    reached = std::fabs(fit.mean(c) / *mean - 1) <= 1e-4;
  }
  Distribution best = fit.curve(c);
  best.mean_reached_ = reached;
  // Points at the ends of the double range (a gap of 1e300, a wage of 1e-300) can leave a density
  // or a tail exponent that is 0, infinite or NaN: not a distribution to compute on.
  bool finite = best.gamma_ > 0 && best.gamma_ < HUGE_VAL && best.alpha_ > 0 && best.alpha_ < HUGE_VAL &&
                best.beta_ >= 0 && best.beta_ < HUGE_VAL;
  for (size_t i = 0; i < n; ++i) finite = finite && c.f[i] > 0 && c.f[i] < HUGE_VAL;
  for (size_t i = 0; i < top; ++i) {
    const Distribution::Piece& p = best.pieces_[i];
    for (double v : {p.a, p.b, p.c, p.d, p.e, p.k}) finite = finite && std::fabs(v) < HUGE_VAL;
  }
  if (!finite)
    return make_error(code::kInvalidNumber, "percentile points are too extreme to form a distribution");
  best.finish();
  return best;
}

Result<Distribution> Distribution::fit(const std::vector<Knot>& knots, std::optional<double> mean) {
  return DistributionFit::run(knots, mean);
}

Result<Distribution> Distribution::from_points(const std::array<double, 5>& points, std::optional<double> mean) {
  std::vector<Knot> knots(points.size());  // sized once: no code to regrow a vector in the wasm
  for (size_t i = 0; i < points.size(); ++i) knots[i] = {kPercentiles[i], points[i]};
  return fit(knots, mean);
}

void Distribution::finish() {
  // Φ⁻¹ at kPercentiles, for z-mapped curves: constants rather than five normal_quantile calls in
  // every estimate.
  constexpr double kZ[] = {-1.2815515655446004, -0.6744897501960817, 0, 0.6744897501960817, 1.2815515655446004};
  for (size_t i = 0; i < points_.size(); ++i) {
    double p = is_z_mapped() ? normal_cdf(z_centre_ + z_width_ * kZ[i]) : kPercentiles[i] / 100;
    points_[i] = base_quantile(p);
    if (is_transformed()) points_[i] = std::exp(log_shift_ + log_scale_ * std::log(points_[i]));
    if (is_transformed() || is_z_mapped()) continue;
    for (size_t j = 0; j < n_; ++j)  // a knot's own wage, not a round trip through the curve
      if (p_[j] == kPercentiles[i] / 100) points_[i] = w_[j];
  }
}

std::vector<Knot> Distribution::knots() const {
  std::vector<Knot> out(n_);
  for (size_t i = 0; i < n_; ++i) out[i] = {p_[i] * 100, w_[i]};
  return out;
}

Distribution Distribution::transformed(double log_shift, double log_scale) const {
  Distribution d = *this;
  if (log_shift == 0 && log_scale == 1) return d;  // the identity, to the last bit
  d.log_shift_ = log_shift + log_scale * log_shift_;
  d.log_scale_ = log_scale * log_scale_;
  // The same percentiles, each wage mapped: no need to go through the curve again.
  for (double& w : d.points_) w = std::exp(log_shift + log_scale * std::log(w));
  return d;
}

Distribution Distribution::z_mapped(double centre, double width) const {
  Distribution d = *this;
  d.z_centre_ = z_centre_ + z_width_ * centre;
  d.z_width_ = z_width_ * width;
  d.finish();
  return d;
}

// Points well inside the doubles: a curve scaled to the subnormals (or near the overflow) could
// no longer tell its points and percentiles apart.
bool points_in_range(const std::array<double, 5>& points) {
  for (size_t i = 0; i < points.size(); ++i)
    if (!(points[i] >= 1e-290 && points[i] <= 1e290) || (i > 0 && points[i] <= points[i - 1])) return false;
  return true;
}

Result<Distribution> Distribution::scaled(double factor) const {
  Distribution d = transformed(std::log(factor), 1);
  if (!points_in_range(d.points_))
    return make_error(code::kInvalidNumber, "percentile points are out of range after scaling");
  return d;
}

// ∫ e^shift · w(t)^scale · f(t) · h dt over [t0, t1] of piece i.
double Distribution::body_integral(size_t i, double t0, double t1) const {
  const double h = w_[i + 1] - w_[i], mid = (t0 + t1) / 2, half = (t1 - t0) / 2;
  double sum = 0;
  for (size_t j = 0; j < 8; ++j) {
    for (double t : {mid - half * kNodes[j], mid + half * kNodes[j]}) {
      double w = w_[i] + h * t;
      if (is_transformed()) w = std::exp(log_shift_ + log_scale_ * std::log(w));
      sum += kWeights[j] * w * pieces_[i].density(t);
    }
  }
  return sum * half * h;
}

// The upper tail's part of ∫ Q(p) dp over [p0, p1], p_top <= p0 < p1 <= 1, in closed form. With
// u' = scale·u the transformed tail is the same family (α/scale, β/scale²), and by parts
// ∫ w dF = Q(p0)(1 − p0) − Q(p1)(1 − p1) + w_top·S·(T(u0) − T(u1)), T = tail_integral.
double Distribution::upper_integral(double p0, double p1) const {
  const size_t top = n_ - 1;
  const double survival = 1 - p_[top];
  const double alpha = alpha_ / log_scale_, beta = beta_ / (log_scale_ * log_scale_), c = alpha - 1;
  const double w_top = std::exp(log_shift_ + log_scale_ * std::log(w_[top]));
  auto u_at = [&](double p) {
    double l = std::log(survival / (1 - p));
    return 2 * l / (alpha + std::sqrt(alpha * alpha + 4 * beta * l));
  };
  if (p1 >= 1 && c <= 0) return HUGE_VAL;
  double u0 = u_at(p0);
  double sum = w_top * std::exp(u0) * (1 - p0) + w_top * survival * tail_integral(c, beta, u0);
  if (p1 < 1) {
    double u1 = u_at(p1);
    sum -= w_top * std::exp(u1) * (1 - p1) + w_top * survival * tail_integral(c, beta, u1);
  }
  return sum;
}

double Distribution::mean() const {
  if (is_z_mapped() || log_scale_ != 1) return std::nan("");
  const size_t top = n_ - 1;
  // Lower tail: p₀ w₀ γ / (γ + 1). Each piece: h (w_i ∫f + h ∫t·f). The upper tail, by parts:
  // S w_top (1 + ∫₀^∞ e^(−(α − 1)u − βu²) du).
  double sum = p_[0] * w_[0] * gamma_ / (gamma_ + 1);
  for (size_t i = 0; i < top; ++i) {
    const Piece& c = pieces_[i];
    double h = w_[i + 1] - w_[i];
    double m0 = c.a + c.b / 2 + c.c / 3 + (c.d + c.e) / (c.k + 1);
    double m1 = c.a / 2 + c.b / 3 + c.c / 4 + c.d / (c.k + 2) + c.e / ((c.k + 1) * (c.k + 2));
    sum += h * (w_[i] * m0 + h * m1);
  }
  if (alpha_ <= 1) return HUGE_VAL;
  sum += (1 - p_[top]) * w_[top] * (1 + tail_integral(alpha_ - 1, beta_, 0));
  return std::exp(log_shift_) * sum;
}

double Distribution::partial_integral(double p_low, double p_high) const {
  if (is_z_mapped() || !(p_low < p_high)) return std::nan("");
  p_low = std::max(p_low, 0.0), p_high = std::min(p_high, 1.0);
  double sum = 0;
  // Lower tail: Q(p) = e^shift · (w₀ (p/p₀)^(1/γ))^scale, so ∫ = e^shift w₀^scale p₀ x^(e+1)/(e+1), e = scale/γ.
  if (p_low < p_[0]) {
    double e = log_scale_ / gamma_, x0 = p_low / p_[0], x1 = std::min(p_high, p_[0]) / p_[0];
    sum += std::exp(log_shift_ + log_scale_ * std::log(w_[0])) * p_[0] * (power(x1, e + 1) - power(x0, e + 1)) / (e + 1);
  }
  for (size_t i = 0; i + 1 < n_; ++i) {
    double from = std::max(p_low, p_[i]), to = std::min(p_high, p_[i + 1]);
    if (from >= to) continue;
    sum += body_integral(i, from > p_[i] ? piece_position(i, from) : 0, to < p_[i + 1] ? piece_position(i, to) : 1);
  }
  if (p_high > p_[n_ - 1]) sum += upper_integral(std::max(p_low, p_[n_ - 1]), p_high);
  return sum;
}

}  // namespace salary
