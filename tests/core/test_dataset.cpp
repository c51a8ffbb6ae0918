// Loading and validating datasets: the shipped one loads; each kind of malformed input is
// rejected with a stable code and the JSON Pointer of the offending value.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "salary/dataset.hpp"
#include "test_support.hpp"

using namespace salary;
using ordered_json = nlohmann::ordered_json;

namespace {

ordered_json shipped_json() {
  static const ordered_json doc = ordered_json::parse(test::read_file(SALARY_DATA_PATH));
  return doc;
}

// The shipped dataset with one value replaced (or removed, if `value` is discarded).
Error load_with(const std::string& pointer, const ordered_json& value) {
  ordered_json doc = shipped_json();
  doc[ordered_json::json_pointer(pointer)] = value;
  auto r = load_dataset(doc.dump());
  REQUIRE_FALSE(r.ok());
  return r.error();
}

Error load_without(const std::string& parent, const std::string& key) {
  ordered_json doc = shipped_json();
  doc[ordered_json::json_pointer(parent)].erase(key);
  auto r = load_dataset(doc.dump());
  REQUIRE_FALSE(r.ok());
  return r.error();
}

Error load_text(const std::string& text) {
  auto r = load_dataset(text);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE("the shipped dataset loads, in document order") {
  const Dataset& data = test::shipped();
  CHECK(data.format == "salary-dataset/1");
  CHECK_FALSE(data.version.empty());
  CHECK(data.occupation_order.front() == "15-1252");
  CHECK(data.area_order.front() == "US");
  CHECK(data.areas.at("41940").states == std::vector<std::string>{"CA"});
  CHECK(data.find_experience("senior")->band_low == 50);
  CHECK(data.find_factor(FactorKind::kCertification, "aws-sa-pro") != nullptr);
  CHECK(data.tax.federal.count(2025) == 1);
  CHECK(data.tax.federal.count(2026) == 1);
  // every figure names a source that exists
  for (const auto& [code, occupation] : data.occupations) CHECK(data.sources.count(occupation.source) == 1);
  for (const Factor& f : data.factors) CHECK(data.sources.count(f.source) == 1);
}

TEST_CASE("syntax errors") {
  CHECK(load_text("").code == "dataset_syntax");
  CHECK(load_text("{\"format\": ").code == "dataset_syntax");
  std::string text = test::read_file(SALARY_DATA_PATH);
  CHECK(load_text(text.substr(0, text.size() / 2)).code == "dataset_syntax");  // truncated
  CHECK(load_text("\xff\xfe{}").code == "dataset_syntax");                        // invalid UTF-8
  CHECK(load_text("[1, 2]").message == "/: must be an object, not an array");
  CHECK(load_text("{\"a\": tru}").message.rfind("/: not valid JSON: parse error at line 1, column", 0) == 0);
}

TEST_CASE("a huge text is refused before parsing") {
  std::string huge(9 << 20, ' ');
  Error e = load_text(huge);
  CHECK(e.code == "dataset_value");
  CHECK(e.message == "/: the dataset is 9437184 bytes; the limit is 8388608");
}

TEST_CASE("deep nesting is refused before it costs memory") {
  std::string deep = "{\"format\": " + std::string(10000, '[') + std::string(10000, ']') + "}";
  Error e = load_text(deep);
  CHECK(e.code == "dataset_value");
  CHECK(e.message.find("nested deeper than") != std::string::npos);
}

TEST_CASE("duplicate keys are reported with their path") {
  Error e = load_text(R"({"format": "salary-dataset/1", "sources": {"a": {}, "a": {}}})");
  CHECK(e.code == "dataset_duplicate");
  CHECK(e.message == "/sources/a: key appears twice");
  Error in_array = load_text(R"({"list": [{"x": 1}, {"y": 1, "y": 2}]})");
  CHECK(in_array.message == "/list/1/y: key appears twice");
}

TEST_CASE("wrong format and version") {
  CHECK(load_with("/format", "salary-dataset/2").message.rfind("/format:", 0) == 0);
  CHECK(load_with("/version", 3).message == "/version: must be a string, not a number");
}

TEST_CASE("wage rows") {
  SUBCASE("non-increasing percentiles") {
    Error e = load_with("/occupations/15-1252/areas/CA/p75", 150000);
    CHECK(e.code == "dataset_order");
    CHECK(e.message == "/occupations/15-1252/areas/CA/p75: must be > p50 (150000 <= 170910)");
  }
  SUBCASE("negative wage") {
    Error e = load_with("/occupations/15-1252/areas/US/p10", -5);
    CHECK(e.code == "dataset_value");
    CHECK(e.message == "/occupations/15-1252/areas/US/p10: must be >= 0");
  }
  SUBCASE("absurd wage") {
    CHECK(load_with("/occupations/15-1252/areas/US/p90", 1e12).code == "dataset_value");
  }
  SUBCASE("wrong type") {
    Error e = load_with("/occupations/15-1252/areas/TX/p50", "133080");
    CHECK(e.code == "dataset_type");
    CHECK(e.message == "/occupations/15-1252/areas/TX/p50: must be a number, not a string");
  }
  SUBCASE("missing percentile") {
    Error e = load_without("/occupations/15-1252/areas/TX", "p25");
    CHECK(e.code == "dataset_missing");
    CHECK(e.message == "/occupations/15-1252/areas/TX/p25: is required");
  }
  SUBCASE("a published point after a top-coded one") {
    ordered_json doc = shipped_json();
    doc["occupations"]["15-1252"]["areas"]["TX"]["p75"] = nullptr;
    auto r = load_dataset(doc.dump());
    CHECK(r.error().code == "dataset_order");
    CHECK(r.error().message.rfind("/occupations/15-1252/areas/TX/p90:", 0) == 0);
  }
  SUBCASE("unknown area") {
    ordered_json doc = shipped_json();
    doc["occupations"]["15-1252"]["areas"]["ZZ"] = doc["occupations"]["15-1252"]["areas"]["TX"];
    auto r = load_dataset(doc.dump());
    CHECK(r.error().code == "dataset_reference");
    CHECK(r.error().message == "/occupations/15-1252/areas/ZZ: unknown area \"ZZ\"");
  }
}

TEST_CASE("references") {
  SUBCASE("dangling source id") {
    Error e = load_with("/occupations/15-1252/source", "bls-oews-1999");
    CHECK(e.code == "dataset_reference");
    CHECK(e.message == "/occupations/15-1252/source: unknown source id \"bls-oews-1999\" (not in /sources)");
  }
  SUBCASE("metro spanning an unknown state") {
    Error e = load_with("/areas/41940/states/0", "XX");
    CHECK(e.code == "dataset_reference");
    CHECK(e.message == "/areas/41940/states/0: \"XX\" is not a state area");
  }
  SUBCASE("price parity for an unknown area") {
    Error e = load_with("/price_parities/states/values/ZZ", 100);
    CHECK(e.code == "dataset_reference");
  }
  SUBCASE("metro wage for a state") {
    CHECK(load_with("/metro_wages/metros/TX", ordered_json{{"value", 1}}).code == "dataset_reference");
  }
}

TEST_CASE("areas, levels, factors") {
  CHECK(load_with("/areas/TX/kind", "province").code == "dataset_value");
  CHECK(load_without("/areas", "US").message == "/areas/US: is required and must be the nation");
  CHECK(load_with("/experience_levels/0/band", ordered_json::array({25, 10})).code == "dataset_order");
  Error premium = load_with("/factors/skills/0/premium", ordered_json{{"low", 0.2}, {"high", 0.1}});
  CHECK(premium.code == "dataset_order");
  CHECK(premium.message == "/factors/skills/0/premium/high: must be >= low");
  ordered_json doc = shipped_json();
  doc["factors"]["skills"].push_back(doc["factors"]["skills"][0]);
  auto dup = load_dataset(doc.dump());
  CHECK(dup.error().code == "dataset_duplicate");
}
