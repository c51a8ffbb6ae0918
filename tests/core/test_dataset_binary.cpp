// The binary snapshot of the dataset: a faithful round trip, the core/extras split, and damaged
// or hostile bytes rejected with the byte offset, never a crash.
#include <doctest/doctest.h>

#include "salary/dataset_binary.hpp"
#include "salary/estimate.hpp"
#include "salary/take_home.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {
// Figures computed from a dataset, to compare two datasets by what a user would see.
std::string fingerprint(const Dataset& d) {
  std::string out;
  for (const auto& [code, occupation] : d.occupations)
    for (const auto& [area, row] : occupation.areas) {
      auto dist = area_distribution(d, code, area);
      out += code + area + std::to_string(dist->distribution.percentile_of(123456)) + ";";
    }
  Profile p;
  p.area = "41940";
  p.experience = "senior";
  p.skills = {"go", "python"};
  out += std::to_string(estimate(d, p)->typical);
  TakeHomeInput in;
  in.salary = 150000;
  in.area = "CA";
  out += std::to_string(take_home(d, in)->net);
  for (const std::string& code : d.area_order) out += code;
  return out;
}
}  // namespace

TEST_CASE("a full snapshot reads back to the same dataset") {
  const Dataset& data = test::shipped();
  std::string bytes = pack_dataset(data);
  auto back = unpack_dataset(bytes);
  REQUIRE(back.ok());
  CHECK(pack_dataset(back.value()) == bytes);
  CHECK(fingerprint(back.value()) == fingerprint(data));
  CHECK(back->area_order == data.area_order);
  CHECK(back->occupations.at("15-1252").areas.at("CA").p[4] == std::nullopt);  // top-coded stays null
}

TEST_CASE("core + extras = all; the core alone answers wage questions") {
  const Dataset& data = test::shipped();
  std::string core = pack_dataset(data, DatasetPart::kCore);
  std::string extras = pack_dataset(data, DatasetPart::kExtras);
  auto partial = unpack_dataset(core);
  REQUIRE(partial.ok());
  CHECK(partial->tax.federal.empty());
  CHECK(partial->metro_parities.values.empty());
  CHECK(partial->find_area("41940") != nullptr);    // a metro with a wage figure stays in the core
  CHECK(partial->find_area("10180") == nullptr);    // Abilene only has a price level: extras
  CHECK(area_distribution(partial.value(), "15-1252", "41940").ok());
  CHECK(unpack_extras(core, partial.value()).has_value());  // the wrong part is refused
  REQUIRE_FALSE(unpack_extras(extras, partial.value()).has_value());
  CHECK(partial->areas.size() == data.areas.size());  // the extras' metros are added (at the end)
  CHECK(partial->metro_parities.values == data.metro_parities.values);
  TakeHomeInput in;
  in.salary = 150000;
  in.area = "CA";
  CHECK(take_home(partial.value(), in)->net == take_home(data, in)->net);
}

TEST_CASE("damaged snapshots are errors with a byte offset") {
  const std::string bytes = pack_dataset(test::shipped(), DatasetPart::kCore);
  SUBCASE("not a snapshot") {
    auto r = unpack_dataset("{\"format\": \"salary-dataset/1\"}");
    CHECK(r.error().code == "dataset_syntax");
    CHECK(r.error().message.rfind("byte 0: not a dataset snapshot", 0) == 0);
  }
  SUBCASE("every truncation") {
    for (size_t n = 0; n < bytes.size(); n += 97) CHECK_FALSE(unpack_dataset(bytes.substr(0, n)).ok());
  }
  SUBCASE("a flipped byte anywhere fails the checksum") {
    for (size_t i = 6; i < bytes.size(); i += 101) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
      auto r = unpack_dataset(damaged);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == "dataset_syntax");
    }
  }
}
