// The per-dataset cache of area distributions, and the estimate that starts from a cached one:
// both must give exactly what computing afresh gives.
#include <doctest/doctest.h>

#include "salary/area_distribution_cache.hpp"
#include "salary/estimate.hpp"
#include "test_support.hpp"

using namespace salary;

TEST_CASE("a cached distribution is the computed one, kept for the next request") {
  AreaDistributionCache cache;
  for (const char* area : {"US", "CA", "TX", "41940", "14460"}) {
    auto cached = cache.get(test::shipped(), "15-1252", area);
    auto fresh = area_distribution(test::shipped(), "15-1252", area);
    REQUIRE(cached.ok());
    REQUIRE(fresh.ok());
    const AreaDistribution& c = **cached;
    CHECK(c.area == fresh->area);
    CHECK(c.area_name == fresh->area_name);
    CHECK(c.distribution.points() == fresh->distribution.points());
    CHECK(c.estimated == fresh->estimated);
    CHECK(c.sources == fresh->sources);
    CHECK(c.notes == fresh->notes);
    CHECK(*cache.get(test::shipped(), "15-1252", area) == *cached);  // the same one, not a copy
  }
}

TEST_CASE("the cache passes errors through") {
  AreaDistributionCache cache;
  CHECK(cache.get(test::shipped(), "99-9999", "US").error().code == "unknown_occupation");
  CHECK(cache.get(test::shipped(), "15-1252", "ZZ").error().code == "unknown_area");
  auto again = cache.get(test::shipped(), "15-1252", "ZZ");
  CHECK(again.error().message == area_distribution(test::shipped(), "15-1252", "ZZ").error().message);
}

TEST_CASE("clear() forgets the distributions") {
  AreaDistributionCache cache;
  auto before = cache.get(test::shipped(), "15-1252", "CA");
  REQUIRE(before.ok());
  cache.clear();
  auto after = cache.get(test::shipped(), "15-1252", "CA");
  REQUIRE(after.ok());
  CHECK((*after)->distribution.points() == (*before)->distribution.points());
}

TEST_CASE("an estimate from a cached distribution equals one computed afresh, bit for bit") {
  AreaDistributionCache cache;
  Profile p;
  p.area = "CA";
  p.experience = "senior";
  p.specialization = "cloud";
  p.skills = {"go", "python"};
  p.company_type = "large-tech";
  for (const char* area : {"CA", "US", "41940"}) {
    p.area = area;
    auto fresh = estimate(test::shipped(), p);
    auto cached = estimate(test::shipped(), p, *cache.get(test::shipped(), p.occupation, p.area));
    REQUIRE(fresh.ok());
    REQUIRE(cached.ok());
    CHECK(cached->profile.points() == fresh->profile.points());
    CHECK(cached->low == fresh->low);
    CHECK(cached->typical == fresh->typical);
    CHECK(cached->high == fresh->high);
    REQUIRE(cached->factors.size() == fresh->factors.size());
    for (size_t i = 0; i < fresh->factors.size(); ++i) {
      CHECK(cached->factors[i].typical == fresh->factors[i].typical);
      CHECK(cached->factors[i].note == fresh->factors[i].note);
    }
    REQUIRE(cached->steps.size() == fresh->steps.size());
    for (size_t i = 0; i < fresh->steps.size(); ++i) CHECK(cached->steps[i].typical == fresh->steps[i].typical);
  }
}
