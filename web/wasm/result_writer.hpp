// Results cross into JavaScript as one flat record: numbers into an array of doubles, strings as
// their lengths among the numbers and their UTF-8 bytes back to back in one text. The reader
// (record-reader.mjs, with readers generated from records.schema) takes the numbers straight from
// wasm memory and decodes the text once, then slices it.
//
// Every write names the field it writes, as records.schema names it. The shipped module drops the
// names (they are unused parameters of inline functions); a build with SALARY_RECORD_TRACE keeps
// them in trace(), which tests/wire/test_records.cpp checks against the schema.
//
// Why not objects built field by field through Embind (one boundary crossing and string
// conversion per field), or JSON (JSON.parse creates the same objects from text at several times
// the cost, and every number would be formatted and parsed)? docs/performance.md has the figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salary {

// A field's name in records.schema.
using Field = const char*;

class ResultWriter {
 public:
  // Where the record is, at a fixed address for the reader: in wasm32, five 32-bit words.
  struct Header {
    const double* numbers = nullptr;
    uint32_t number_count = 0;
    const char* text = nullptr;
    uint32_t text_length = 0;
    uint32_t text_is_utf8 = 1;  // 0: some string is not valid UTF-8; decode them one by one
  };

  void clear();

  // One call per field of records.schema, by its type:
  void number(Field name, double v) { trace_step('n', name, v); put(v); }               // number, number[2]
  void flag(Field name, bool v) { trace_step('f', name, v); put(v ? 1 : 0); }           // flag, flags(...)
  // string: its length in UTF-16 code units (what the reader slices; -1 if the bytes are not
  // valid UTF-8) and in bytes, then its bytes in the text.
  void string(Field name, std::string_view s) { trace_step('s', name, 0); put_string(s); }
  // number?, string?: a flag, then the value when there is one ("" is none).
  void optional_number(Field name, const std::optional<double>& v) { trace_step('N', name, v.has_value()); put_optional(v); }
  void optional_string(Field name, std::string_view s) { trace_step('S', name, !s.empty()); put_optional(s); }
  // T* and number{}: the count; the items follow, each T (or key string and number) written
  // under the same name.
  void count(Field name, size_t n) { trace_step('c', name, static_cast<double>(n)); put(static_cast<double>(n)); }
  // R? and ...R?: the flag; R's fields follow when it is true. Returns `has`.
  bool present(Field name, bool has) { trace_step('p', name, has); put(has ? 1 : 0); return has; }
  // R, a nested record: nothing on the wire (its fields follow); its name is traced.
  void record(Field name) { trace_step('r', name, 0); }

  // The header, pointed at what was written since clear(); call it once the record is complete.
  // Its address does not change.
  const Header& header();

  // What was written, for tests.
  std::vector<double> numbers() const { return {numbers_.get(), numbers_.get() + number_count_}; }
  std::string_view text() const { return {text_.get(), text_length_}; }

#ifdef SALARY_RECORD_TRACE
  // Each write since clear(): its kind (the letters above), the field's name, and the number,
  // flag or count it wrote.
  struct Step {
    char kind;
    std::string name;
    double value;
  };
  const std::vector<Step>& trace() const { return trace_; }
#endif

 private:
  void put(double v);
  void put_string(std::string_view s);
  void put_optional(const std::optional<double>& v);
  void put_optional(std::string_view s);
#ifdef SALARY_RECORD_TRACE
  void trace_step(char kind, Field name, double value) { trace_.push_back({kind, name, value}); }
  std::vector<Step> trace_;
#else
  static void trace_step(char, Field, double) {}
#endif

  // Plain arrays that double when full: std::vector and std::string bring more code (and, at
  // -Oz, more calls per write) than this needs.
  std::unique_ptr<double[]> numbers_;
  size_t number_count_ = 0, number_capacity_ = 0;
  std::unique_ptr<char[]> text_;
  size_t text_length_ = 0, text_capacity_ = 0;
  bool text_is_utf8_ = true;
  Header header_;
};

#ifdef __EMSCRIPTEN__
static_assert(sizeof(ResultWriter::Header) == 20, "record-reader.mjs reads the header as five 32-bit words");
#endif

// The length of `s` in UTF-16 code units as a UTF-8 decoder reads it, or -1 if `s` is not valid
// UTF-8 (an overlong form, a surrogate, a truncated or stray byte, beyond U+10FFFF).
long utf16_length(std::string_view s);

}  // namespace salary
