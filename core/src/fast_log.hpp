// ln x for the percentile lookup, by the table-driven method of P. T. P. Tang ("Table-driven
// implementation of the logarithm function in IEEE floating-point arithmetic", ACM TOMS 16(4),
// 1990), the scheme of glibc's own log. Emscripten links its size-optimized libc, whose log is
// fdlibm's (a division and a degree-14 polynomial): in wasm that log was ~40 % of a lookup.
// Natively, lookups run as fast with this as with glibc's log.
//
// x = 2^k · z with z in [0.6875, 1.375), and z = c · (1 + r), c a point of the interval of z among
// 128 (those of z's top 7 mantissa bits): ln x = k ln2 + ln c + ln(1 + r), with |r| < 2^-7.
// c is the interval's middle, or 1 for the two intervals that meet at 1, so that ln x near 1 keeps
// its relative precision. Error: under 1.1 ulp (glibc's log: 0.52), checked in
// tests/core/test_fast_log.cpp.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace salary::math {

namespace detail {

inline uint64_t bits(double x) {
  uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline double from_bits(uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

constexpr int kLogTableBits = 7;
constexpr uint64_t kLogOffset = 0x3fe6000000000000;  // 0.6875, the bottom of z's range

struct LogTable {
  double c[1 << kLogTableBits], inv_c[1 << kLogTableBits], log_c[1 << kLogTableBits];
};

// The bottom of the i-th interval of z.
inline double interval_start(uint64_t i) { return from_bits(kLogOffset + (i << (52 - kLogTableBits))); }

inline LogTable make_log_table() {
  LogTable table{};
  for (uint64_t i = 0; i < (1 << kLogTableBits); ++i) {
    double middle = from_bits(kLogOffset + (i << (52 - kLogTableBits)) + (uint64_t{1} << (51 - kLogTableBits)));
    double c = interval_start(i) == 1 || interval_start(i + 1) == 1 ? 1 : middle;
    table.c[i] = c;
    table.inv_c[i] = 1 / c;
    table.log_c[i] = std::log(c);
  }
  return table;
}

// Built from std::log when the program starts (3 KB of memory, no bytes in the module): nothing
// may call math::log from another static initializer.
inline const LogTable kLogTable = make_log_table();

}  // namespace detail

inline double log(double x) {
  using detail::kLogTable;
  // fdlibm's split of ln 2: ln2_hi has 32 trailing zero bits, so k · ln2_hi is exact.
  constexpr double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  uint64_t ix = detail::bits(x);
  // 0, subnormals, negatives, inf and NaN: std::log says what they give.
  if (ix - 0x0010000000000000 >= 0x7fe0000000000000) return std::log(x);
  uint64_t tmp = ix - detail::kLogOffset;
  size_t i = (tmp >> (52 - detail::kLogTableBits)) & ((1 << detail::kLogTableBits) - 1);
  double k = static_cast<double>(static_cast<int64_t>(tmp) >> 52);  // arithmetic shift: k may be < 0
  double z = detail::from_bits(ix - (tmp & 0xfff0000000000000));
  // z − c is exact (Sterbenz), so r is off by 2^-52 of itself at most.
  double r = (z - kLogTable.c[i]) * kLogTable.inv_c[i];
  // ln(1 + r) − r by its Taylor series to r^8: the first term left out is below 2^-56 · |r|.
  double r2 = r * r, r4 = r2 * r2;
  double p = r2 * ((-0.5 + r * (1.0 / 3)) + r2 * (-0.25 + r * 0.2) +
                   r4 * ((-1.0 / 6 + r * (1.0 / 7)) + r2 * -0.125));
  // k ln2 + ln c + r, the rounding errors of both sums kept in lo (Fast2Sum holds: |k ln2_hi| >
  // |ln c| unless k = 0, and |w| > |r| unless w = 0), before p joins.
  double k_hi = k * ln2_hi, w = k_hi + kLogTable.log_c[i], hi = w + r;
  double lo = ((k_hi - w) + kLogTable.log_c[i]) + ((w - hi) + r) + k * ln2_lo;
  return hi + (lo + p);
}

}  // namespace salary::math
