// Checked access to a parsed JSON document for the dataset loaders. Every accessor checks presence
// and type before reading (nlohmann's get<> would abort in a -fno-exceptions build) and, on the
// first failure, records an Error whose message starts with the JSON Pointer of the value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "number_format.hpp"
#include "salary/result.hpp"

namespace salary::detail {

// ordered_json keeps the document's key order, which listings (menus) follow.
using json = nlohmann::ordered_json;

// "/a/b" + "c/d" → "/a/b/c~1d" (RFC 6901 escaping).
std::string child_path(const std::string& path, std::string_view key);
std::string child_path(const std::string& path, size_t index);

class Reader {
 public:
  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }

  // Records an error (only the first one is kept) and returns false, so `return r.fail(...)`.
  bool fail(const char* code, const std::string& path, const std::string& what);

  // Required members. Return false (error recorded) if absent or of the wrong type.
  bool object(const json& parent, const std::string& path, std::string_view key, const json*& out);
  bool array(const json& parent, const std::string& path, std::string_view key, const json*& out);
  bool string(const json& parent, const std::string& path, std::string_view key, std::string& out);
  // A finite number with min <= value <= max.
  bool number(const json& parent, const std::string& path, std::string_view key, double& out,
              double min, double max);

  // Optional members: absent or null leaves `out` untouched and returns true.
  bool optional_string(const json& parent, const std::string& path, std::string_view key,
                       std::string& out);
  bool optional_number(const json& parent, const std::string& path, std::string_view key,
                       std::optional<double>& out, double min, double max);

  // The value itself (not a member) as a number, e.g. an array element.
  bool number_value(const json& value, const std::string& path, double& out, double min, double max);
  bool is_object(const json& value, const std::string& path);

  // A source id that must name an entry of the dataset's sources (checked by the caller's set).
  template <typename SourceMap>
  bool source_ref(const json& parent, const std::string& path, const SourceMap& sources,
                  std::string& out) {
    if (!string(parent, path, "source", out)) return false;
    if (sources.count(out) == 0)
      return fail(code::kDatasetReference, child_path(path, "source"),
                  "unknown source id \"" + out + "\" (not in /sources)");
    return true;
  }

 private:
  const json* member(const json& parent, const std::string& path, std::string_view key);
  std::optional<Error> error_;
};

}  // namespace salary::detail
