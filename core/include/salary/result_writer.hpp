// Results cross into JavaScript as one flat record that the wrapper (web/salary-core.mjs) reads
// back field by field in the order it was written: numbers into an array of doubles, strings as
// their lengths among the numbers and their UTF-8 bytes back to back in one text. The wrapper
// reads the numbers straight from wasm memory and decodes the text once, then slices it.
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

class ResultWriter {
 public:
  // Where the record is, at a fixed address for the wrapper: in wasm32, five 32-bit words.
  struct Header {
    const double* numbers = nullptr;
    uint32_t number_count = 0;
    const char* text = nullptr;
    uint32_t text_length = 0;
    uint32_t text_is_utf8 = 1;  // 0: some string is not valid UTF-8; decode them one by one
  };

  void clear();
  void number(double v);
  void boolean(bool v) { number(v ? 1 : 0); }
  void count(size_t n) { number(static_cast<double>(n)); }
  // Two numbers, its length in UTF-16 code units (what the wrapper slices; -1 if the bytes are
  // not valid UTF-8) and in bytes, then its bytes in the text.
  void string(std::string_view s);
  // 0 for none, or 1 and the value: JavaScript's null.
  void optional_number(const std::optional<double>& v);
  void optional_string(std::string_view s);  // "" is none

  // The header, pointed at what was written since clear(); call it once the record is complete.
  // Its address does not change.
  const Header& header();

  // What was written, for tests.
  std::vector<double> numbers() const { return {numbers_.get(), numbers_.get() + number_count_}; }
  std::string_view text() const { return {text_.get(), text_length_}; }

 private:
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
static_assert(sizeof(ResultWriter::Header) == 20, "salary-core.mjs reads the header as five 32-bit words");
#endif

// The length of `s` in UTF-16 code units as a UTF-8 decoder reads it, or -1 if `s` is not valid
// UTF-8 (an overlong form, a surrogate, a truncated or stray byte, beyond U+10FFFF).
long utf16_length(std::string_view s);

}  // namespace salary
