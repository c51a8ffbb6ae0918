// Throughput of the core's percentile_of(salary): the same source compiled natively and to wasm,
// so scripts/bench.mjs can report their ratio. The distributions of eight areas are resolved once
// (as the page does when the place changes); the loop places salaries in them. Prints one JSON
// line: {"calls": N, "seconds": S, "per_second": R, "checksum": C}.
#include <chrono>
#include <cstdio>
#include <vector>

#include "probe.hpp"
#include "salary/distribution.hpp"

int main(int argc, char** argv) {
  auto data = salary::load_dataset(probe::dataset_text(argc, argv, "percentile_throughput DATASET.json [CALLS]"));
  if (!data) {
    std::fprintf(stderr, "%s\n", data.error().message.c_str());
    return 1;
  }
  const long calls = probe::count(argc, argv, 2000000);
  const char* areas[] = {"US", "TX", "CA", "NY", "WA", "41940", "MA", "FL"};
  std::vector<salary::Distribution> distributions;
  for (const char* area : areas)
    distributions.push_back(salary::area_distribution(data.value(), "15-1252", area)->distribution);
  double checksum = 0;
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < calls; ++i)
    checksum += distributions[i & 7].percentile_of(40000.0 + static_cast<double>(i % 4000) * 100.0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"calls\": %ld, \"seconds\": %.6f, \"per_second\": %.1f, \"checksum\": %.3f}\n", calls,
              seconds, calls / seconds, checksum);
  return 0;
}
