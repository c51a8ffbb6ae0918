// The time of one estimate() as the JavaScript API asks for it, natively: the same Calculator
// (web/wasm/calculator.hpp) and profile as scripts/bench.mjs times in the browser, result record
// included, so the bench can report the browser's time as a ratio to this one measured in the same
// run. Prints one JSON line: {"calls": N, "seconds": S, "microseconds": per call, "checksum": C}.
#include <chrono>
#include <cstdio>

#include "calculator.hpp"
#include "probe.hpp"

int main(int argc, char** argv) {
  salary::Calculator calc;
  if (!calc.load_json(probe::dataset_text(argc, argv, "estimate_time DATASET.json [CALLS]"))) {
    std::fprintf(stderr, "the dataset did not load\n");
    return 1;
  }
  const long calls = probe::count(argc, argv, 200000);
  // scripts/bench.mjs: { area: 'CA', experience: 'senior', specialization: 'cloud',
  // skills: ['go', 'python'], companyType: 'large-tech', offer: 190000 }.
  auto one = [&] { return calc.estimate("15-1252", "CA", "senior", "cloud", "large-tech", "go,python", "", "", 190000); };
  for (int i = 0; i < 200; ++i) one();  // as the browser's warm-up
  double checksum = 0;
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < calls; ++i) {
    if (!one()) return 1;
    checksum += calc.record().numbers()[1];  // the typical pay, so the work cannot be left out
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"calls\": %ld, \"seconds\": %.6f, \"microseconds\": %.4f, \"checksum\": %.1f}\n", calls, seconds,
              seconds / calls * 1e6, checksum);
  return 0;
}
