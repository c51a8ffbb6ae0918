// The adjusted salary estimate for a profile. docs/model.md explains the model; in short:
//
// 1. Start from the area's distribution for the occupation (BLS, or a metro scaled by the
//    article's figure).
// 2. Experience picks a percentile band of that distribution (the seed article's mapping: entry
//    p10–p25, mid p25–p50, senior p50–p75, staff/principal p75–p90); the band becomes the
//    profile's middle 50 %. No experience given: the area's own p25–p75.
//    The profile's other points follow by zooming the distribution in z = Φ⁻¹(p) around the
//    band's centre, so a narrow band gives a narrow profile.
// 3. Every other factor (specialization, skills, technologies, certifications, company type) is a
//    premium range [low, high] from a cited source; typical = the midpoint. Within one `group`
//    only the largest premium applies (the sources measure overlapping populations: a posting
//    asking for Go and Python is counted in both); across groups premiums multiply.
// 4. low / typical / high = the profile's p25 / p50 / p75, each multiplied by the product of the
//    premiums' low / typical / high ends, so the range widens with the uncertainty of the sources.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salary/distribution.hpp"

namespace salary {

struct Profile {
  std::string occupation = "15-1252";
  std::string area = "US";
  std::string experience;      // an experience level id, or "" for any
  std::string specialization;  // a specialization id, or ""
  std::string company_type;    // a company type id, or ""
  std::vector<std::string> skills, technologies, certifications;
};

struct AppliedFactor {
  std::string kind;   // "experience" or to_string(FactorKind)
  std::string id, label, group, source, note;
  // experience: the percentile band (low, high) and its centre (typical);
  // others: multipliers, 1.10 = +10 %.
  double low = 1, typical = 1, high = 1;
  bool applied = true;  // false when a larger premium in the same group superseded it
};

// The typical salary after each step of the estimate, for a breakdown in dollars: the area's
// median, then the experience band's centre, then each applied premium in turn.
struct EstimateStep {
  std::string kind, id;  // kind "area", "experience" or a factor kind
  double typical = 0;
};

struct Estimate {
  AreaDistribution base;           // what the estimate starts from
  Distribution profile;            // the profile's own distribution
  double low = 0, typical = 0, high = 0;  // the profile's p25 / p50 / p75
  double band_low = 25, band_high = 75;   // percentiles of the base distribution
  double multiplier_low = 1, multiplier_typical = 1, multiplier_high = 1;
  std::vector<AppliedFactor> factors;  // experience first, then in profile order
  std::vector<EstimateStep> steps;     // ends at `typical`
};

// Errors: unknown_occupation, unknown_area, no_data, range_only (see area_distribution), and
// unknown_factor naming the field and the id ("skills: unknown skill \"cobol\"").
Result<Estimate> estimate(const Dataset& data, const Profile& profile);

}  // namespace salary
