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
  return path + "/" + format_integer(static_cast<long long>(index));
}

size_t utf8_characters(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // bytes that start one
  return n;
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
                    std::string& out, size_t max_chars) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m) return fail(code::kDatasetMissing, child_path(path, key), "is required");
  if (!m->is_string())
    return fail(code::kDatasetType, child_path(path, key),
                std::string("must be a string, not ") + type_name(*m));
  const std::string& text = m->get_ref<const std::string&>();
  size_t chars = utf8_characters(text);
  if (chars > max_chars)
    return fail(code::kDatasetValue, child_path(path, key),
                "is " + format_integer(static_cast<long long>(chars)) + " characters long; the limit is " +
                    format_integer(static_cast<long long>(max_chars)));
  out = text;
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
                             std::string& out, size_t max_chars) {
  const json* m = member(parent, path, key);
  if (!ok()) return false;
  if (!m || m->is_null()) return true;
  return string(parent, path, key, out, max_chars);
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

bool Reader::at_most(const json& container, const std::string& path, size_t max, const char* what) {
  if (container.size() <= max) return true;
  return fail(code::kDatasetValue, path.empty() ? "/" : path,
              "lists " + format_integer(static_cast<long long>(container.size())) + " " + what +
                  "; the limit is " + format_integer(static_cast<long long>(max)));
}

}  // namespace salary::detail
