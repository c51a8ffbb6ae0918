// What the benchmark probes share: their command line is a dataset's path, then a count.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace probe {

// The file at argv[1] (exits with the usage line when there is none), and argv[2] as a count.
inline std::string dataset_text(int argc, char** argv, const char* usage) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s\n", usage);
    std::exit(2);
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline long count(int argc, char** argv, long fallback) { return argc > 2 ? std::atol(argv[2]) : fallback; }

}  // namespace probe
