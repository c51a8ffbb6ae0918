// Shared by the test files: the shipped dataset, loaded once, and small file helpers.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "salary/dataset.hpp"

namespace salary::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The committed data/salary-data.json. Aborts the test run with a clear message if it is invalid.
inline const Dataset& shipped() {
  static const Dataset data = [] {
    auto loaded = load_dataset(read_file(SALARY_DATA_PATH));
    if (!loaded) {
      std::fprintf(stderr, "shipped dataset failed to load: %s\n", loaded.error().message.c_str());
      std::abort();
    }
    return loaded.value();
  }();
  return data;
}

}  // namespace salary::test
