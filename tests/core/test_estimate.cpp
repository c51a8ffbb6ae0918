// The adjusted estimate: experience bands, premiums, groups, and the profile's own distribution.
#include <doctest/doctest.h>

#include <cmath>

#include "number_format.hpp"
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
  // BLS OEWS May 2025, 15-1252 national: p10 82,460, p25 105,210, p50 135,980, p75 171,980, p90 214,670.
  CHECK(e.low == doctest::Approx(105210));
  CHECK(e.typical == doctest::Approx(135980));
  CHECK(e.high == doctest::Approx(171980));
  CHECK(e.profile.points()[0] == doctest::Approx(82460));
  CHECK(e.profile.points()[4] == doctest::Approx(214670));
  CHECK(e.factors.empty());
  CHECK(e.notes.empty());
}

TEST_CASE("experience: overlapping profiles, N(μ, σ²) in z, with the area's spread in the mix") {
  // Band centres in z (seed-002's bands): entry (Φ⁻¹(.10) + Φ⁻¹(.25))/2 = −0.978021, mid −0.337245,
  // senior +0.337245, staff +0.978021. Weights ¼ each: Σ w μ² = ½(0.956524 + 0.113734) = 0.535129,
  // so σ = √(1 − 0.535129) = 0.681814.
  const ExperienceLevel& senior = *test::shipped().find_experience("senior");
  ExperienceShape shape = experience_shape(test::shipped(), senior);
  CHECK(shape.centre == doctest::Approx(0.337245).epsilon(1e-5));
  CHECK(shape.width == doctest::Approx(0.681814).epsilon(1e-5));

  SUBCASE("senior: its middle 50 % spans the area's 45.1th–78.7th percentile") {
    // Φ(0.337245 ∓ 0.674490 × 0.681814) = Φ(−0.122632), Φ(0.797122) = 45.120 %, 78.731 %;
    // its median is the area's Φ(0.337245) = 63.203th percentile.
    Profile p;
    p.experience = "senior";
    Estimate e = run(p);
    CHECK(e.band_low == doctest::Approx(45.120).epsilon(1e-4));
    CHECK(e.band_high == doctest::Approx(78.731).epsilon(1e-4));
    CHECK(e.low == doctest::Approx(national().salary_at(45.120)).epsilon(1e-4));
    CHECK(e.typical == doctest::Approx(national().salary_at(63.203)).epsilon(1e-4));
    CHECK(e.high == doctest::Approx(national().salary_at(78.731)).epsilon(1e-4));
    REQUIRE(e.factors.size() == 1);
    CHECK(e.factors[0].kind == "experience");
    CHECK(e.factors[0].source == "seed-002");
    CHECK(e.factors[0].typical == doctest::Approx(63.203).epsilon(1e-4));
  }
  SUBCASE("the four levels mixed ¼ each give back the area's p10…p90 within 2 points") {
    // At p10: ¼ Σ Φ((−1.281552 − μ)/σ) = ¼(0.328094 + 0.083030 + 0.008793 + 0.000460) = 10.509 %;
    // likewise 26.473 % at p25, 50 % at p50, 73.527 % at p75, 89.491 % at p90.
    const double expected[] = {10.509, 26.473, 50, 73.527, 89.491};
    for (const char* area : {"US", "TX", "CA", "MS"}) {
      auto base = area_distribution(test::shipped(), "15-1252", area);
      REQUIRE(base.ok());
      for (size_t i = 0; i < 5; ++i) {
        double mix = 0;
        for (const ExperienceLevel& level : test::shipped().experience_levels) {
          Profile p;
          p.area = area;
          p.experience = level.id;
          mix += level.weight * run(p).profile.percentile_of(base->distribution.points()[i]);
        }
        CHECK(mix == doctest::Approx(expected[i]).epsilon(1e-4));
        CHECK(std::fabs(mix - kPercentiles[i]) < 2);
      }
    }
  }
  SUBCASE("levels are ordered and overlap") {
    double previous_typical = 0, previous_high = HUGE_VAL;
    for (const char* level : {"entry", "mid", "senior", "staff"}) {
      Profile p;
      p.experience = level;
      Estimate e = run(p);
      CHECK(e.typical > previous_typical);
      CHECK(e.low < previous_high);  // each level's middle 50 % reaches into the one before
      previous_typical = e.typical, previous_high = e.high;
    }
  }
}

TEST_CASE("premiums: the largest in a group, shrinkage across groups, in log space") {
  Profile p;
  p.experience = "mid";
  p.specialization = "cloud";          // +10–15 %, group cloud
  p.certifications = {"aws-sa-pro"};   // +10–15 %, group cloud: overlaps
  p.skills = {"python", "go"};         // group skill: Go's 10.35 % beats Python's 6–9 %
  Estimate e = run(p);
  REQUIRE(e.factors.size() == 5);
  CHECK(e.factors[1].id == "cloud");
  CHECK(e.factors[1].applied);
  CHECK_FALSE(e.factors[4].applied);  // the certification
  CHECK(e.factors[4].note.find("Cloud") != std::string::npos);
  CHECK_FALSE(e.factors[2].applied);  // python
  CHECK(e.factors[3].applied);        // go
  // Typical = the geometric midpoint: cloud √(1.10 × 1.15) = 1.124722 (log 0.117536); Go 1.1035
  // (log 0.098487). Ranked cloud, Go: weights 1, ½. Log sum 0.117536 + 0.049244 = 0.166780, × 1.181494.
  // Low ends: 0.095310 + 0.049244 = 0.144554; high ends 0.139762 + 0.049244 = 0.189006: the
  // half-range 0.022226 gives multipliers e^0.144554 = 1.155524 and e^0.189006 = 1.208047.
  CHECK(e.factors[1].typical == doctest::Approx(1.124722).epsilon(1e-6));
  CHECK(e.factors[1].weight == 1);
  CHECK(e.factors[3].weight == 0.5);
  CHECK(e.multiplier_typical == doctest::Approx(1.181494).epsilon(1e-6));
  CHECK(e.multiplier_low == doctest::Approx(1.155524).epsilon(1e-6));
  CHECK(e.multiplier_high == doctest::Approx(1.208047).epsilon(1e-6));
  Profile mid;
  mid.experience = "mid";
  double median = run(mid).typical;
  CHECK(e.typical == doctest::Approx(median * 1.181494).epsilon(1e-6));
  CHECK(e.notes.empty());
}

TEST_CASE("the cap: at most +40 % typical and +45 % at the high end") {
  Profile p;
  p.company_type = "large-tech";  // Indeed company averages over Indeed's average: +41.30–75.97 %
  p.skills = {"xslt"};            // +51.06 %
  Estimate e = run(p);
  // Logs: large-tech ½(ln 1.4130 + ln 1.7597) = 0.455429, XSLT ln 1.5106 = 0.412507 at weight ½:
  // 0.661683 > ln 1.4 = 0.336472, so every weight is scaled by 0.508510 and the typical is +40 %.
  // The range: half of (ln 1.7597 − ln 1.4130) × 0.508510 = 0.055791, but the high end may be at
  // most ln 1.45, so the half-range is ln 1.45 − ln 1.4 = 0.035091: low 1.4² / 1.45 = 1.351724.
  CHECK(e.multiplier_typical == doctest::Approx(1.4).epsilon(1e-12));
  CHECK(e.multiplier_high == doctest::Approx(1.45).epsilon(1e-12));
  CHECK(e.multiplier_low == doctest::Approx(1.351724).epsilon(1e-6));
  CHECK(e.factors[1].weight == doctest::Approx(0.508510).epsilon(1e-5));  // large-tech, ranked first
  CHECK(e.factors[0].weight == doctest::Approx(0.254255).epsilon(1e-5));  // XSLT: ½ × 0.508510
  CHECK(e.typical == doctest::Approx(135980 * 1.4));
  REQUIRE(e.notes.size() == 1);
  CHECK(e.notes[0].find("+94 %") != std::string::npos);  // e^0.661683 = 1.938
}

TEST_CASE("the ceiling: the typical at most the area's p90, the range keeping its width") {
  // Staff in San Jose, at a large tech company: the staff profile's median × 1.4 would be past the
  // area's p90, where its percentiles end: the typical stops there, every weight scaled alike.
  Profile p;
  p.area = "41940";
  p.experience = "staff";
  p.company_type = "large-tech";
  Estimate e = run(p);
  const double p90 = e.base->distribution.points()[4];
  const double staff = e.steps[1].typical;  // the staff profile's median
  REQUIRE(staff * 1.4 > p90);
  CHECK(e.typical == doctest::Approx(p90).epsilon(1e-12));
  CHECK(e.multiplier_typical == doctest::Approx(p90 / staff).epsilon(1e-12));
  CHECK(e.factors[1].weight == doctest::Approx(std::log(p90 / staff) / 0.455429).epsilon(1e-5));
  CHECK(e.steps.back().typical == doctest::Approx(e.typical));
  // The range is as wide as the +40 % cap left it: ln 1.45 − ln 1.4 either side.
  CHECK(e.multiplier_high / e.multiplier_typical == doctest::Approx(1.45 / 1.4).epsilon(1e-12));
  REQUIRE(e.notes.size() == 2);  // the cap's, then the ceiling's
  CHECK(e.notes[1].find("The estimate stops at San Jose-Sunnyvale-Santa Clara, CA's 90th percentile, $") == 0);
  CHECK(e.notes[1].find(detail::format_money(staff * 1.4)) != std::string::npos);
  // Where it does not bind, nothing changes: mid level nationally is +40 %.
  p.area = "US";
  p.experience = "mid";
  Estimate us = run(p);
  CHECK(us.multiplier_typical == doctest::Approx(1.4).epsilon(1e-12));
  CHECK(us.notes.size() == 1);
  // With no premium the ceiling takes nothing: staff alone keeps its own median.
  p.area = "41940";
  p.experience = "staff";
  p.company_type.clear();
  CHECK(run(p).typical == doctest::Approx(staff));
}

TEST_CASE("premiums apply only to the occupations their source measured") {
  Profile p;
  p.occupation = "15-1254";  // web developers: the premiums were measured on backend developers
  p.area = "WA";
  p.skills = {"go"};
  p.company_type = "large-tech";
  Estimate e = run(p);
  REQUIRE(e.factors.size() == 2);
  for (const AppliedFactor& f : e.factors) {
    CHECK_FALSE(f.applied);
    CHECK(f.weight == 0);
    CHECK(f.note == "Not applied: the source measured it for Software Developers, not Web Developers.");
  }
  CHECK(e.multiplier_typical == 1);
  CHECK(e.typical == doctest::Approx(e.base->distribution.points()[2]));
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
  CHECK(e.steps[0].typical == doctest::Approx(130500));  // the Texas median, May 2024
  CHECK(e.steps[1].kind == "experience");
  CHECK(e.steps[2].typical == doctest::Approx(e.steps[1].typical * 1.124722).epsilon(1e-6));
  CHECK(e.steps[3].id == "go");
  CHECK(e.steps[3].typical == doctest::Approx(e.steps[2].typical * std::sqrt(1.1035)).epsilon(1e-9));
  CHECK(e.steps.back().typical == doctest::Approx(e.typical));
}

TEST_CASE("distributed systems: one national figure, the same in every state") {
  // seed-002: "the 75th percentile and above"; BLS May 2025 national 171,980 / 135,980 − 1 = +26.47 %.
  for (const char* area : {"TX", "MT", "RI"}) {
    Profile p;
    p.area = area;
    p.specialization = "distributed";
    Estimate e = run(p);
    CHECK(e.factors[0].typical == doctest::Approx(1.2647));
  }
}

TEST_CASE("the estimate's distribution places an offer") {
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

TEST_CASE("a metro profile starts from the metro's own distribution") {
  Profile p;
  p.area = "41940";
  Estimate e = run(p);
  auto base = area_distribution(test::shipped(), "15-1252", "41940");
  REQUIRE(base.ok());
  CHECK(e.base->area == "41940");
  CHECK(e.typical == doctest::Approx(base->distribution.salary_at(50)));
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
