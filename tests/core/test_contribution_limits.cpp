// Pre-tax contributions: the 401(k), HSA and health FSA limits of IRS Notice 2024-80, Notice
// 2025-67, Rev. Procs. 2024-25, 2025-19, 2024-40 and 2025-32 (data/tax/contribution-limits-2025-
// 2026.json), the errors above them, and what each contribution is exempt from.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "salary/take_home.hpp"
#include "take_home_cases.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {

// Texas (no state income tax), 2026, $100,000 unless a case says otherwise.
struct Inputs : test::Case {
  Inputs() {
    area = "TX";
    salary = 100000;
  }
};

Result<TakeHome> compute(const Inputs& x) { return test::compute(x); }

bool ok(const Inputs& x) {
  auto r = compute(x);
  if (!r) MESSAGE(r.error().message);
  return r.ok();
}

Error error(const Inputs& x) {
  auto r = compute(x);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE("401(k) deferral limits, with the catch-ups by age") {
  // 2026: $24,500; from 50, + $8,000 = $32,500; at 60-63, + $11,250 = $35,750.
  Inputs x;
  x.retirement = 24500;
  CHECK(ok(x));
  x.retirement = 24501;
  Error e = error(x);
  CHECK(e.code == code::kOverLimit);
  CHECK(e.message == "The 401(k)/403(b) contribution ($24,501) is above the limit: the 2026 limit on 401(k)/403(b) "
                     "employee deferrals is $24,500 (from age 50, $32,500: give the age to include the catch-up contribution)");
  x.age = 49;
  CHECK(error(x).message.find("at age 49") != std::string::npos);
  x.age = 50;
  x.retirement = 32500;
  CHECK(ok(x));
  x.retirement = 32501;
  CHECK(error(x).message.find("$32,500 with the catch-up contribution at age 50") != std::string::npos);
  x.age = 61;
  x.retirement = 35750;
  CHECK(ok(x));
  x.age = 64;  // the larger catch-up is for 60 to 63 only
  CHECK(error(x).code == code::kOverLimit);
  // 2025: $23,500; from 50, $31,000.
  x = Inputs{};
  x.year = 2025;
  x.retirement = 23501;
  CHECK(error(x).message.find("the 2025 limit on 401(k)/403(b) employee deferrals is $23,500") != std::string::npos);
  x.age = 55;
  x.retirement = 31000;
  CHECK(ok(x));
}

TEST_CASE("2026: catch-up contributions of high earners must be Roth, not pre-tax") {
  // Social Security wages above $150,000 (the salary stands for the year before's): the pre-tax
  // limit stays $24,500 at 55.
  Inputs x;
  x.salary = 200000;
  x.age = 55;
  x.retirement = 24500;
  CHECK(ok(x));
  x.retirement = 30000;
  Error e = error(x);
  CHECK(e.code == code::kOverLimit);
  CHECK(e.message.find("must be Roth (after-tax) from 2026") != std::string::npos);
  CHECK(e.message.find("$150,000") != std::string::npos);
  // In 2025 the rule is not in force: $31,000 at 55 is allowed at $200,000.
  x.year = 2025;
  x.retirement = 31000;
  CHECK(ok(x));
  // At $150,000 exactly (not above), the catch-up is still pre-tax in 2026.
  x = Inputs{};
  x.salary = 150000;
  x.age = 55;
  x.retirement = 32500;
  CHECK(ok(x));
}

TEST_CASE("HSA and health FSA limits") {
  Inputs x;
  x.hsa = 4400;  // 2026 self-only
  CHECK(ok(x));
  x.hsa = 4401;
  Error e = error(x);
  CHECK(e.code == code::kOverLimit);
  CHECK(e.message == "The HSA contribution ($4,401) is above the 2026 HSA limit of $4,400 for self-only coverage (self-only $4,400, "
                     "family $8,750, plus $1,000 from age 55)");
  x.coverage = HsaCoverage::kFamily;
  x.hsa = 8750;
  CHECK(ok(x));
  x.age = 55;
  x.hsa = 9750;  // + the $1,000 catch-up
  CHECK(ok(x));
  x = Inputs{};
  x.year = 2025;
  x.hsa = 4301;  // 2025 self-only $4,300
  CHECK(error(x).code == code::kOverLimit);
  x = Inputs{};
  x.fsa = 3400;  // 2026
  CHECK(ok(x));
  x.fsa = 3401;
  CHECK(error(x).message == "The health FSA contribution ($3,401) is above the 2026 limit on health FSA salary reductions of $3,400");
  x.year = 2025;
  x.fsa = 3301;  // 2025: $3,300
  CHECK(error(x).code == code::kOverLimit);
}

TEST_CASE("bad contributions: negative, not a number, above the salary, bad age") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Inputs x;
  x.hsa = -1;
  Error e = error(x);
  CHECK(e.code == code::kInvalidNumber);
  CHECK(e.message == "hsa must be between 0 and 1000000000, got -1");
  x.hsa = 0;
  x.fsa = nan;
  CHECK(error(x).code == code::kInvalidNumber);
  x.fsa = 0;
  x.salary = 5000;
  x.retirement = 3000;
  x.hsa = 2500;
  e = error(x);
  CHECK(e.code == code::kInvalidNumber);
  CHECK(e.message == "pre-tax contributions (401(k) 3000 + HSA 2500 + FSA 0) must not exceed the salary (5000)");
  x = Inputs{};
  x.age = 7;
  CHECK(error(x).message == "age must be between 14 and 120 (or not given), got 7");
  CHECK(contribution_caps(test::shipped(), 2031, 40, HsaCoverage::kSelf, 1e5).error().code == code::kUnknownYear);
}

TEST_CASE("what each contribution is exempt from") {
  // TX 2026, $100,000 with $10,000 of 401(k), $4,000 of HSA and $3,000 of FSA:
  //   federal taxable 100,000 - 10,000 - 4,000 - 3,000 - 16,100 = 66,900:
  //     12,400 x 10 % = 1,240; 38,000 x 12 % = 4,560; 16,500 x 22 % = 3,630; total 9,430;
  //   Social Security and Medicare on 100,000 - 4,000 - 3,000 = 93,000 (the 401(k) deferral stays
  //   in): 5,766 and 1,348.50. Net 100,000 - 9,430 - 5,766 - 1,348.50 - 17,000 = 66,455.50.
  Inputs x;
  x.retirement = 10000;
  x.hsa = 4000;
  x.fsa = 3000;
  auto r = compute(x);
  REQUIRE(r.ok());
  CHECK(r->federal_taxable_income == doctest::Approx(66900));
  CHECK(r->federal_income_tax == doctest::Approx(9430));
  CHECK(r->social_security == doctest::Approx(5766));
  CHECK(r->medicare == doctest::Approx(1348.5));
  CHECK(r->net == doctest::Approx(66455.5));
  CHECK(r->caps.retirement == 24500);
  CHECK(r->caps.hsa == 4400);
  CHECK(r->caps.fsa == 3400);
  CHECK(test::shipped().sources.count(r->caps.retirement_source) == 1);
  // Pennsylvania taxes the 401(k) deferral, not the HSA or FSA: 3.07 % x (100,000 - 7,000) = 2,855.10.
  x.area = "PA";
  CHECK(compute(x)->state_income_tax == doctest::Approx(2855.1));
}
