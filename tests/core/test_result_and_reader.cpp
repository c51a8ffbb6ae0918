// Result<T> and the checked JSON reader every dataset loader is built on.
#include <doctest/doctest.h>

#include "json_reader.hpp"

using namespace salary;
using namespace salary::detail;

TEST_CASE("Result holds a value or an error") {
  Result<int> good = 42;
  CHECK(good.ok());
  CHECK(*good == 42);
  Result<int> bad = make_error(code::kInvalidNumber, "salary must be a finite number");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().code == std::string("invalid_number"));
}

TEST_CASE("JSON Pointer paths escape ~ and /") {
  CHECK(child_path("", "occupations") == "/occupations");
  CHECK(child_path("/a", "b/c~d") == "/a/b~1c~0d");
  CHECK(child_path("/list", size_t{3}) == "/list/3");
}

TEST_CASE("Reader reports the first problem with its path") {
  auto doc = json::parse(R"({"name": 5, "wage": -1, "ok": 12.5, "maybe": null, "obj": {}})");
  Reader r;
  std::string name;
  double wage = 0;

  SUBCASE("wrong type") {
    CHECK_FALSE(r.string(doc, "/root", "name", name));
    CHECK(r.error().code == "dataset_type");
    CHECK(r.error().message == "/root/name: must be a string, not a number");
  }
  SUBCASE("missing member") {
    CHECK_FALSE(r.string(doc, "/root", "title", name));
    CHECK(r.error().code == "dataset_missing");
    CHECK(r.error().message == "/root/title: is required");
  }
  SUBCASE("out of range") {
    CHECK_FALSE(r.number(doc, "/root", "wage", wage, 0, 1e8));
    CHECK(r.error().code == "dataset_value");
    CHECK(r.error().message == "/root/wage: must be >= 0");
  }
  SUBCASE("only the first error is kept") {
    CHECK_FALSE(r.number(doc, "/root", "wage", wage, 0, 1e8));
    CHECK_FALSE(r.string(doc, "/root", "name", name));
    CHECK(r.error().message == "/root/wage: must be >= 0");
  }
  SUBCASE("optional members") {
    std::optional<double> maybe, absent;
    CHECK(r.optional_number(doc, "/root", "maybe", maybe, 0, 1));
    CHECK(r.optional_number(doc, "/root", "absent", absent, 0, 1));
    CHECK_FALSE(maybe.has_value());
    CHECK(r.number(doc, "/root", "ok", wage, 0, 100));
    CHECK(wage == 12.5);
    CHECK(r.ok());
  }
}

TEST_CASE("integers in messages and paths") {
  CHECK(format_integer(0) == "0");
  CHECK(format_integer(7) == "7");
  CHECK(format_integer(2026) == "2026");
  CHECK(format_integer(-42) == "-42");
  CHECK(format_integer(1000000000) == "1000000000");
  CHECK(format_integer(9223372036854775807LL) == "9223372036854775807");
  CHECK(format_integer(-9223372036854775807LL - 1) == "-9223372036854775808");
  CHECK(child_path("/a", size_t{12}) == "/a/12");
}

TEST_CASE("numbers in messages read as people write them") {
  CHECK(format_number(0) == "0");
  CHECK(format_number(170910) == "170910");
  CHECK(format_number(-5) == "-5");
  CHECK(format_number(0.0131287) == "0.0131287");
  CHECK(format_number(12.5) == "12.5");
  CHECK(format_number(-0.9) == "-0.9");
  CHECK(format_number(1e308) == "1e+308");
  CHECK(format_number(-1.5e20) == "-1.5e+20");
  CHECK(format_number(2.5e-12) == "2.5e-12");
  CHECK(format_number(0.9999999999) == "1");
  CHECK(format_number(9.9999999e20) == "1e+21");         // the mantissa rounds up to 10
  CHECK(format_number(1.23456789e15) == "1.23457e+15");
  CHECK(format_number(5e-324) == "4.94066e-324");        // the smallest subnormal, not "inf"
  CHECK(format_number(1.7976931348623157e308) == "1.79769e+308");
  CHECK(format_number(NAN) == "NaN");
  CHECK(format_number(-INFINITY) == "-Infinity");
}
