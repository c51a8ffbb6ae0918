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
  in.area = "NY";  // the payroll programs, items and local taxes survive the round trip too
  in.locality = "nyc";
  in.hsa = 2000;
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

TEST_CASE("every number reads back exactly, whatever form it is stored in") {
  Dataset data = test::shipped();
  WageRow& row = data.occupations.at("15-1252").areas.at("US");
  SUBCASE("tens, cents, steps and gaps") {
    row.p = {79850, 103050.5, 133080.25, std::nullopt, 211450};  // no p75: p90 is stored in full
    row.mean = std::nullopt;
    row.hourly_median = 63.98;
  }
  SUBCASE("a step that does not restore the value, and numbers with no short form") {
    row.p = {0.5, 5e15 + 1, 1e-20, 1e300, -0.1};  // 5e15 + 1 - 0.5 rounds; the rest are raw or signed
    row.mean = 0.1 + 0.2;
    row.employment = std::nullopt;
  }
  SUBCASE("hourly medians far from the annual one, or not in whole cents") {
    row.hourly_median = 12.345;
    data.occupations.at("15-1252").areas.at("CA").hourly_median = 1;
    data.occupations.at("15-1252").areas.at("TX").hourly_median = std::nullopt;
  }
  auto back = unpack_dataset(pack_dataset(data));
  REQUIRE(back.ok());
  const WageRow& read = back->occupations.at("15-1252").areas.at("US");
  for (size_t i = 0; i < row.p.size(); ++i) CHECK(read.p[i] == row.p[i]);
  CHECK(read.mean == row.mean);
  CHECK(read.employment == row.employment);
  CHECK(read.hourly_median == row.hourly_median);
  for (const std::string area : {"CA", "TX"})
    CHECK(back->occupations.at("15-1252").areas.at(area).hourly_median == data.occupations.at("15-1252").areas.at(area).hourly_median);
}

TEST_CASE("core + extras + areas = all; the core alone answers the states' wage questions") {
  const Dataset& data = test::shipped();
  std::string core = pack_dataset(data, DatasetPart::kCore);
  std::string extras = pack_dataset(data, DatasetPart::kExtras);
  std::string areas = pack_dataset(data, DatasetPart::kAreas);
  auto partial = unpack_dataset(core);
  REQUIRE(partial.ok());
  CHECK(partial->tax.federal.empty());
  CHECK(partial->metro_parities.values.empty());
  CHECK(partial->state_parities.values.empty());
  CHECK(partial->compensation_norms.empty());
  CHECK(partial->published_estimates.empty());
  CHECK(partial->prevailing_wages.levels.empty());
  // The sources cited by what the core holds are there; those only the other parts cite are not yet.
  for (const auto& [code, o] : partial->occupations) CHECK(partial->sources.count(o.source) == 1);
  for (const Factor& f : partial->factors) CHECK(partial->sources.count(f.source) == 1);
  CHECK(partial->sources.count(data.tax.federal_source) == 0);
  CHECK(partial->sources.count(data.prevailing_wages.source) == 0);
  CHECK(partial->find_area("41940") == nullptr);  // every metro is in the areas part
  CHECK(area_distribution(partial.value(), "15-1252", "TX").ok());
  CHECK(unpack_extras(core, partial.value()).has_value());  // the wrong part is refused
  CHECK(unpack_areas(extras, partial.value()).has_value());
  // Either order: the areas first, then the extras.
  REQUIRE_FALSE(unpack_areas(areas, partial.value()).has_value());
  CHECK(partial->find_area("41940") != nullptr);
  CHECK(area_distribution(partial.value(), "15-1252", "41940").ok());
  CHECK(partial->prevailing_wages.levels == data.prevailing_wages.levels);
  CHECK(partial->metro_medians.values == data.metro_medians.values);
  CHECK(partial->metro_parities.values == data.metro_parities.values);
  CHECK(partial->metro_portions.values == data.metro_portions.values);
  CHECK(partial->nonmetro_portions.values == data.nonmetro_portions.values);
  REQUIRE_FALSE(unpack_extras(extras, partial.value()).has_value());
  CHECK(partial->areas.size() == data.areas.size());
  CHECK(partial->area_order == data.area_order);  // the JSON lists the wage areas last too
  CHECK(partial->find_area("10180")->counties == data.find_area("10180")->counties);
  CHECK(partial->state_parities.values == data.state_parities.values);
  CHECK(partial->compensation_norms.size() == data.compensation_norms.size());
  CHECK(partial->published_estimates.size() == data.published_estimates.size());
  CHECK(partial->sources.size() == data.sources.size());
  TakeHomeInput in;
  in.salary = 150000;
  in.area = "CA";
  CHECK(take_home(partial.value(), in)->net == take_home(data, in)->net);
}

TEST_CASE("the core-only reader reads the core part as unpack_dataset does, and refuses the rest") {
  // What the default wasm module reads with (it carries no code for the extras).
  const Dataset& data = test::shipped();
  const std::string core = pack_dataset(data, DatasetPart::kCore);
  auto lean = unpack_core(core);
  auto full = unpack_dataset(core);
  REQUIRE(lean.ok());
  REQUIRE(full.ok());
  CHECK(pack_dataset(lean.value(), DatasetPart::kCore) == core);
  CHECK(pack_dataset(full.value(), DatasetPart::kCore) == core);
  CHECK(lean->tax.federal.empty());
  auto whole = unpack_core(pack_dataset(data, DatasetPart::kAll));
  REQUIRE_FALSE(whole.ok());
  CHECK(whole.error().message == "byte 5: a snapshot of the whole dataset; this reader takes only its core part");
  CHECK_FALSE(unpack_core(pack_dataset(data, DatasetPart::kExtras)).ok());
  // The full module then adds the extras to what the lean reader read.
  REQUIRE_FALSE(unpack_extras(pack_dataset(data, DatasetPart::kExtras), lean.value()).has_value());
  CHECK(lean->tax.local.size() == data.tax.local.size());
  // The areas part, which the default module also reads.
  REQUIRE_FALSE(unpack_areas(pack_dataset(data, DatasetPart::kAreas), lean.value()).has_value());
  CHECK(lean->areas.size() == data.areas.size());
}

TEST_CASE("DOL's levels are stored as I, IV and the rounding of II and III") {
  Dataset data = test::shipped();
  WageLevels& levels = data.prevailing_wages.levels.at("15-1252 10180");
  for (WageLevels l : {WageLevels{66768, 86278, 105768, 125278}, WageLevels{1, 2, 3, 4},
                       WageLevels{0.5, 1e7, 2e7, 9.9e7}, WageLevels{100000, 100001, 200000, 200001}}) {
    levels = l;
    auto back = unpack_dataset(pack_dataset(data));
    REQUIRE(back.ok());
    CHECK(*back->prevailing_wages.find("15-1252", "10180") == l);
  }
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
