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
    CHECK(e.message == "/areas/41940/states/0: \"XX\" is not a state or territory area");
  }
  SUBCASE("price parity for an unknown area") {
    Error e = load_with("/price_parities/states/values/ZZ", 100);
    CHECK(e.code == "dataset_reference");
  }
  SUBCASE("wage-area figures for a state, an unknown occupation or an unknown source") {
    Error e = load_with("/prevailing_wages/levels/15-1252/TX", ordered_json::array({1, 2, 3, 4}));
    CHECK(e.code == "dataset_reference");
    CHECK(e.message == "/prevailing_wages/levels/15-1252/TX: \"TX\" is not a metro or nonmetro area");
    CHECK(load_with("/metro_medians/values/15-1252/CA", 100000).code == "dataset_reference");
    CHECK(load_with("/prevailing_wages/levels/99-9999", ordered_json::object()).code == "dataset_reference");
    CHECK(load_with("/metro_medians/source", "bls-oews-1999").code == "dataset_reference");
    CHECK(load_with("/price_parities/portions/values/41940", ordered_json{{"metro", 100}}).code ==
          "dataset_reference");
  }
}

TEST_CASE("wage areas and their levels") {
  SUBCASE("levels are four increasing wages") {
    Error e = load_with("/prevailing_wages/levels/15-1252/10180/2", 86278);
    CHECK(e.code == "dataset_order");
    CHECK(e.message == "/prevailing_wages/levels/15-1252/10180/2: must be > level 2 (86278 <= 86278)");
    CHECK(load_with("/prevailing_wages/levels/15-1252/10180", ordered_json::array({1, 2, 3})).code ==
          "dataset_value");
    CHECK(load_with("/prevailing_wages/levels/15-1252/10180/0", "66768").code == "dataset_type");
    CHECK(load_with("/prevailing_wages/levels/15-1252/10180/0", -1).code == "dataset_value");
  }
  SUBCASE("a wage area names states or territories and lists counties as strings") {
    CHECK(load_with("/areas/10380/states", ordered_json::array()).code == "dataset_value");
    CHECK(load_with("/areas/10380/counties/0", 7).code == "dataset_type");
    CHECK(load_with("/areas/10380/counties", "Aguada Municipio, PR").code == "dataset_type");
    CHECK(load_with("/areas/10180/kind", "micro").code == "dataset_value");
  }
  SUBCASE("the wage-area sections are optional: an older dataset still loads") {
    ordered_json doc = shipped_json();
    doc.erase("prevailing_wages");
    doc.erase("metro_medians");
    doc["price_parities"].erase("portions");
    for (auto& [code, area] : doc["areas"].items()) area.erase("counties");
    auto r = load_dataset(doc.dump());
    REQUIRE(r.ok());
    CHECK(r->prevailing_wages.levels.empty());
    CHECK(r->find_area("10180")->counties.empty());
  }
  SUBCASE("the shipped figures") {
    const Dataset& data = test::shipped();
    // Sussex County, DE (oflc_alc_2025-26_levels_selected.csv, area 1000005, 15-1252).
    const WageLevels* sussex = data.prevailing_wages.find("15-1252", "1000005");
    REQUIRE(sussex);
    CHECK(*sussex == WageLevels{89149, 107078, 125029, 142958});
    CHECK(data.prevailing_wages.find("15-1254", "1000005") == nullptr);  // DOL's table has no 15-1254
    CHECK(*data.metro_medians.find("15-1252", "41940") == 208270);       // BLS, San Jose
    CHECK(data.nonmetro_portions.values.count("DE") == 0);              // PARPP writes 0.000: none
    CHECK(data.find_area("47900")->states == std::vector<std::string>{"DC", "VA", "MD", "WV"});
    CHECK(data.find_area("32420")->name == "Mayagüez, PR");  // the geography file's U+0081 fixed
    size_t areas = 0, counties = 0;
    for (const auto& [code, a] : data.areas)
      if (is_wage_area(a.kind)) ++areas, counties += a.counties.size();
    CHECK(areas == 530);
    CHECK(counties == 3275);
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
