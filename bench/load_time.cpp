// Time to load a dataset natively: the JSON loader (parse and validate, load_dataset) and the
// binary snapshot (unpack_dataset) of the same data, each the best of RUNS runs (the least
// disturbed by other work on the machine). scripts/bench-loading.mjs runs it on datasets of
// growing size to show that loading time grows linearly with the entries. Prints one JSON line:
// {"bytes": B, "json_seconds": S, "snapshot_bytes": N, "snapshot_seconds": T}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "salary/dataset.hpp"
#include "salary/dataset_binary.hpp"

template <typename Load>
double best_seconds(int runs, Load load) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (!load()) std::exit(1);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: load_time DATASET.json [RUNS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string json = text.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  auto data = salary::load_dataset(json);
  if (!data) {
    std::fprintf(stderr, "%s\n", data.error().message.c_str());
    return 1;
  }
  const std::string snapshot = salary::pack_dataset(data.value());
  double json_seconds = best_seconds(runs, [&] { return salary::load_dataset(json).ok(); });
  double snapshot_seconds = best_seconds(runs, [&] { return salary::unpack_dataset(snapshot).ok(); });
  std::printf("{\"bytes\": %zu, \"json_seconds\": %.6f, \"snapshot_bytes\": %zu, \"snapshot_seconds\": %.6f}\n",
              json.size(), json_seconds, snapshot.size(), snapshot_seconds);
  return 0;
}
