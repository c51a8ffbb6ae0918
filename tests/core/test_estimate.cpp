// The adjusted estimate: experience bands, premiums, groups, and the profile's own distribution.
#include <doctest/doctest.h>

#include <cmath>

#include "salary/estimate.hpp"
#include "test_support.hpp"

using namespace salary;

namespace {
Estimate run(Profile p) {
  auto r = estimate(test::shipped(), p);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return r.value();
}
const Distribution& national() {
  static const Distribution d = area_distribution(test::shipped(), "15-1252", "US")->distribution;
  return d;
}
}  // namespace

TEST_CASE("no experience and no factors: the area's own middle 50 %") {
  Estimate e = run(Profile{});
  CHECK(e.low == doctest::Approx(103050));
  CHECK(e.typical == doctest::Approx(133080));
  CHECK(e.high == doctest::Approx(169000));
  CHECK(e.profile.points()[0] == doctest::Approx(79850));
  CHECK(e.profile.points()[4] == doctest::Approx(211450));
  CHECK(e.factors.empty());
}

TEST_CASE("experience bands become the profile's middle 50 %") {
  SUBCASE("senior: p50–p75 of the area") {
    Profile p;
    p.experience = "senior";
    Estimate e = run(p);
    CHECK(e.low == doctest::Approx(133080));
    CHECK(e.high == doctest::Approx(169000));
    double centre = 100 * normal_cdf(normal_quantile(0.75) / 2);
    CHECK(e.typical == doctest::Approx(national().salary_at(centre)));
    REQUIRE(e.factors.size() == 1);
    CHECK(e.factors[0].kind == "experience");
    CHECK(e.factors[0].source == "seed-002");
    CHECK(e.factors[0].low == 50);
    CHECK(e.factors[0].high == 75);
  }
  SUBCASE("entry: p10–p25, profile tails reach below p10") {
    Profile p;
    p.experience = "entry";
    Estimate e = run(p);
    CHECK(e.low == doctest::Approx(79850));
    CHECK(e.high == doctest::Approx(103050));
    CHECK(e.profile.points()[0] < 79850);
  }
  SUBCASE("levels are ordered") {
    double previous = 0;
    for (const char* level : {"entry", "mid", "senior", "staff"}) {
      Profile p;
      p.experience = level;
      Estimate e = run(p);
      CHECK(e.typical > previous);
      previous = e.typical;
    }
  }
}

TEST_CASE("premiums multiply across groups, the largest wins within a group") {
  Profile p;
  p.specialization = "cloud";          // +10–15 %, group cloud
  p.certifications = {"aws-sa-pro"};   // +10–15 %, group cloud: overlaps
  p.skills = {"go", "xslt"};           // group skill: the larger (XSLT) applies
  Estimate e = run(p);
  REQUIRE(e.factors.size() == 4);
  CHECK(e.factors[0].id == "cloud");
  CHECK(e.factors[0].applied);
  CHECK_FALSE(e.factors[3].applied);  // the certification
  CHECK(e.factors[3].note.find("Cloud") != std::string::npos);
  CHECK_FALSE(e.factors[1].applied);  // go
  CHECK(e.factors[2].applied);        // xslt
  double xslt = e.factors[2].typical;
  CHECK(e.multiplier_low == doctest::Approx(1.10 * e.factors[2].low));
  CHECK(e.multiplier_typical == doctest::Approx(1.125 * xslt));
  CHECK(e.multiplier_high == doctest::Approx(1.15 * e.factors[2].high));
  CHECK(e.low == doctest::Approx(103050 * e.multiplier_low));
  CHECK(e.typical == doctest::Approx(133080 * e.multiplier_typical));
  CHECK(e.high == doctest::Approx(169000 * e.multiplier_high));
}

TEST_CASE("steps give each factor's effect in dollars and end at the typical salary") {
  Profile p;
  p.area = "TX";
  p.experience = "senior";
  p.specialization = "cloud";
  p.skills = {"go", "python"};
  Estimate e = run(p);
  REQUIRE(e.steps.size() == 4);  // area, experience, cloud, go (python is superseded by go)
  CHECK(e.steps[0].kind == "area");
  CHECK(e.steps[0].typical == doctest::Approx(130500));  // the Texas median
  CHECK(e.steps[1].kind == "experience");
  CHECK(e.steps[2].typical == doctest::Approx(e.steps[1].typical * 1.125));
  CHECK(e.steps[3].id == "go");
  CHECK(e.steps.back().typical == doctest::Approx(e.typical));
}

TEST_CASE("a percentile-placed specialization becomes a premium of the chosen distribution") {
  Profile p;
  p.area = "TX";
  p.specialization = "distributed";  // the article: p75 and above
  Estimate e = run(p);
  const Distribution& tx = e.base->distribution;
  CHECK(e.factors[0].typical == doctest::Approx(tx.salary_at(75) / tx.salary_at(50)));
}

TEST_CASE("the profile's distribution places an offer") {
  Profile p;
  p.experience = "mid";
  p.company_type = "large-tech";
  Estimate e = run(p);
  CHECK(e.profile.percentile_of(e.typical) == doctest::Approx(50));
  CHECK(e.profile.percentile_of(e.low) == doctest::Approx(25));
  CHECK(e.profile.percentile_of(e.high) == doctest::Approx(75));
  const auto& pts = e.profile.points();
  for (size_t i = 1; i < pts.size(); ++i) CHECK(pts[i] > pts[i - 1]);
}

TEST_CASE("metro profiles use the article-scaled distribution") {
  Profile p;
  p.area = "41940";
  Estimate e = run(p);
  CHECK(e.typical == doctest::Approx(133080 * 180000.0 / 144570.0));
}

TEST_CASE("estimate errors name the field") {
  auto check = [](Profile p, const char* code, const char* message) {
    auto r = estimate(test::shipped(), p);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().message == message);
  };
  Profile p;
  p.skills = {"cobol"};
  check(p, "unknown_factor", "skills: unknown skill \"cobol\"");
  p = Profile{};
  p.experience = "wizard";
  check(p, "unknown_factor", "experience: unknown experience level \"wizard\"");
  p = Profile{};
  p.company_type = "cloud";  // an id of another kind
  check(p, "unknown_factor", "company_type: unknown company_type \"cloud\"");
  p = Profile{};
  p.area = "ZZ";
  check(p, "unknown_area", "unknown area \"ZZ\"");
}
