// Validates data/salary-data.json with the core's own loader and writes the binary snapshots the
// browser loads (core/include/salary/dataset_binary.hpp): the core part, the extras and the areas.
// Usage: pack_dataset DATASET.json OUT_CORE.bin OUT_EXTRAS.bin OUT_AREAS.bin
#include <cstdio>
#include <fstream>
#include <sstream>

#include "salary/dataset_binary.hpp"

static bool write(const char* path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s DATASET.json OUT_CORE.bin OUT_EXTRAS.bin OUT_AREAS.bin\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto data = salary::load_dataset(text.str());
  if (!data) {
    std::fprintf(stderr, "%s: %s\n", argv[1], data.error().message.c_str());
    return 1;
  }
  using salary::DatasetPart;
  std::string core = salary::pack_dataset(data.value(), DatasetPart::kCore);
  std::string extras = salary::pack_dataset(data.value(), DatasetPart::kExtras);
  std::string areas = salary::pack_dataset(data.value(), DatasetPart::kAreas);
  // A snapshot that does not read back to the same figures must never ship.
  auto back = salary::unpack_dataset(core);
  if (!back || salary::unpack_extras(extras, back.value()) || salary::unpack_areas(areas, back.value()) ||
      salary::pack_dataset(back.value(), DatasetPart::kCore) != core ||
      salary::pack_dataset(back.value(), DatasetPart::kExtras) != extras ||
      salary::pack_dataset(back.value(), DatasetPart::kAreas) != areas) {
    std::fprintf(stderr, "pack_dataset: the snapshot does not round-trip\n");
    return 1;
  }
  if (!write(argv[2], core) || !write(argv[3], extras) || !write(argv[4], areas)) {
    std::fprintf(stderr, "pack_dataset: cannot write the output\n");
    return 1;
  }
  std::printf("pack_dataset: core %zu bytes, extras %zu bytes, areas %zu bytes\n", core.size(), extras.size(),
              areas.size());
  return 0;
}
