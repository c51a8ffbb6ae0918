// The hot path, percentile_of (a lookup per keystroke and per chart point), and the normal CDF and
// quantile it rests on: a file of its own so that the wasm build can compile just this for speed
// (CMakeLists.txt). The rest of Distribution is in distribution_fit.cpp.
#include <algorithm>
#include <cmath>

#include "fast_log.hpp"
#include "salary/distribution.hpp"

namespace salary {
namespace {
// The table-driven ln, in one place: -O3 would otherwise copy its ~1 KB into every caller.
[[gnu::noinline]] double ln(double x) { return math::log(x); }
// xᵏ for 0 <= x <= 1 and k >= 1, as e^(k ln x): no pow in the wasm (see docs/performance.md).
double power(double x, double k) { return x > 0 ? std::exp(k * ln(x)) : 0; }
}  // namespace

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Acklam's rational approximation (relative error 1.15e-9), then one Halley step on erfc, which
// brings it to double precision; the round trip salary → percentile → salary depends on it.
double normal_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                             -2.759285104469687e+02, 1.383577518672690e+02,
                             -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                             -1.556989798598866e+02, 6.680131188771972e+01,
                             -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                             -2.400758277161838e+00, -2.549732539343734e+00,
                             4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                             2.445134137142996e+00, 3.754408661907416e+00};
  // The limits, exactly: salary_at() reaches them when percentile / 100 underflows to 0.
  if (p <= 0) return -HUGE_VAL;
  if (p >= 1) return HUGE_VAL;
  const double low = 0.02425;
  double x;
  if (p < low) {
    double q = std::sqrt(-2 * ln(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    // 1 − p is exact here (p > 0.5), so ln(1 − p) loses nothing to log1p, which would be one
    // more libm function in the wasm.
    double q = std::sqrt(-2 * ln(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  double e = normal_cdf(x) - p;
  double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  // Below p ≈ 1e-309 (subnormal) exp(x²/2) overflows and the step would be inf/inf = NaN: keep
  // Acklam's value there, which is still good to 1e-9.
  if (!std::isfinite(u)) return x;
  return x - u / (1 + x * u / 2);
}

double Distribution::Piece::mass(double t) const {
  double m = t * (a + t * (b / 2 + t * c / 3));
  if (d != 0) m += d * power(t, k + 1) / (k + 1);
  if (e != 0) m += e * (1 - power(1 - t, k + 1)) / (k + 1);
  return m;
}

double Distribution::base_cdf(double w) const {
  if (w < w_[0]) return p_[0] * power(w / w_[0], gamma_);
  const size_t top = n_ - 1;
  if (w >= w_[top]) {
    double u = ln(w / w_[top]);
    if (u == HUGE_VAL) return 1;  // past the doubles (a transformed curve's salary can map there)
    return 1 - (1 - p_[top]) * std::exp(-u * (alpha_ + beta_ * u));
  }
  size_t i = 0;
  while (w >= w_[i + 1]) ++i;
  double h = w_[i + 1] - w_[i];
  return p_[i] + h * pieces_[i].mass((w - w_[i]) / h);
}

double Distribution::percentile_of(double salary) const {
  if (salary <= 0) return 0;
  double w = is_transformed() ? std::exp((ln(salary) - log_shift_) / log_scale_) : salary;
  double p = base_cdf(w);
  if (is_z_mapped()) p = normal_cdf((normal_quantile(p) - z_centre_) / z_width_);
  // A steep upper tail takes the survival below 1e-16 within a few times the top knot, where
  // 100 * p rounds to 100: keep the promise of never reaching it (salary_at refuses 100).
  return std::min(100 * p, std::nextafter(100.0, 0.0));
}

}  // namespace salary
