// Errors as data: every fallible core function returns Result<T>, never throws and never aborts,
// so the same code runs in a -fno-exceptions wasm build and the JS layer can turn an Error into a
// typed SalaryError with a stable code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace salary {

// Stable error codes. They cross into JavaScript as strings; never rename one.
namespace code {
inline constexpr const char* kDatasetSyntax = "dataset_syntax";        // not JSON at all
inline constexpr const char* kDatasetType = "dataset_type";            // wrong JSON type
inline constexpr const char* kDatasetMissing = "dataset_missing";      // required field absent
inline constexpr const char* kDatasetValue = "dataset_value";          // out of range / not allowed
inline constexpr const char* kDatasetOrder = "dataset_order";          // percentiles, brackets not increasing
inline constexpr const char* kDatasetReference = "dataset_reference";  // unknown source id / area code
inline constexpr const char* kDatasetDuplicate = "dataset_duplicate";  // the same key twice
inline constexpr const char* kInvalidNumber = "invalid_number";        // NaN, infinite, out of range
inline constexpr const char* kInvalidArgument = "invalid_argument";    // wrong type or unknown enum value
inline constexpr const char* kUnknownOccupation = "unknown_occupation";
inline constexpr const char* kUnknownArea = "unknown_area";
inline constexpr const char* kUnknownFactor = "unknown_factor";
inline constexpr const char* kUnknownYear = "unknown_year";
inline constexpr const char* kNoData = "no_data";        // the pair exists but no figure was published
inline constexpr const char* kRangeOnly = "range_only";  // only a range is known (world regions)
inline constexpr const char* kOverLimit = "over_limit";  // a contribution above its legal limit
inline constexpr const char* kUnknownLocality = "unknown_locality";
}  // namespace code

struct Error {
  std::string code;     // one of salary::code
  std::string message;  // says what was wrong and, for a dataset, where (JSON Pointer first)
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

inline Error make_error(const char* c, std::string message) { return Error{c, std::move(message)}; }

}  // namespace salary
