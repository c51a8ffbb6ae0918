// The record results cross into JavaScript as (web/wasm/result_writer.hpp): numbers exactly as computed,
// strings as UTF-16 lengths the wrapper can slice the decoded text by, whatever they contain.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "result_writer.hpp"

using namespace salary;

namespace {

// What the wrapper does with the text: decode UTF-8 to UTF-16 (valid input only, as here).
std::u16string decode(std::string_view utf8) {
  std::u16string out;
  for (size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += extra + 1;
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("numbers, flags, counts and optional values in the order written") {
  ResultWriter w;
  w.number("salary", 190000);
  w.flag("applied", true);
  w.flag("applied", false);
  w.count("steps", 3);
  w.optional_number("mean", std::nullopt);
  w.optional_number("mean", 2.5);
  CHECK(w.present("offer", false) == false);
  CHECK(w.present("offer", true) == true);
  w.record("base");  // nothing on the wire
  CHECK(w.numbers() == std::vector<double>{190000, 1, 0, 3, 0, 1, 2.5, 0, 1});
}

TEST_CASE("every double crosses unchanged: no formatting, so NaN, infinities and -0 too") {
  ResultWriter w;
  const double values[] = {0.1, 1.0 / 3, -0.0, std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max(), HUGE_VAL, -HUGE_VAL, std::nan("")};
  for (double v : values) w.number("value", v);
  REQUIRE(w.numbers().size() == std::size(values));
  for (size_t i = 0; i < std::size(values); ++i) CHECK(same_bits(w.numbers()[i], values[i]));
}

TEST_CASE("strings with quotes, backslashes, control characters and any Unicode slice back out") {
  std::string controls;
  for (char c = 0; c < 0x20; ++c) controls += c;
  const std::string labels[] = {
      "", "plain", "say \"hi\"", "C:\\path\\", "tab\tnew\nline", controls, "\x7f",
      "Zürich – 50 % · €", "emoji 💶 and 𝄞", "line\u2028separator", std::string("nul\0inside", 10),
  };
  ResultWriter w;
  for (const std::string& s : labels) w.string("label", s);
  const ResultWriter::Header& h = w.header();
  CHECK(h.text_is_utf8 == 1);
  REQUIRE(h.number_count == 2 * std::size(labels));
  std::u16string text = decode(std::string_view(h.text, h.text_length));
  size_t at = 0;
  for (size_t i = 0; i < std::size(labels); ++i) {
    auto units = static_cast<size_t>(h.numbers[2 * i]);
    CHECK(h.numbers[2 * i + 1] == labels[i].size());
    CHECK(text.substr(at, units) == decode(labels[i]));
    at += units;
  }
  CHECK(at == text.size());
}

TEST_CASE("UTF-16 lengths: a code point beyond the BMP is two units") {
  CHECK(utf16_length("") == 0);
  CHECK(utf16_length("abc") == 3);
  CHECK(utf16_length("é") == 1);         // 2 bytes
  CHECK(utf16_length("€\u2028") == 2);   // 3 bytes each
  CHECK(utf16_length("💶") == 2);        // 4 bytes
  CHECK(utf16_length("\xF4\x8F\xBF\xBF") == 2);  // U+10FFFF
}

TEST_CASE("bytes that are not UTF-8 are flagged, so the wrapper decodes each string alone") {
  for (const char* bad : {"\x80", "a\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xF5\x80\x80\x80", "ends in \xE2\x82", "\xC3", "\xE2\x28\xA1"}) {
    CAPTURE(bad);
    CHECK(utf16_length(bad) == -1);
    ResultWriter w;
    w.string("label", "fine");
    w.string("label", bad);
    const ResultWriter::Header& h = w.header();
    CHECK(h.text_is_utf8 == 0);
    CHECK(h.numbers[2] == -1);
    CHECK(h.numbers[3] == std::strlen(bad));
  }
}

TEST_CASE("clear() starts a new record; the header follows the buffers as they grow") {
  ResultWriter w;
  w.string("label", "\xFF");
  w.clear();
  std::string label(1000, 'x');
  for (int i = 0; i < 1000; ++i) {
    w.number("value", i);
    w.string("label", label);
  }
  const ResultWriter::Header& h = w.header();
  CHECK(h.text_is_utf8 == 1);
  CHECK(h.number_count == 3000);
  CHECK(w.numbers().size() == 3000);
  CHECK(w.text().size() == 1000000);
  CHECK(h.text_length == 1000000);
  CHECK(h.numbers[2997] == 999);
}
