// Every record the Calculator writes, checked against web/wasm/records.schema field by field and
// by name (the JavaScript reader is generated from that file): a writer that writes a field out
// of the schema's order, under another name, or one field more or fewer, fails here.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "calculator.hpp"
#include "record_schema.hpp"

using salary::Calculator;
using salary::ResultWriter;

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string& schema_text() {
  static const std::string text = read_file(SALARY_SCHEMA_PATH);
  return text;
}

Calculator& loaded() {
  static Calculator calc = [] {
    Calculator c;
    REQUIRE(c.load_json(read_file(SALARY_DATA_PATH)));
    return c;
  }();
  return calc;
}

const double kNoOffer = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("records.schema parses, and every record it refers to is declared") {
  wire::Schema schema = wire::parse_schema(schema_text());
  REQUIRE(schema.error == "");
  CHECK(schema.records.size() > 20);
  for (const auto& record : schema.records) {
    CAPTURE(record.first);
    CHECK(!record.second.empty());
  }
}

TEST_CASE("every Calculator method writes its record as records.schema lays it out") {
  wire::Schema schema = wire::parse_schema(schema_text());
  REQUIRE(schema.error == "");
  Calculator& calc = loaded();
  std::set<std::string> seen;
  // Each call, and the record it must have written: the method's own, or `error`.
  auto check = [&](bool ok, const char* record, const std::string& call) {
    CAPTURE(call);
    wire::TraceCheck checker(schema, calc.record().trace());
    CHECK(checker.check(ok ? record : "error") == "");
    seen.insert(checker.seen().begin(), checker.seen().end());
  };
  // Areas whose distributions differ in what is optional or estimated: the nation, a state with a
  // top-coded point, metros with DOL's levels (and one with BLS's median), a nonmetro area whose
  // price level is its state's portion's, a territory's metro (no price level: an error).
  for (const char* area : {"US", "CA", "TX", "12420", "41940", "4800001", "41980"}) {
    CAPTURE(area);
    check(calc.percentile_of(150000, "15-1252", area), "percentileOf", "percentile_of");
    check(calc.salary_at(90, "15-1254", area), "salaryAt", "salary_at");
    check(calc.estimate("15-1252", area, "senior", "cloud", "large-tech", "go,python", "django",
                        "aws-sa-pro", 190000),
          "estimate", "estimate with an offer and every kind of factor");
    check(calc.estimate("15-1252", area, "", "", "", "", "", "", kNoOffer), "estimate", "estimate, nothing else");
    check(calc.cost_of_living(150000, area, "NY"), "costOfLiving", "cost_of_living");
    check(calc.density_curve("15-1252", area, 50000, 300000, 7), "densityCurve", "density_curve");
  }
  check(calc.density_curve("15-1252", "US", 3, 2, 7), "densityCurve", "density_curve, from > to");
  check(calc.take_home(150000, "CA", 2026, "joint", "", 5000, 0, 0, "self", 0, ""), "takeHome", "take_home with a state tax");
  check(calc.take_home(150000, "TX", 2025, "single", "", 0, 0, 0, "self", 0, ""), "takeHome", "take_home without one");
  check(calc.take_home(250000, "NY", 2026, "joint", "nyc", 24500, 55, 9750, "family", 3400, ""), "takeHome",
        "take_home with a locality, state payroll programs, state and local tax details, every contribution");
  check(calc.take_home(150000, "NY", 2026, "single", "Atlantis", 0, 0, 0, "self", 0, ""), "takeHome", "an unknown locality");
  check(calc.take_home(150000, "NY", 2026, "single", "", 0, 0, 0, "both", 0, ""), "takeHome", "a bad HSA coverage");
  check(calc.localities("MD", 2026), "localities", "localities of a state");
  check(calc.localities("35620", 2025), "localities", "localities of a metro's principal state");
  check(calc.localities("US", 2026), "localities", "the nation: none");
  check(calc.localities("ZZ", 2026), "localities", "an unknown area");
  check(calc.take_home(150000, "35620", 2026, "single", "", 0, 0, 0, "self", 0, "NJ"), "takeHome", "take_home, state lived in");
  check(calc.total_comp(150000, 15, 200000, 4, 0, 20000, 5), "totalComp", "total_comp");
  check(calc.convert(63.98, "hourly", "annual", 40), "convert", "convert");
  check(calc.convert(63.98, "hourly", "yearly", 40), "convert", "convert, bad period");
  check(calc.listings(), "listings", "listings");
  check(calc.percentile_of(1, "15-1252", "ZZ"), "percentileOf", "an unknown area");

  // Nothing in the schema that no call writes (it would be read by nobody, or be left untested).
  wire::Schema all = wire::parse_schema(schema_text());
  for (const auto& record : all.records) {
    CAPTURE(record.first);
    CHECK(seen.count(record.first) == 1);
  }
}

TEST_CASE("a writer that disagrees with the schema is caught, with the field it differs at") {
  wire::Schema schema = wire::parse_schema(schema_text());
  REQUIRE(schema.error == "");
  auto check = [&](const ResultWriter& w, const char* record) {
    return wire::TraceCheck(schema, w.trace()).check(record);
  };

  SUBCASE("two fields written in each other's place") {
    ResultWriter w;
    w.number("amount", 63.98);
    w.string("to", "annual");
    w.string("from", "hourly");
    w.number("value", 133078.4);
    w.number("hoursPerWeek", 40);
    CHECK(check(w, "convert") == "convert.from: schema string \"from\", written string \"to\"");
  }
  SUBCASE("a field left out, and one too many") {
    ResultWriter w;
    w.string("code", "no_data");
    CHECK(check(w, "error") == "error.message: schema string \"message\", but the record ends");
    w.string("message", "none");
    w.string("hint", "extra");
    CHECK(check(w, "error") == "error: 1 more writes than the schema has fields, from \"hint\"");
  }
  SUBCASE("a count that promises more items than follow") {
    ResultWriter w;
    w.number("base", 1);
    for (const char* name : {"bonus", "equity", "benefits", "retirementMatch", "total"}) w.number(name, 0);
    w.count("lines", 2);
    w.string("id", "base");
    w.string("label", "Base salary");
    w.number("amount", 1);
    w.string("id", "bonus");
    w.string("label", "Bonus");
    CHECK(check(w, "totalComp") == "totalComp.lines[1].amount: schema number \"amount\", but the record ends");
  }
  SUBCASE("the real writer against a schema with two lines swapped") {
    std::string text = schema_text();
    const std::string a = "  occupation        string\n", b = "  occupationTitle   string\n";
    size_t at = text.find(a + b);
    REQUIRE(at != std::string::npos);
    text.replace(at, a.size() + b.size(), b + a);
    wire::Schema swapped = wire::parse_schema(text);
    REQUIRE(swapped.error == "");
    Calculator& calc = loaded();
    REQUIRE(calc.percentile_of(150000, "15-1252", "TX"));
    CHECK(wire::TraceCheck(swapped, calc.record().trace()).check("percentileOf") ==
          "percentileOf.distribution.occupationTitle: schema string \"occupationTitle\", written string \"occupation\"");
  }
  SUBCASE("a schema that does not parse") {
    CHECK(wire::parse_schema("  orphan number\n").error != "");
    CHECK(wire::parse_schema("record\n  field\n").error != "");
  }
}
