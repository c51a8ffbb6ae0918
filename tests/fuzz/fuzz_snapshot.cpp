// libFuzzer target: the binary snapshot reader (core/src/dataset_binary.cpp), which the browser
// runs on downloaded bytes. The first input byte picks the mode:
//   even: the rest is a payload, given the right header and checksum, so the fuzzer explores the
//         field reader itself rather than the checksum (the second byte picks the part, C/X/A);
//   odd:  the rest goes to unpack_dataset as it is (headers, truncation, the checksum).
// A snapshot that loads is then used: distributions, an estimate and take-home pay must answer
// without crashing. Built and run by scripts/fuzz; seeds in tests/fuzz/corpus/snapshot/.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "salary/dataset_binary.hpp"
#include "salary/estimate.hpp"
#include "salary/take_home.hpp"

namespace {

// FNV-1a, as dataset_binary.cpp stores it after the payload.
std::string with_checksum(std::string bytes) {
  uint64_t h = 1469598103934665603ull;
  for (char c : bytes) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  for (int i = 0; i < 8; ++i) bytes += static_cast<char>(h >> (8 * i));
  return bytes;
}

void exercise(const salary::Dataset& data) {
  int budget = 200;  // bounded work per input
  for (const auto& [code, occupation] : data.occupations)
    for (const auto& [area, row] : occupation.areas) {
      if (--budget < 0) return;
      auto d = salary::area_distribution(data, code, area);
      if (d) fuzz::check_area_distribution(d.value());
      salary::Profile p;
      p.occupation = code;
      p.area = area;
      if (!data.experience_levels.empty()) p.experience = data.experience_levels.front().id;
      auto e = salary::estimate(data, p);
      if (e) fuzz::check_estimate(e.value());
      salary::TakeHomeInput in;
      in.salary = 123456;
      in.area = area;
      in.year = data.tax.federal.empty() ? 2026 : data.tax.federal.begin()->first;
      auto t = salary::take_home(data, in);
      if (t) fuzz::check_take_home(t.value(), in);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  if (data[0] % 2 == 0) {
    char part = rest.empty() ? 'C' : "CXA"[static_cast<uint8_t>(rest[0]) % 3];
    bytes = with_checksum(std::string("SALB\x02", 5) + part + (rest.empty() ? "" : rest.substr(1)));
  } else {
    bytes = rest;
  }
  auto loaded = salary::unpack_dataset(bytes);
  // The default module's reader accepts a subset of what unpack_dataset does: the core parts.
  auto core = salary::unpack_core(bytes);
  if (core) fuzz::require(loaded.ok() && bytes[5] == 'C');
  if (loaded) {
    exercise(loaded.value());
  } else {
    salary::Dataset empty;
    if (!salary::unpack_extras(bytes, empty)) exercise(empty);
  }
  return 0;
}
