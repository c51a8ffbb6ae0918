// The /tax loader: a small valid document, then one broken copy per rule, checking the error code
// and the JSON Pointer the message starts with.
#include <doctest/doctest.h>

#include <functional>

#include "tax_loader.hpp"

using namespace salary;
using salary::detail::json;

namespace {

const char* const kValid = R"({
  "tax": {
    "federal": {"source": "irs", "years": {"2026": {
      "brackets": {
        "single": [[0, 0.10], [12400, 0.12], [50400, 0.22], [105700, 0.24]],
        "joint": [[0, 0.10], [24800, 0.12]],
        "separate": [[0, 0.10], [12400, 0.12]],
        "head_of_household": [[0, 0.10], [17700, 0.12]]
      },
      "standard_deduction": {"single": 16100, "joint": 32200, "separate": 16100, "head_of_household": 24150},
      "social_security": {"rate": 0.062, "wage_base": 184500},
      "medicare": {"rate": 0.0145, "additional_rate": 0.009,
                   "additional_threshold": {"single": 200000, "joint": 250000, "separate": 125000,
                                            "head_of_household": 200000}}
    }}},
    "states": {"source": "states", "years": {"2026": {
      "TX": {"type": "none"},
      "IL": {"type": "flat", "rate": 0.0495},
      "CA": {"type": "brackets", "brackets": {"single": [[0, 0.01], [11079, 0.02]],
                                              "joint": [[0, 0.01], [22158, 0.02]]},
             "standard_deduction": {"single": 5706, "joint": 11412},
             "surtax": [[1000000, 0.01]], "note": "Mental Health Services Tax included."},
      "CO": {"type": "flat", "rate": 0.044, "base": "federal_taxable_income"},
      "MA": {"type": "flat", "rate": 0.05, "surtax": [[0, 0], [1083150, 0.04]], "base": "wages"}
    }}}
  }
})";

std::map<std::string, Source> sources() {
  std::map<std::string, Source> s;
  for (const char* id : {"irs", "states"}) s[id] = Source{id, "Publisher", "Title", "", "", ""};
  return s;
}

std::map<std::string, Area> areas() {
  std::map<std::string, Area> a;
  a["US"] = Area{"US", "United States", AreaKind::kNation, {}};
  for (const char* code : {"TX", "IL", "CA", "CO", "MA"}) a[code] = Area{code, code, AreaKind::kState, {}};
  a["41940"] = Area{"41940", "San Jose", AreaKind::kMetro, {"CA"}};
  return a;
}

json valid() {
  json doc = json::parse(kValid, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

struct Loaded {
  bool ok = false;
  Error error;
  TaxTables tables;
};

Loaded load(const json& doc) {
  detail::Reader r;
  Loaded out;
  out.ok = detail::load_tax(r, doc, sources(), areas(), out.tables);
  CHECK(out.ok == r.ok());
  if (!out.ok) out.error = r.error();
  return out;
}

// Applies `edit` to a valid document and expects the loader to refuse it with `code` and a
// message equal to `message` (or, if `exact` is false, starting with it).
void expect_error(const std::function<void(json&)>& edit, const char* code, const std::string& message,
                  bool exact = true) {
  json doc = valid();
  edit(doc);
  Loaded l = load(doc);
  REQUIRE_FALSE(l.ok);
  CHECK(l.error.code == code);
  if (exact)
    CHECK(l.error.message == message);
  else
    CHECK_MESSAGE(l.error.message.rfind(message, 0) == 0, l.error.message);
}

json& fed(json& doc) { return doc["tax"]["federal"]["years"]["2026"]; }
json& st(json& doc) { return doc["tax"]["states"]["years"]["2026"]; }

}  // namespace

TEST_CASE("load_tax: a valid document") {
  Loaded l = load(valid());
  REQUIRE_MESSAGE(l.ok, l.error.message);
  const TaxTables& t = l.tables;
  CHECK(t.federal_source == "irs");
  CHECK(t.state_source == "states");
  REQUIRE(t.federal.count(2026) == 1);
  const FederalTaxYear& f = t.federal.at(2026);
  REQUIRE(f.brackets.at(FilingStatus::kSingle).size() == 4);
  CHECK(f.brackets.at(FilingStatus::kSingle)[3].threshold == 105700);
  CHECK(f.brackets.at(FilingStatus::kSingle)[3].rate == doctest::Approx(0.24));
  CHECK(f.brackets.size() == 4);
  CHECK(f.standard_deduction.at(FilingStatus::kHeadOfHousehold) == 24150);
  CHECK(f.social_security_rate == doctest::Approx(0.062));
  CHECK(f.social_security_wage_base == 184500);
  CHECK(f.medicare_rate == doctest::Approx(0.0145));
  CHECK(f.additional_medicare_rate == doctest::Approx(0.009));
  CHECK(f.additional_medicare_threshold.at(FilingStatus::kSeparate) == 125000);

  const auto& s = t.states.at(2026);
  CHECK(s.size() == 5);
  CHECK(s.at("TX").type == StateTaxType::kNone);
  CHECK(s.at("IL").type == StateTaxType::kFlat);
  CHECK(s.at("IL").flat_rate == doctest::Approx(0.0495));
  CHECK(s.at("IL").base == StateTaxBase::kWages);
  CHECK_FALSE(s.at("IL").standard_deduction_single.has_value());
  const StateTax& ca = s.at("CA");
  CHECK(ca.type == StateTaxType::kBrackets);
  CHECK(ca.single.size() == 2);
  CHECK(ca.joint[1].threshold == 22158);
  CHECK(ca.standard_deduction_single == 5706);
  CHECK(ca.standard_deduction_joint == 11412);
  REQUIRE(ca.surtax.size() == 1);
  CHECK(ca.surtax[0].threshold == 1000000);  // a surtax may start above 0
  CHECK(ca.note == "Mental Health Services Tax included.");
  CHECK(s.at("CO").base == StateTaxBase::kFederalTaxableIncome);
  CHECK(s.at("MA").surtax.size() == 2);
}

TEST_CASE("load_tax: structure and years") {
  expect_error([](json& d) { d.erase("tax"); }, code::kDatasetMissing, "/tax: is required");
  expect_error([](json& d) { d["tax"] = json::array(); }, code::kDatasetType, "/tax: must be an object, not an array");
  expect_error([](json& d) { d["tax"].erase("states"); }, code::kDatasetMissing, "/tax/states: is required");
  expect_error([](json& d) { d["tax"]["federal"]["years"] = json::object(); }, code::kDatasetValue,
               "/tax/federal/years: must list at least one year");
  expect_error([](json& d) { d["tax"]["federal"]["years"]["26"] = fed(d); }, code::kDatasetValue,
               "/tax/federal/years/26: must be a four-digit year from 2000 to 2100");
  expect_error([](json& d) { d["tax"]["federal"]["years"]["1999"] = fed(d); }, code::kDatasetValue,
               "/tax/federal/years/1999: must be a four-digit year from 2000 to 2100");
  expect_error([](json& d) { d["tax"]["federal"]["years"]["20x6"] = fed(d); }, code::kDatasetValue,
               "/tax/federal/years/20x6: must be a four-digit year from 2000 to 2100");
  expect_error([](json& d) { fed(d) = 5; }, code::kDatasetType,
               "/tax/federal/years/2026: must be an object, not a number");
  // The two halves cover the same years.
  expect_error([](json& d) { d["tax"]["states"]["years"]["2027"] = st(d); }, code::kDatasetReference,
               "/tax/states/years/2027: has no federal table (not in /tax/federal/years)");
  expect_error([](json& d) { d["tax"]["federal"]["years"]["2025"] = fed(d); }, code::kDatasetMissing,
               "/tax/states/years/2025: is required (/tax/federal/years has it)");
}

TEST_CASE("load_tax: source ids must exist") {
  expect_error([](json& d) { d["tax"]["federal"]["source"] = "nope"; }, code::kDatasetReference,
               "/tax/federal/source: unknown source id \"nope\" (not in /sources)");
  expect_error([](json& d) { d["tax"]["states"]["source"] = "nope"; }, code::kDatasetReference,
               "/tax/states/source: unknown source id \"nope\" (not in /sources)");
  expect_error([](json& d) { d["tax"]["states"].erase("source"); }, code::kDatasetMissing,
               "/tax/states/source: is required");
}

TEST_CASE("load_tax: federal tables need all four filing statuses") {
  expect_error([](json& d) { fed(d)["brackets"].erase("head_of_household"); }, code::kDatasetMissing,
               "/tax/federal/years/2026/brackets/head_of_household: is required");
  expect_error([](json& d) { fed(d)["standard_deduction"].erase("separate"); }, code::kDatasetMissing,
               "/tax/federal/years/2026/standard_deduction/separate: is required");
  expect_error([](json& d) { fed(d)["medicare"]["additional_threshold"].erase("joint"); },
               code::kDatasetMissing, "/tax/federal/years/2026/medicare/additional_threshold/joint: is required");
  expect_error([](json& d) { fed(d).erase("social_security"); }, code::kDatasetMissing,
               "/tax/federal/years/2026/social_security: is required");
  expect_error([](json& d) { fed(d)["social_security"]["wage_base"] = "184500"; }, code::kDatasetType,
               "/tax/federal/years/2026/social_security/wage_base: must be a number, not a string");
}

TEST_CASE("load_tax: bracket schedules") {
  const std::string single = "/tax/federal/years/2026/brackets/single";
  expect_error([](json& d) { fed(d)["brackets"]["single"][3][0] = 50400; }, code::kDatasetOrder,
               single + "/3/0: must be > 50400");
  expect_error([](json& d) { fed(d)["brackets"]["single"][3][0] = 40000; }, code::kDatasetOrder,
               single + "/3/0: must be > 50400");
  expect_error([](json& d) { fed(d)["brackets"]["single"][0][0] = 100; }, code::kDatasetValue,
               single + "/0/0: must be 0 (the first bracket starts at 0)");
  expect_error([](json& d) { fed(d)["brackets"]["single"][2][1] = 1.0; }, code::kDatasetValue,
               single + "/2/1: must be < 1");
  expect_error([](json& d) { fed(d)["brackets"]["single"][2][1] = 22; }, code::kDatasetValue,
               single + "/2/1: must be <= 1");
  expect_error([](json& d) { fed(d)["brackets"]["single"][2][1] = -0.1; }, code::kDatasetValue,
               single + "/2/1: must be >= 0");
  expect_error([](json& d) { fed(d)["brackets"]["single"][1][0] = -5; }, code::kDatasetValue,
               single + "/1/0: must be >= 0");
  expect_error([](json& d) { fed(d)["brackets"]["single"][3][0] = 2e9; }, code::kDatasetValue,
               single + "/3/0: must be <= 1000000000");
  expect_error([](json& d) { fed(d)["brackets"]["single"][1] = json::array({12400}); }, code::kDatasetValue,
               single + "/1: must be a [threshold, rate] pair");
  expect_error([](json& d) { fed(d)["brackets"]["single"][1] = json::object(); }, code::kDatasetType,
               single + "/1: must be a [threshold, rate] pair");
  expect_error([](json& d) { fed(d)["brackets"]["single"][1][0] = "12400"; }, code::kDatasetType,
               single + "/1/0: must be a number, not a string");
  expect_error([](json& d) { fed(d)["brackets"]["single"] = json::array(); }, code::kDatasetValue,
               single + ": must have at least one bracket");
  expect_error([](json& d) { fed(d)["brackets"]["single"] = json::object(); }, code::kDatasetType,
               single + ": must be an array, not an object");
}

TEST_CASE("load_tax: money and rates are in range") {
  expect_error([](json& d) { fed(d)["standard_deduction"]["joint"] = -1; }, code::kDatasetValue,
               "/tax/federal/years/2026/standard_deduction/joint: must be >= 0");
  expect_error([](json& d) { fed(d)["social_security"]["wage_base"] = 1e12; }, code::kDatasetValue,
               "/tax/federal/years/2026/social_security/wage_base: must be <= 1000000000");
  expect_error([](json& d) { fed(d)["social_security"]["rate"] = 6.2; }, code::kDatasetValue,
               "/tax/federal/years/2026/social_security/rate: must be <= 1");
  expect_error([](json& d) { fed(d)["medicare"]["additional_rate"] = 1; }, code::kDatasetValue,
               "/tax/federal/years/2026/medicare/additional_rate: must be < 1");
  expect_error([](json& d) { st(d)["IL"]["rate"] = 1; }, code::kDatasetValue,
               "/tax/states/years/2026/IL/rate: must be < 1");
}

TEST_CASE("load_tax: state tables") {
  const std::string path = "/tax/states/years/2026";
  expect_error([](json& d) { st(d)["ZZ"] = {{"type", "none"}}; }, code::kDatasetReference,
               path + "/ZZ: \"ZZ\" is not a state area");
  expect_error([](json& d) { st(d)["41940"] = {{"type", "none"}}; }, code::kDatasetReference,
               path + "/41940: \"41940\" is not a state area");
  expect_error([](json& d) { st(d)["US"] = {{"type", "none"}}; }, code::kDatasetReference,
               path + "/US: \"US\" is not a state area");
  expect_error([](json& d) { st(d)["TX"] = "none"; }, code::kDatasetType,
               path + "/TX: must be an object, not a string");
  expect_error([](json& d) { st(d)["TX"].erase("type"); }, code::kDatasetMissing, path + "/TX/type: is required");
  expect_error([](json& d) { st(d)["TX"]["type"] = "progressive"; }, code::kDatasetValue,
               path + "/TX/type: must be none, flat or brackets, not \"progressive\"");
  expect_error([](json& d) { st(d)["IL"].erase("rate"); }, code::kDatasetMissing, path + "/IL/rate: is required");
  expect_error([](json& d) { st(d)["TX"]["rate"] = 0.05; }, code::kDatasetValue,
               path + "/TX/rate: is only allowed when type is \"flat\"");
  expect_error([](json& d) { st(d)["IL"]["brackets"] = st(d)["CA"]["brackets"]; }, code::kDatasetValue,
               path + "/IL/brackets: is only allowed when type is \"brackets\"");
  expect_error([](json& d) { st(d)["CA"]["brackets"].erase("joint"); }, code::kDatasetMissing,
               path + "/CA/brackets/joint: is required");
  expect_error([](json& d) { st(d)["CA"].erase("brackets"); }, code::kDatasetMissing,
               path + "/CA/brackets: is required");
  expect_error([](json& d) { st(d)["CA"]["brackets"]["single"][1][0] = 0; }, code::kDatasetOrder,
               path + "/CA/brackets/single/1/0: must be > 0");
  expect_error([](json& d) { st(d)["CA"]["standard_deduction"].erase("joint"); }, code::kDatasetMissing,
               path + "/CA/standard_deduction/joint: is required");
  expect_error([](json& d) { st(d)["CO"]["base"] = "gross"; }, code::kDatasetValue,
               path + "/CO/base: must be wages or federal_taxable_income, not \"gross\"");
  expect_error([](json& d) { st(d)["MA"]["surtax"] = json::array({json::array({1083150, 0.04}), json::array({0, 0})}); },
               code::kDatasetOrder, path + "/MA/surtax/1/0: must be > 1083150");
  expect_error([](json& d) { st(d)["MA"]["surtax"] = 0.04; }, code::kDatasetType,
               path + "/MA/surtax: must be an array, not a number");
  expect_error([](json& d) { st(d)["CA"]["note"] = 5; }, code::kDatasetType,
               path + "/CA/note: must be a string, not a number");
}

TEST_CASE("load_tax: a failed load leaves the output untouched") {
  json doc = valid();
  st(doc)["TX"]["type"] = "bogus";
  detail::Reader r;
  TaxTables out;
  out.federal_source = "before";
  CHECK_FALSE(detail::load_tax(r, doc, sources(), areas(), out));
  CHECK(out.federal_source == "before");
  CHECK(out.federal.empty());
}
