// The dataset's limits (docs/dataset.md, "Limits"; core/src/dataset_limits.hpp): a dataset at a
// limit loads, one entry or character over it is refused with the path and the limit; and the
// listings keep the document's order however many entries there are. (How loading time grows with
// the entries is a benchmark figure, scripts/bench-loading.mjs, not a test.)
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "dataset_limits.hpp"
#include "salary/dataset.hpp"
#include "test_support.hpp"

using namespace salary;
namespace limits = salary::detail::limits;
// Sorted objects: building a document of thousands of keys stays fast (the loader does not care
// about the order its text is written in, except for the listings' order, tested below).
using json = nlohmann::json;

namespace {

json shipped_doc() {
  static const json doc = json::parse(test::read_file(SALARY_DATA_PATH));
  return doc;
}

Result<Dataset> load(const json& doc) { return load_dataset(doc.dump()); }

std::string message_of(const json& doc) {
  auto r = load(doc);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "dataset_value");
  return r.error().message;
}

// The shipped dataset with metro areas added until there are `total` areas.
json with_areas(size_t total) {
  json doc = shipped_doc();
  for (size_t i = 0; doc["areas"].size() < total; ++i)
    doc["areas"][std::to_string(90000 + i)] = {{"name", "Made-up metro"}, {"kind", "metro"}, {"states", {"TX"}}};
  return doc;
}

// The shipped dataset with skill factors added until there are `total` skills.
json with_skills(size_t total) {
  json doc = shipped_doc();
  json& skills = doc["factors"]["skills"];
  json model = skills[0];
  for (size_t i = 0; skills.size() < total; ++i) {
    model["id"] = "made-up-" + std::to_string(i);
    skills.push_back(model);
  }
  return doc;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("entries: at a limit loads, one over is refused with the path and the limit") {
  SUBCASE("areas") {
    CHECK(load(with_areas(limits::kAreas)).ok());
    CHECK(message_of(with_areas(limits::kAreas + 1)) == "/areas: lists 10001 areas; the limit is 10000");
  }
  SUBCASE("skills") {
    CHECK(load(with_skills(limits::kFactors)).ok());
    CHECK(message_of(with_skills(limits::kFactors + 1)) == "/factors/skills: lists 501 factors; the limit is 500");
  }
  SUBCASE("sources") {
    json doc = shipped_doc();
    for (size_t i = 0; doc["sources"].size() <= limits::kSources; ++i)
      doc["sources"]["made-up-" + std::to_string(i)] = {{"publisher", "p"}, {"title", "t"}};
    CHECK(message_of(doc) == "/sources: lists 1001 sources; the limit is 1000");
  }
  SUBCASE("occupations") {
    json doc = shipped_doc();
    json model = doc["occupations"]["15-1252"];
    for (size_t i = 0; doc["occupations"].size() <= limits::kOccupations; ++i)
      doc["occupations"]["99-" + std::to_string(1000 + i)] = model;
    CHECK(message_of(doc) == "/occupations: lists 1001 occupations; the limit is 1000");
  }
  SUBCASE("experience levels") {
    json doc = shipped_doc();
    json model = doc["experience_levels"][0];
    for (size_t i = 0; doc["experience_levels"].size() <= limits::kExperienceLevels; ++i) {
      model["id"] = "level-" + std::to_string(i);
      doc["experience_levels"].push_back(model);
    }
    CHECK(message_of(doc) == "/experience_levels: lists 21 experience levels; the limit is 20");
  }
  SUBCASE("compensation norms and published estimates") {
    json doc = shipped_doc();
    json norm = doc["compensation_norms"][0];
    while (doc["compensation_norms"].size() <= limits::kCompensationNorms) doc["compensation_norms"].push_back(norm);
    CHECK(message_of(doc) == "/compensation_norms: lists 1001 compensation norms; the limit is 1000");
    doc = shipped_doc();
    json estimate = doc["published_estimates"][0];
    while (doc["published_estimates"].size() <= limits::kPublishedEstimates) doc["published_estimates"].push_back(estimate);
    CHECK(message_of(doc) == "/published_estimates: lists 1001 published estimates; the limit is 1000");
  }
  SUBCASE("a metro's states, an occupation's gaps") {
    json doc = shipped_doc();
    doc["areas"]["41940"]["states"] = json::array();
    for (size_t i = 0; i <= limits::kMetroStates; ++i) doc["areas"]["41940"]["states"].push_back("CA");
    CHECK(message_of(doc) == "/areas/41940/states: lists 11 states; the limit is 10");
    doc = shipped_doc();
    doc["occupations"]["15-1252"]["gaps"] = json::array();
    for (size_t i = 0; i <= limits::kGaps; ++i)
      doc["occupations"]["15-1252"]["gaps"].push_back({{"area", "AR"}, {"reason", "none"}});
    CHECK(message_of(doc) == "/occupations/15-1252/gaps: lists 1001 gaps; the limit is 1000");
  }
  SUBCASE("an occupation's national trend, the occupations a factor names") {
    json doc = shipped_doc();
    json& trend = doc["occupations"]["15-1252"]["national_trend"];
    json point = trend[0];
    while (trend.size() < limits::kTrendReleases) trend.push_back(point);
    CHECK(load(doc).ok());
    trend.push_back(point);
    CHECK(message_of(doc) == "/occupations/15-1252/national_trend: lists 51 releases; the limit is 50");
    doc = shipped_doc();
    json& measured = doc["factors"]["skills"][0]["occupations"];
    while (measured.size() <= limits::kOccupations) measured.push_back("15-1252");
    CHECK(message_of(doc) == "/factors/skills/0/occupations: lists 1001 occupations; the limit is 1000");
  }
  SUBCASE("tax years and brackets") {
    json doc = shipped_doc();
    json& single = doc["tax"]["federal"]["years"]["2026"]["brackets"]["single"];
    single = json::array();
    for (size_t i = 0; i <= limits::kBrackets; ++i) single.push_back({i * 1000, 0.1});
    CHECK(message_of(doc) == "/tax/federal/years/2026/brackets/single: lists 101 brackets; the limit is 100");
    doc = shipped_doc();
    json year = doc["tax"]["federal"]["years"]["2026"];
    for (int y = 2000; doc["tax"]["federal"]["years"].size() <= limits::kTaxYears; ++y)
      doc["tax"]["federal"]["years"][std::to_string(y)] = year;
    CHECK(message_of(doc) == "/tax/federal/years: lists 51 years; the limit is 50");
  }
}

TEST_CASE("text: keys and the strings the loader reads are capped in characters, not bytes") {
  SUBCASE("a label at the limit loads, even in two-byte characters; one more is refused") {
    json doc = shipped_doc();
    doc["occupations"]["15-1252"]["title"] = repeat("é", limits::kLabelChars);  // 400 bytes
    CHECK(load(doc).ok());
    doc["occupations"]["15-1252"]["title"] = repeat("é", limits::kLabelChars + 1);
    CHECK(message_of(doc) == "/occupations/15-1252/title: is 201 characters long; the limit is 200");
  }
  SUBCASE("a megabyte label (rendered in several places by the widget) is refused") {
    json doc = shipped_doc();
    doc["areas"]["TX"]["name"] = std::string(1 << 20, 'x');
    CHECK(message_of(doc).rfind("/areas/TX/name: is 1048576 characters long", 0) == 0);
  }
  SUBCASE("notes and URLs may be longer than labels, up to the text limit") {
    json doc = shipped_doc();
    doc["factors"]["skills"][0]["note"] = std::string(limits::kTextChars, 'n');
    doc["sources"]["seed-000"]["url"] = "https://example.com/" + std::string(900, 'u');
    CHECK(load(doc).ok());
    doc["factors"]["skills"][0]["note"] = std::string(limits::kTextChars + 1, 'n');
    CHECK(message_of(doc) == "/factors/skills/0/note: is 1001 characters long; the limit is 1000");
  }
  SUBCASE("ids are capped like keys") {
    json doc = shipped_doc();
    doc["factors"]["skills"][0]["id"] = std::string(limits::kKeyChars + 1, 'i');
    CHECK(message_of(doc) == "/factors/skills/0/id: is 101 characters long; the limit is 100");
  }
  SUBCASE("a key, anywhere: its path shows the start of it") {
    json doc = shipped_doc();
    doc["areas"][std::string(limits::kKeyChars + 1, 'k')] = {{"name", "n"}, {"kind", "state"}};
    CHECK(message_of(doc) == "/areas/" + std::string(40, 'k') + "…: key is 101 characters long; the limit is 100");
  }
}

TEST_CASE("the listings follow the document's order, however many entries") {
  // Areas and occupations written in descending order: the loader keeps that order (its objects
  // are sorted maps, so the order comes from the text, not from the document tree).
  json doc = with_areas(5000);
  std::string text = doc.dump();
  std::vector<std::string> codes;
  for (const auto& [code, area] : doc["areas"].items()) codes.push_back(code);
  std::string areas_text = "{";
  for (auto it = codes.rbegin(); it != codes.rend(); ++it)
    areas_text += (it == codes.rbegin() ? "" : ",") + json(*it).dump() + ":" + doc["areas"][*it].dump();
  areas_text += "}";
  json without = doc;
  without["areas"] = "AREAS";
  std::string reordered = without.dump();
  reordered.replace(reordered.find("\"AREAS\""), 7, areas_text);
  auto r = load_dataset(reordered);
  REQUIRE(r.ok());
  REQUIRE(r->area_order.size() == codes.size());
  CHECK(r->area_order.front() == codes.back());
  CHECK(r->area_order.back() == codes.front());
  CHECK(std::equal(r->area_order.begin(), r->area_order.end(), codes.rbegin()));
}
