#include "number_format.hpp"

#include <cmath>

namespace salary::detail {

std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

std::string format_integer(long long value) {
  char digits[20];
  int n = 0;
  // Digits of the magnitude, from the last; unsigned so that the most negative value works.
  unsigned long long rest = value < 0 ? 0ULL - static_cast<unsigned long long>(value) : value;
  do {
    digits[n++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  std::string out = value < 0 ? "-" : "";
  while (n > 0) out += digits[--n];
  return out;
}

// Hand-written rather than snprintf("%g"): printf's floating-point code (and the long double
// arithmetic it pulls in) would be ~10 KB of the wasm, for error messages only.
std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  std::string sign = value < 0 ? "-" : "";
  double a = std::fabs(value);
  if (a != 0 && (a >= 1e15 || a < 1e-9)) {  // scientific, 6 significant digits: 1.5e+308
    // Scaled by tens rather than through log10 and pow: those would add ~1 KB of libm to the
    // wasm for error messages only, and 10^-324 underflows to 0 where a subnormal is printed.
    int exponent = 0;
    double mantissa = a;
    while (mantissa >= 10) mantissa /= 10, ++exponent;
    while (mantissa < 1) mantissa *= 10, --exponent;
    mantissa = std::round(mantissa * 1e5) / 1e5;
    if (mantissa >= 10) mantissa /= 10, ++exponent;  // 9.999999 rounds up to 10
    std::string m = format_number(mantissa);
    return sign + m + (exponent < 0 ? "e-" : "e+") + format_integer(std::abs(exponent));
  }
  auto whole = static_cast<long long>(a);
  auto fraction = std::llround((a - static_cast<double>(whole)) * 1e9);
  if (fraction == 1000000000) ++whole, fraction = 0;
  std::string out = sign + format_integer(whole);
  if (fraction == 0) return out;
  std::string digits = format_integer(fraction);
  digits.insert(0, 9 - digits.size(), '0');
  digits.erase(digits.find_last_not_of('0') + 1);
  return out + "." + digits;
}

std::string format_money(double value) {
  std::string digits = format_number(std::round(value));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0 && digits[static_cast<size_t>(i) - 1] != '-'; i -= 3)
    digits.insert(static_cast<size_t>(i), ",");
  return "$" + digits;
}

}  // namespace salary::detail
