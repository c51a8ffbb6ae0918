// Invariants shared by the fuzz targets. Each check traps (__builtin_trap) on violation, so
// libFuzzer reports it as a crash and saves the input. They hold for any dataset load_dataset()
// accepts; checks that only hold for the shipped dataset live in fuzz_calculations.cpp.
#pragma once

#include <cstddef>
#include <cstdint>

#include <algorithm>
#include <cmath>
#include <string>

#include "salary/cost_of_living.hpp"
#include "salary/distribution.hpp"
#include "salary/estimate.hpp"
#include "salary/pay.hpp"
#include "salary/take_home.hpp"

namespace fuzz {

// Reads from the front of a fuzz input; an exhausted input reads as zeros, so every input is a
// complete program of calls or edits.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : p_(data), n_(size) {}
  bool empty() const { return n_ == 0; }
  uint8_t u8() {
    if (n_ == 0) return 0;
    --n_;
    return *p_++;
  }
  uint64_t bits(int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = v << 8 | u8();
    return v;
  }

 private:
  const uint8_t* p_;
  size_t n_;
};

inline void require(bool condition) {
  if (!condition) __builtin_trap();
}

inline bool finite(double v) { return std::isfinite(v); }

// A distribution's points are what from_points promises: finite, positive, strictly increasing.
inline void check_points(const salary::Distribution& d) {
  const auto& p = d.points();
  for (size_t i = 0; i < p.size(); ++i) {
    require(finite(p[i]) && p[i] > 0);
    if (i > 0) require(p[i] > p[i - 1]);
  }
  auto t = d.tails();  // F = p₀(w/w₀)^γ below, S·exp(−αu − βu²) above: γ, α > 0, β >= 0
  require(finite(t.gamma) && t.gamma > 0 && finite(t.alpha) && t.alpha > 0 && finite(t.beta) && t.beta >= 0);
}

// percentile_of over the salaries the API accepts (check_salary: 0 … 1e9): in [0, 100], never
// NaN, non-decreasing; salary_at over (0, 100): never NaN, never negative, non-decreasing.
inline void check_distribution(const salary::Distribution& d, double a, double b) {
  check_points(d);
  if (!salary::check_salary("salary", a) && !salary::check_salary("salary", b)) {
    double pa = d.percentile_of(a), pb = d.percentile_of(b);
    require(pa >= 0 && pa <= 100 && pb >= 0 && pb <= 100);
    // Non-decreasing, up to rounding where two segments of the curve meet.
    if (a <= b) require(pa <= pb + 1e-9);
    if (a == 0) require(pa == 0);
  }
  for (double p : {1e-300, 0.001, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.999}) {
    double s = d.salary_at(p);
    require(!std::isnan(s) && s >= 0);
  }
  for (double x : d.points()) {  // the published points come back (0 < p < 100 on the way)
    double p = d.percentile_of(x);
    require(p > 0 && p < 100);
  }
}

inline void check_area_distribution(const salary::AreaDistribution& a) {
  check_distribution(a.distribution, 0, a.distribution.points()[2]);
  require(!a.sources.empty());
  if (a.mean) require(finite(*a.mean));
}

inline void check_estimate(const salary::Estimate& e) {
  check_area_distribution(*e.base);
  check_points(e.profile);
  require(finite(e.low) && finite(e.typical) && finite(e.high));
  require(e.low > 0 && e.low < e.typical && e.typical < e.high);
  require(e.profile.points()[1] == e.low && e.profile.points()[2] == e.typical &&
          e.profile.points()[3] == e.high);
  require(e.band_low > 0 && e.band_low < e.band_high && e.band_high < 100);
  require(finite(e.multiplier_low) && finite(e.multiplier_typical) && finite(e.multiplier_high));
  require(e.multiplier_low > 0 && e.multiplier_low <= e.multiplier_typical &&
          e.multiplier_typical <= e.multiplier_high);
  for (const auto& f : e.factors) require(finite(f.low) && finite(f.typical) && finite(f.high));
}

inline void check_take_home(const salary::TakeHome& t, const salary::TakeHomeInput& in) {
  for (double v : {t.gross, t.pretax_retirement, t.hsa, t.fsa, t.federal_taxable_income, t.state_taxable_income,
                   t.federal_income_tax, t.social_security, t.medicare, t.additional_medicare,
                   t.state_income_tax, t.state_payroll_tax, t.local_income_tax, t.total_tax, t.net,
                   t.effective_rate, t.federal_marginal_rate, t.state_marginal_rate})
    require(finite(v));
  require(t.gross == in.salary && t.pretax_retirement == in.pretax_retirement && t.hsa == in.hsa && t.fsa == in.fsa);
  for (double v : {t.federal_taxable_income, t.state_taxable_income, t.federal_income_tax,
                   t.social_security, t.medicare, t.additional_medicare, t.state_income_tax,
                   t.state_payroll_tax, t.local_income_tax, t.total_tax, t.effective_rate,
                   t.federal_marginal_rate, t.state_marginal_rate})
    require(v >= 0);
  require(t.net <= t.gross);
  require(t.federal_taxable_income <= t.gross);
  // The lines are the taxes, then the contributions: each total is the sum of its lines.
  double taxes = 0, payroll = 0, local = 0;
  for (const auto& line : t.lines) {
    require(finite(line.amount) && line.amount >= 0);
    if (line.kind != "pretax") taxes += line.amount;
    if (line.kind == "state_payroll") payroll += line.amount;
    if (line.kind == "local") local += line.amount;
  }
  const double tolerance = 1e-9 * std::max(1.0, t.gross);
  require(std::abs(taxes - t.total_tax) <= tolerance && std::abs(payroll - t.state_payroll_tax) <= tolerance &&
          std::abs(local - t.local_income_tax) <= tolerance);
  require(t.locality.empty() == in.locality.empty());
  for (const auto& d : t.details) require(finite(d.amount) && !d.tax.empty());
  require(!t.lines.empty() && !t.notes.empty());
}

inline void check_cost_of_living(const salary::CostOfLiving& c) {
  require(finite(c.ratio) && c.ratio > 0 && finite(c.equivalent) && c.equivalent >= 0);
  require(c.from.rpp > 0 && c.to.rpp > 0);
}

}  // namespace fuzz
