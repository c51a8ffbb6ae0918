// Checked access to a parsed JSON document for the dataset loaders. Every accessor checks presence
// and type before reading (nlohmann's get<> would abort in a -fno-exceptions build) and, on the
// first failure, records an Error whose message starts with the JSON Pointer of the value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "dataset_limits.hpp"
#include "number_format.hpp"
#include "salary/result.hpp"

namespace salary::detail {

// Objects are std::maps: every member lookup is a sorted search, so loading takes time linear in
// the entries (ordered_json's objects are vectors searched from the front: quadratic). The key
// order the menus follow is recorded by parse_document() (json_parse.hpp).
using json = nlohmann::json;

// "/a/b" + "c/d" → "/a/b/c~1d" (RFC 6901 escaping).
std::string child_path(const std::string& path, std::string_view key);
std::string child_path(const std::string& path, size_t index);

// The characters (code points) of UTF-8 text the parser has checked, for the length limits.
size_t utf8_characters(std::string_view text);

class Reader {
 public:
  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }

  // Records an error (only the first one is kept) and returns false, so `return r.fail(...)`.
  bool fail(const char* code, const std::string& path, const std::string& what);

  // Required members. Return false (error recorded) if absent or of the wrong type.
  bool object(const json& parent, const std::string& path, std::string_view key, const json*& out);
  bool array(const json& parent, const std::string& path, std::string_view key, const json*& out);
  // A string of at most max_chars characters (labels and names by default; free text such as a
  // note or a URL may be longer, up to limits::kTextChars).
  bool string(const json& parent, const std::string& path, std::string_view key, std::string& out,
              size_t max_chars = limits::kLabelChars);
  // A finite number with min <= value <= max.
  bool number(const json& parent, const std::string& path, std::string_view key, double& out,
              double min, double max);

  // Optional members: absent or null leaves `out` untouched and returns true.
  bool optional_string(const json& parent, const std::string& path, std::string_view key,
                       std::string& out, size_t max_chars = limits::kLabelChars);
  bool optional_number(const json& parent, const std::string& path, std::string_view key,
                       std::optional<double>& out, double min, double max);

  // The value itself (not a member) as a number, e.g. an array element.
  bool number_value(const json& value, const std::string& path, double& out, double min, double max);
  bool is_object(const json& value, const std::string& path);
  // An object or array at `path` with at most `max` entries ("lists 12000 areas; the limit is 10000").
  bool at_most(const json& container, const std::string& path, size_t max, const char* what);

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
