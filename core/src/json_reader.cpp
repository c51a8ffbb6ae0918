#include "json_reader.hpp"

#include <cmath>

namespace salary::detail {

std::string child_path(const std::string& path, std::string_view key) {
  std::string out = path;
  out += '/';
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string child_path(const std::string& path, size_t index) {
  return path + "/" + std::to_string(index);
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
    return sign + m + (exponent < 0 ? "e-" : "e+") + std::to_string(std::abs(exponent));
  }
  auto whole = static_cast<long long>(a);
  auto fraction = std::llround((a - static_cast<double>(whole)) * 1e9);
  if (fraction == 1000000000) ++whole, fraction = 0;
  std::string out = sign + std::to_string(whole);
  if (fraction == 0) return out;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 9 - digits.size(), '0');
  digits.erase(digits.find_last_not_of('0') + 1);
  return out + "." + digits;
}

static const char* type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::discarded: return "invalid";
    default: return "a number";
  }
}

bool Reader::fail(const char* code, const std::string& path, const std::string& what) {
  if (!error_) error_ = Error{code, (path.empty() ? "/" : path) + ": " + what};
  return false;
}

const json* Reader::member(const json& parent, const std::string& path, std::string_view key) {
  if (!parent.is_object()) {
    fail(code::kDatasetType, path, std::string("must be an object, not ") + type_name(parent));
    return nullptr;
  }
  auto it = parent.find(key);
  return it == parent.end() ? nullptr : &*it;
}

bool Reader::object(const json& parent, const std::string& path, std::string_view key,
                    const json*& out) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m) return fail(code::kDatasetMissing, child_path(path, key), "is required");
  if (!m->is_object())
    return fail(code::kDatasetType, child_path(path, key),
                std::string("must be an object, not ") + type_name(*m));
  out = m;
  return true;
}

bool Reader::array(const json& parent, const std::string& path, std::string_view key,
                   const json*& out) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m) return fail(code::kDatasetMissing, child_path(path, key), "is required");
  if (!m->is_array())
    return fail(code::kDatasetType, child_path(path, key),
                std::string("must be an array, not ") + type_name(*m));
  out = m;
  return true;
}

bool Reader::string(const json& parent, const std::string& path, std::string_view key,
                    std::string& out) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m) return fail(code::kDatasetMissing, child_path(path, key), "is required");
  if (!m->is_string())
    return fail(code::kDatasetType, child_path(path, key),
                std::string("must be a string, not ") + type_name(*m));
  out = m->get_ref<const std::string&>();
  return true;
}

bool Reader::number_value(const json& value, const std::string& path, double& out, double min,
                          double max) {
  if (!value.is_number())
    return fail(code::kDatasetType, path, std::string("must be a number, not ") + type_name(value));
  double v = value.get<double>();
  if (!std::isfinite(v)) return fail(code::kDatasetValue, path, "must be finite");
  if (v < min) return fail(code::kDatasetValue, path, "must be >= " + format_number(min));
  if (v > max) return fail(code::kDatasetValue, path, "must be <= " + format_number(max));
  out = v;
  return true;
}

bool Reader::number(const json& parent, const std::string& path, std::string_view key, double& out,
                    double min, double max) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m) return fail(code::kDatasetMissing, child_path(path, key), "is required");
  return number_value(*m, child_path(path, key), out, min, max);
}

bool Reader::optional_string(const json& parent, const std::string& path, std::string_view key,
                             std::string& out) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m || m->is_null()) return true;
  return string(parent, path, key, out);
}

bool Reader::optional_number(const json& parent, const std::string& path, std::string_view key,
                             std::optional<double>& out, double min, double max) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m || m->is_null()) return true;
  double v = 0;
  if (!number_value(*m, child_path(path, key), v, min, max)) return false;
  out = v;
  return true;
}

bool Reader::is_object(const json& value, const std::string& path) {
  if (value.is_object()) return true;
  return fail(code::kDatasetType, path, std::string("must be an object, not ") + type_name(value));
}

}  // namespace salary::detail
