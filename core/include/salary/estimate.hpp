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

#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// The string_views of AppliedFactor and EstimateStep point into the Dataset, the estimate's base
// distribution or string literals, so an estimate must not outlive the Dataset it was computed
// from. Views spare every estimate a copy of each (~6 % of estimate() in the browser); labels
// and notes stay strings, as some are composed for the estimate.
struct AppliedFactor {
  std::string_view kind;  // "experience" or to_string(FactorKind)
  std::string_view id, group, source;
  std::string label, note;
  // experience: the percentile band (low, high) and its centre (typical);
  // others: multipliers, 1.10 = +10 %.
  double low = 1, typical = 1, high = 1;
  bool applied = true;  // false when a larger premium in the same group superseded it
};

// The typical salary after each step of the estimate, for a breakdown in dollars: the area's
// median, then the experience band's centre, then each applied premium in turn.
struct EstimateStep {
  std::string_view kind;  // "area", "experience" or a factor kind
  std::string_view id;
  double typical = 0;
};

struct Estimate {
  // What the estimate starts from; shared, as an AreaDistributionCache hands out the same one to
  // every estimate for the area rather than a copy.
  std::shared_ptr<const AreaDistribution> base;
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
// The same from the area's distribution, already resolved for profile.occupation and
// profile.area (an AreaDistributionCache keeps them).
Result<Estimate> estimate(const Dataset& data, const Profile& profile,
                          std::shared_ptr<const AreaDistribution> base);

}  // namespace salary
