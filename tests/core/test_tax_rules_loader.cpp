// The rules added to /tax (core/src/tax_rules_loader.cpp): a small valid document with every kind
// of rule, then one broken copy per check, each refused with its error code and JSON Pointer.
#include <doctest/doctest.h>

#include <functional>

#include "tax_loader.hpp"

using namespace salary;
using salary::detail::json;

namespace {

const char* const kValid = R"({"tax": {
  "federal": {"source": "irs", "years": {"2026": {
    "brackets": {"single": [[0, 0.1]], "joint": [[0, 0.1]], "separate": [[0, 0.1]], "head_of_household": [[0, 0.1]]},
    "standard_deduction": {"single": 16100, "joint": 32200, "separate": 16100, "head_of_household": 24150},
    "social_security": {"rate": 0.062, "wage_base": 184500},
    "medicare": {"rate": 0.0145, "additional_rate": 0.009,
                 "additional_threshold": {"single": 200000, "joint": 250000, "separate": 125000, "head_of_household": 200000}}}}},
  "states": {"source": "st", "years": {"2026": {
    "NY": {"type": "brackets", "brackets": {"single": [[0, 0.04], [80650, 0.06]], "joint": [[0, 0.04], [161550, 0.06]]},
           "pretax": {"hsa": false, "source": "st", "note": "HSA taxed."},
           "items": [
             {"id": "ded", "kind": "deduction", "label": "Exemption", "source": "st", "amount": {"single": 1000, "joint": 2000},
              "phase": {"kind": "steps", "income": "federal_agi", "start": {"single": 1e5, "joint": 2e5},
                        "step": {"single": 2500, "joint": 2500}, "per_step": {"single": 6, "joint": 12}}},
             {"id": "lin", "kind": "deduction", "label": "Standard", "source": "st", "amount": {"single": 9000, "joint": 18000},
              "phase": {"kind": "linear", "rates": {"single": [[0, 0], [2e5, 0.03]], "joint": [[0, 0], [3e5, 0.03]]},
                        "floor": {"single": 1800, "joint": 3600}}},
             {"id": "band", "kind": "deduction", "label": "Banded", "source": "st",
              "phase": {"kind": "bands", "bands": {"single": [[0, 3200], [1e5, 1600]], "joint": [[0, 6400], [1.5e5, 3200]]}}},
             {"id": "fed", "kind": "federal_tax_deduction", "label": "Federal tax", "source": "st", "share": [[0, 0.35], [25000, 0]]},
             {"id": "fica", "kind": "payroll_tax_deduction", "label": "FICA", "source": "st", "amount": {"single": 2000, "joint": 2000}},
             {"id": "rec", "kind": "bracket_recapture", "label": "Recapture", "source": "st", "agi_threshold": 107650, "phase_in": 50000},
             {"id": "add", "kind": "addition", "label": "Add-back", "source": "st", "amount": {"single": 250, "joint": 500},
              "phase": {"kind": "steps", "start": {"single": 56500, "joint": 100500}, "step": {"single": 5000, "joint": 5000},
                        "per_step": {"single": 25, "joint": 50}}},
             {"id": "cr", "kind": "credit", "label": "Credit", "source": "st", "amount": {"single": 153, "joint": 306},
              "phase": {"kind": "cliff", "start": {"single": 1e5, "joint": 2e5}}},
             {"id": "inc", "kind": "income_addition", "label": "Addback", "source": "st",
              "phase": {"kind": "bands", "bands": {"single": [[0, 0], [3e5, 3750]], "joint": [[0, 0], [3e5, 15500]]}}}],
           "not_modelled": ["the household credit."]}}}},
  "payroll": {"years": {"2026": {"NY": [
    {"id": "pfl", "label": "PFL", "source": "st", "rate": 0.00432, "annual_max": 411.91, "wages": "gross"},
    {"id": "wbf", "label": "WBF", "source": "st", "rate": 0, "per_hour": 0.009, "per_year": 9, "wage_base": 184500, "wages": "fica"}]}}},
  "local": {"years": {"2026": {"NY": {"required": false, "localities": [
    {"id": "nyc", "name": "New York City", "kind": "city", "taxes": [
      {"id": "nyc_tax", "label": "NYC", "base": "state_taxable_income", "source": "st",
       "brackets": {"single": [[0, 0.03078]], "joint": [[0, 0.03078]]},
       "credits": [{"id": "school", "kind": "credit", "label": "School", "source": "st", "amount": {"single": 63, "joint": 125}}]},
      {"id": "arts", "label": "Arts", "base": "none", "source": "st", "fixed": {"single": 35, "joint": 35},
       "fixed_above": {"single": 15960, "joint": 21640}},
      {"id": "wage", "label": "Wage", "base": "wages", "source": "st", "rate": 0.024, "exemption": {"single": 600, "joint": 1200},
       "pretax": {"retirement": false, "source": "st"}},
      {"id": "band", "label": "Banded", "base": "state_taxable_income", "source": "st",
       "bands": {"single": [[0, 0.0225], [25000, 0.0275]], "joint": [[0, 0.0225], [25000, 0.0275]]}}]}]}}}},
  "limits": {"years": {"2026": {
    "retirement": {"limit": 24500, "catch_up": 8000, "catch_up_age": 50, "super_catch_up": 11250,
                   "super_catch_up_ages": [60, 63], "roth_catch_up_wages": 150000, "source": "irs"},
    "hsa": {"self": 4400, "family": 8750, "catch_up": 1000, "catch_up_age": 55, "source": "irs"},
    "fsa": {"health": 3400, "source": "irs"}}}}
}})";

struct Loaded {
  bool ok = false;
  Error error;
  TaxTables tables;
};

Loaded load(const json& doc) {
  std::map<std::string, Source> sources;
  for (const char* id : {"irs", "st"}) sources[id] = Source{id, "Publisher", "Title", "", "", ""};
  std::map<std::string, Area> areas;
  areas["NY"] = Area{"NY", "New York", AreaKind::kState, {}};
  detail::Reader r;
  Loaded out;
  out.ok = detail::load_tax(r, doc, sources, areas, out.tables);
  if (!out.ok) out.error = r.error();
  return out;
}

json valid() {
  json doc = json::parse(kValid, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

void expect_error(const std::function<void(json&)>& edit, const char* code, const std::string& message) {
  json doc = valid();
  edit(doc);
  Loaded l = load(doc);
  REQUIRE_FALSE(l.ok);
  CHECK(l.error.code == code);
  CHECK(l.error.message == message);
}

json& ny(json& d) { return d["tax"]["states"]["years"]["2026"]["NY"]; }
json& items(json& d) { return ny(d)["items"]; }
json& programs(json& d) { return d["tax"]["payroll"]["years"]["2026"]["NY"]; }
json& nyc(json& d) { return d["tax"]["local"]["years"]["2026"]["NY"]["localities"][0]; }
json& limits(json& d) { return d["tax"]["limits"]["years"]["2026"]; }

}  // namespace

TEST_CASE("tax rules: a valid document with every kind of rule") {
  Loaded l = load(valid());
  REQUIRE_MESSAGE(l.ok, l.error.message);
  const StateTax& st = l.tables.states.at(2026).at("NY");
  CHECK_FALSE(st.pretax.hsa);
  CHECK(st.pretax.retirement);
  REQUIRE(st.items.size() == 9);
  CHECK(st.items[0].phase.kind == PhaseKind::kSteps);
  CHECK(st.items[0].phase.income == PhaseIncome::kFederalAgi);
  CHECK(st.items[0].phase.per_step.joint == 12);
  CHECK(st.items[1].phase.rates_single[1].rate == doctest::Approx(0.03));
  CHECK(st.items[1].phase.floor.single == 1800);
  CHECK_FALSE(st.items[2].amount.has_value());
  CHECK(st.items[2].phase.bands_joint[1].rate == 3200);
  CHECK(st.items[3].share[0].rate == doctest::Approx(0.35));
  CHECK(st.items[5].kind == TaxItemKind::kBracketRecapture);
  const LocalTax& arts = l.tables.local.at(2026).at("NY").localities[0].taxes[1];
  CHECK(arts.fixed.single == 35);
  CHECK(arts.fixed_above.joint == 21640);
  CHECK(st.items[8].kind == TaxItemKind::kIncomeAddition);
  CHECK(st.not_modelled == std::vector<std::string>{"the household credit."});
  const auto& pay = l.tables.payroll.at(2026).at("NY");
  REQUIRE(pay.size() == 2);
  CHECK(pay[0].annual_max == 411.91);
  CHECK(pay[0].wages == PayrollWages::kGross);
  CHECK(pay[1].per_hour == doctest::Approx(0.009));
  CHECK(pay[1].per_year == 9);
  const StateLocalities& places = l.tables.local.at(2026).at("NY");
  REQUIRE(places.localities.size() == 1);
  const Locality& city = places.localities[0];
  CHECK(city.name == "New York City");
  REQUIRE(city.taxes.size() == 4);
  CHECK(city.taxes[0].credits.size() == 1);
  CHECK(city.taxes[1].base == LocalBase::kNone);
  CHECK(city.taxes[2].exemption.joint == 1200);
  CHECK_FALSE(city.taxes[2].pretax.retirement);
  CHECK(city.taxes[3].bands_single.size() == 2);
  const ContributionLimits& lim = l.tables.limits.at(2026);
  CHECK(lim.retirement == 24500);
  CHECK(lim.super_catch_up_to == 63);
  CHECK(lim.roth_catch_up_wages == 150000);
  CHECK(lim.hsa_family == 8750);
  CHECK(lim.fsa == 3400);
}

TEST_CASE("tax rules: income tax items") {
  expect_error([](json& d) { items(d)[0]["kind"] = "exemption"; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/0/kind: must be one of deduction, federal_tax_deduction, "
               "payroll_tax_deduction, bracket_recapture, addition, credit, income_addition, not \"exemption\"");
  expect_error([](json& d) { items(d)[0]["source"] = "nowhere"; }, code::kDatasetReference,
               "/tax/states/years/2026/NY/items/0/source: unknown source id \"nowhere\" (not in /sources)");
  expect_error([](json& d) { items(d)[1]["id"] = "ded"; }, code::kDatasetDuplicate,
               "/tax/states/years/2026/NY/items/1/id: duplicate id \"ded\"");
  expect_error([](json& d) { items(d)[0].erase("amount"); }, code::kDatasetMissing,
               "/tax/states/years/2026/NY/items/0/amount: is required");
  expect_error([](json& d) { items(d)[0]["phase"]["step"]["joint"] = 0; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/0/phase/step: must be > 0 for both filing statuses");
  expect_error([](json& d) { items(d)[0]["phase"]["income"] = "gross"; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/0/phase/income: must be one of agi, federal_agi, taxable_income, not \"gross\"");
  expect_error([](json& d) { items(d)[1]["phase"]["rates"]["single"][1][1] = 3; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/1/phase/rates/single/1/1: must be <= 1");
  expect_error([](json& d) { items(d)[2]["phase"]["bands"]["joint"][1][0] = 0; }, code::kDatasetOrder,
               "/tax/states/years/2026/NY/items/2/phase/bands/joint/1/0: must be > 0");
  expect_error([](json& d) { items(d)[3]["share"][0][1] = 1.5; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/3/share/0/1: must be <= 1");
  expect_error([](json& d) { items(d)[5].erase("phase_in"); }, code::kDatasetMissing,
               "/tax/states/years/2026/NY/items/5/phase_in: is required");
  expect_error([](json& d) { items(d)[6]["phase"]["kind"] = "cliff"; }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items/6/phase: an addition phases in by steps");
  expect_error([](json& d) { ny(d)["type"] = "flat"; ny(d)["rate"] = 0.05; ny(d).erase("brackets"); }, code::kDatasetValue,
               "/tax/states/years/2026/NY/items: a bracket recapture needs type \"brackets\"");
  expect_error([](json& d) { ny(d)["not_modelled"][0] = ""; }, code::kDatasetType,
               "/tax/states/years/2026/NY/not_modelled/0: must be a non-empty string");
  expect_error([](json& d) { ny(d)["pretax"]["hsa"] = "no"; }, code::kDatasetType,
               "/tax/states/years/2026/NY/pretax/hsa: must be true or false");
}

TEST_CASE("tax rules: payroll programs") {
  expect_error([](json& d) { programs(d)[0]["rate"] = 1.2; }, code::kDatasetValue,
               "/tax/payroll/years/2026/NY/0/rate: must be <= 1");
  expect_error([](json& d) { programs(d)[0]["wages"] = "net"; }, code::kDatasetValue,
               "/tax/payroll/years/2026/NY/0/wages: must be one of gross, fica, federal, state, not \"net\"");
  expect_error([](json& d) { programs(d)[1]["wage_base"] = -1; }, code::kDatasetValue,
               "/tax/payroll/years/2026/NY/1/wage_base: must be >= 0");
  expect_error([](json& d) { programs(d)[1]["id"] = "pfl"; }, code::kDatasetDuplicate,
               "/tax/payroll/years/2026/NY/1/id: duplicate id \"pfl\"");
  expect_error([](json& d) { d["tax"]["payroll"]["years"]["2026"]["ZZ"] = json::array(); }, code::kDatasetReference,
               "/tax/payroll/years/2026/ZZ: \"ZZ\" is not a state area");
  expect_error([](json& d) { d["tax"]["payroll"]["years"]["2031"] = json::object(); }, code::kDatasetReference,
               "/tax/payroll/years/2031: has no federal table (not in /tax/federal/years)");
}

TEST_CASE("tax rules: local taxes") {
  expect_error([](json& d) { nyc(d)["taxes"][0]["base"] = "income"; }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes/0/base: must be one of state_taxable_income, state_tax, "
               "wages, none, not \"income\"");
  expect_error([](json& d) { nyc(d)["taxes"][2]["brackets"] = nyc(d)["taxes"][0]["brackets"]; }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes/2: must give one of rate, brackets or bands, not several");
  expect_error([](json& d) { nyc(d)["taxes"][2].erase("rate"); }, code::kDatasetMissing,
               "/tax/local/years/2026/NY/localities/0/taxes/2/rate: is required (or brackets, or bands)");
  expect_error([](json& d) { nyc(d)["taxes"][1]["rate"] = 0.01; }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes/1/base: \"none\" is only for a fixed amount");
  expect_error([](json& d) { nyc(d)["taxes"][1]["fixed_above"]["joint"] = -1; }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes/1/fixed_above/joint: must be >= 0");
  expect_error([](json& d) { nyc(d)["taxes"][0]["credits"][0]["kind"] = "deduction"; }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes/0/credits: may hold only credits");
  expect_error([](json& d) { nyc(d)["taxes"] = json::array(); }, code::kDatasetValue,
               "/tax/local/years/2026/NY/localities/0/taxes: must list at least one tax");
  expect_error([](json& d) { d["tax"]["local"]["years"]["2026"]["NY"]["localities"].push_back(nyc(d)); },
               code::kDatasetDuplicate, "/tax/local/years/2026/NY/localities/1/id: duplicate id \"nyc\"");
}

TEST_CASE("tax rules: contribution limits") {
  expect_error([](json& d) { limits(d)["retirement"].erase("limit"); }, code::kDatasetMissing,
               "/tax/limits/years/2026/retirement/limit: is required");
  expect_error([](json& d) { limits(d)["retirement"]["super_catch_up_ages"] = json::array({63, 60}); }, code::kDatasetValue,
               "/tax/limits/years/2026/retirement/super_catch_up_ages/1: must be >= 63");
  expect_error([](json& d) { limits(d)["hsa"]["family"] = -5; }, code::kDatasetValue,
               "/tax/limits/years/2026/hsa/family: must be >= 0");
  expect_error([](json& d) { limits(d)["fsa"]["source"] = "x"; }, code::kDatasetReference,
               "/tax/limits/years/2026/fsa/source: unknown source id \"x\" (not in /sources)");
}
