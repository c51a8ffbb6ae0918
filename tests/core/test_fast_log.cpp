// math::log (core/src/fast_log.hpp), the lookup's own ln, against the C library's over the whole
// range of doubles: within 2 ulp everywhere (each is within about an ulp of the true value), and
// exactly the library's answer for the inputs it hands over (0, subnormals, negatives, inf, NaN).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "fast_log.hpp"

namespace {

// Distance in representable doubles between two finite doubles of the same sign.
uint64_t ulps(double a, double b) {
  int64_t ia, ib;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  return static_cast<uint64_t>(ia > ib ? ia - ib : ib - ia);
}

void check_close(double x) {
  CAPTURE(x);
  double ours = salary::math::log(x), library = std::log(x);
  if (library == 0) {
    CHECK(ours == 0);
    return;
  }
  REQUIRE(std::signbit(ours) == std::signbit(library));
  CHECK(ulps(ours, library) <= 2);
}

}  // namespace

TEST_CASE("math::log agrees with std::log within 2 ulp over the normal range") {
  std::mt19937_64 random(20240615);
  std::uniform_real_distribution<double> exponent(-1022, 1024), unit(0, 1);
  for (int n = 0; n < 200000; ++n) {
    check_close(std::exp2(exponent(random)));        // every binade
    check_close(1e3 + unit(random) * 1e7);           // salaries
    check_close(0.9 + unit(random) * 0.3);           // around 1, across the table's middle
  }
  constexpr double kMin = std::numeric_limits<double>::min(), kMax = std::numeric_limits<double>::max();
  for (double x : {kMin, std::nextafter(kMin, 1.0), kMax, std::nextafter(kMax, 0.0), 0.5, 2.0, 1024.0, 0.6875,
                   1.375, std::nextafter(0.6875, 0.0), std::nextafter(1.375, 0.0), 40000.0, 211450.0})
    check_close(x);
}

TEST_CASE("math::log keeps its relative precision next to 1 and at the table's interval edges") {
  CHECK(salary::math::log(1.0) == 0);
  for (int k = 1; k <= 52; ++k) {
    check_close(1 + std::ldexp(1.0, -k));
    check_close(1 - std::ldexp(1.0, -k - 1));
  }
  // The 128 intervals of [0.6875, 1.375): 2^-8 wide below 1, 2^-7 above; each edge and its
  // neighbours, in several binades.
  for (double edge = 0.6875; edge < 1.375; edge += edge < 1 ? 0x1p-8 : 0x1p-7)
    for (double x : {edge, std::nextafter(edge, 0.0), std::nextafter(edge, 2.0)})
      for (int k : {-1000, -1, 0, 1, 17, 1000}) check_close(std::ldexp(x, k));
}

TEST_CASE("math::log hands 0, subnormals, negatives, inf and NaN to std::log") {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  CHECK(salary::math::log(0.0) == -kInf);
  CHECK(salary::math::log(-0.0) == -kInf);
  CHECK(salary::math::log(kInf) == kInf);
  CHECK(std::isnan(salary::math::log(-kInf)));
  CHECK(std::isnan(salary::math::log(-1.0)));
  CHECK(std::isnan(salary::math::log(std::numeric_limits<double>::quiet_NaN())));
  for (double x : {std::numeric_limits<double>::denorm_min(), 1e-320, 1e-310, std::nextafter(2.2250738585072014e-308, 0.0)})
    CHECK(salary::math::log(x) == std::log(x));
}
