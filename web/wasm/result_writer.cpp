#include "result_writer.hpp"

#include <cstring>
#include <utility>

namespace salary {

long utf16_length(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  long units = 0;
  while (p < end) {
    unsigned char lead = *p;
    if (lead < 0x80) {
      ++units, ++p;
      continue;
    }
    // Continuation bytes are 80–BF; the second byte's range is narrower after E0, ED, F0 and F4,
    // which rules out overlong forms, surrogates and code points beyond U+10FFFF.
    long extra = lead >= 0xC2 && lead <= 0xDF   ? 1
                 : lead >= 0xE0 && lead <= 0xEF ? 2
                 : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                : 0;
    if (extra == 0 || end - p <= extra) return -1;
    unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    for (long k = 1; k <= extra; ++k, low = 0x80, high = 0xBF)
      if (p[k] < low || p[k] > high) return -1;
    units += extra == 3 ? 2 : 1;  // beyond the BMP: a surrogate pair
    p += extra + 1;
  }
  return units;
}

namespace {

// `buffer` with room for at least `needed` items, the first `used` kept: capacities double.
template <typename T>
void grow(std::unique_ptr<T[]>& buffer, size_t used, size_t& capacity, size_t needed) {
  capacity = 2 * capacity > needed + 256 ? 2 * capacity : needed + 256;
  std::unique_ptr<T[]> bigger(new T[capacity]);
  if (used > 0) std::memcpy(bigger.get(), buffer.get(), used * sizeof(T));
  buffer = std::move(bigger);
}

}  // namespace

void ResultWriter::clear() {
#ifdef SALARY_RECORD_TRACE
  trace_.clear();
#endif
  number_count_ = 0;
  text_length_ = 0;
  text_is_utf8_ = true;
}

// Every field of every result passes here; growing stays out of the way.
void ResultWriter::put(double v) {
  if (number_count_ == number_capacity_)
    grow(numbers_, number_count_, number_capacity_, number_count_ + 1);
  numbers_[number_count_++] = v;
}

void ResultWriter::put_string(std::string_view s) {
  long units = utf16_length(s);
  if (units < 0) text_is_utf8_ = false;
  put(static_cast<double>(units));
  put(static_cast<double>(s.size()));
  if (text_capacity_ - text_length_ < s.size())
    grow(text_, text_length_, text_capacity_, text_length_ + s.size());
  if (!s.empty()) std::memcpy(text_.get() + text_length_, s.data(), s.size());
  text_length_ += s.size();
}

void ResultWriter::put_optional(const std::optional<double>& v) {
  put(v ? 1 : 0);
  if (v) put(*v);
}

void ResultWriter::put_optional(std::string_view s) {
  put(s.empty() ? 0 : 1);
  if (!s.empty()) put_string(s);
}

const ResultWriter::Header& ResultWriter::header() {
  header_.numbers = numbers_.get();
  header_.number_count = static_cast<uint32_t>(number_count_);
  header_.text = text_.get();
  header_.text_length = static_cast<uint32_t>(text_length_);
  header_.text_is_utf8 = text_is_utf8_ ? 1 : 0;
  return header_;
}

}  // namespace salary
