// How numbers are written into error messages and JSON Pointers: as people write them, the same
// in every message, natively and in wasm.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace salary::detail {

// 12345.6 → "12345.6", 100000 → "100000", 1e308 → "1e+308", NaN → "NaN".
std::string format_number(double value);
// -42 → "-42". Hand-written rather than std::to_string, whose digit tables and code are ~0.5 KB
// of the wasm for error messages only.
std::string format_integer(long long value);
// 180000 → "$180,000": how dollar figures read in messages and notes (rounded to the dollar).
std::string format_money(double value);
// The parts one after the other: one call where a chain of operator+ would take one per part (and
// its temporaries), which adds up in the wasm for the notes composed from many parts.
std::string join(std::initializer_list<std::string_view> parts);

}  // namespace salary::detail
