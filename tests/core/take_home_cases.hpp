// Shared by the take-home test files: the inputs their worked cases vary (the rest keep the
// defaults of TakeHomeInput), and take-home pay on the shipped data.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "salary/take_home.hpp"
#include "test_support.hpp"

namespace salary::test {

struct Case {
  std::string area, locality;
  int year = 2026;
  double salary = 0;
  FilingStatus status = FilingStatus::kSingle;
  double retirement = 0, hsa = 0, fsa = 0;
  int age = 0;
  HsaCoverage coverage = HsaCoverage::kSelf;
};

inline Result<TakeHome> compute(const Case& c) {
  TakeHomeInput in;
  in.area = c.area;
  in.locality = c.locality;
  in.year = c.year;
  in.salary = c.salary;
  in.filing_status = c.status;
  in.pretax_retirement = c.retirement;
  in.hsa = c.hsa;
  in.fsa = c.fsa;
  in.age = c.age;
  in.hsa_coverage = c.coverage;
  return take_home(shipped(), in);
}

// A case that must compute.
inline TakeHome run(const Case& c) {
  auto r = compute(c);
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  return r.value();
}

}  // namespace salary::test
