// The lookups on a distribution, percentile_of (the hot path: the chart samples it hundreds of
// times per keystroke) and salary_at, and the normal CDF and quantile they rest on. A file of its
// own so that the wasm build can compile just this for speed (CMakeLists.txt).
#include <algorithm>
#include <cmath>

#include "fast_log.hpp"
#include "salary/distribution.hpp"

namespace salary {

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
  if (p == 0) return -HUGE_VAL;
  if (p == 1) return HUGE_VAL;
  const double low = 0.02425;
  double x;
  if (p < low) {
    double q = std::sqrt(-2 * math::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    // 1 − p is exact here (p > 0.5), so ln(1 − p) loses nothing to log1p, which would be one
    // more libm function in the wasm.
    double q = std::sqrt(-2 * math::log(1 - p));
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

double Distribution::percentile_of(double salary) const {
  if (salary <= 0) return 0;
  if (salary >= wage_[4]) {
    // (salary / p90)^-α as e^(−α ln(salary / p90)): a log and an exp cost less than one pow, which
    // carries both in extra precision (Emscripten's size-optimized pow is ~4× slower than exp).
    double survival = 0.10 * std::exp(-alpha_ * math::log(salary / wage_[4]));
    // A steep tail (α = 47 for 15-2051 in Utah) takes the survival below 1e-16 within a few
    // times p90, where 100 * (1 - survival) rounds to 100: keep the promise of never reaching it
    // (salary_at refuses 100), with the largest double below it.
    return std::min(100 * (1 - survival), std::nextafter(100.0, 0.0));
  }
  double lw = math::log(salary);
  size_t i = 0;  // segment [i, i+1]; below p10 extends segment 0
  while (i < 3 && lw > log_wage_[i + 1]) ++i;
  double t = (lw - log_wage_[i]) / (log_wage_[i + 1] - log_wage_[i]);
  return 100 * normal_cdf(z_[i] + t * (z_[i + 1] - z_[i]));
}

double Distribution::salary_at(double percentile) const {
  if (percentile >= kPercentiles[4]) {
    double survival = 1 - percentile / 100;
    // (survival / 0.10)^(−1/α) as e^(−ln(survival / 0.10) / α), as in percentile_of: no pow in the wasm.
    return wage_[4] * std::exp(-math::log(survival / 0.10) / alpha_);
  }
  double z = normal_quantile(percentile / 100);
  size_t i = 0;
  while (i < 3 && percentile > kPercentiles[i + 1]) ++i;
  double t = (z - z_[i]) / (z_[i + 1] - z_[i]);
  return std::exp(log_wage_[i] + t * (log_wage_[i + 1] - log_wage_[i]));
}

}  // namespace salary
