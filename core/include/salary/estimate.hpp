// The adjusted base-salary estimate for a profile. docs/model.md explains the model; in short:
//
// 1. Start from the area's distribution for the occupation (BLS's, or a wage area's modelled
//    from DOL's prevailing wage levels: wage_area.hpp).
// 2. Experience: each level is a distribution of its own, the area's curve seen through a normal
//    in z = Φ⁻¹(p): centred on the middle (in z) of the seed article's percentile band for the
//    level, with one width for all levels, chosen so that the levels mixed with their weights
//    (dataset: `weight`, an assumption stated in docs/model.md) have the area's own spread
//    (σ² = 1 − Σ wₖ μₖ²). The levels overlap, and together they reproduce the area's p10…p90.
//    No experience given: the area's own distribution.
// 3. Premiums (specialization, skills, technologies, certifications, company type): each a range
//    [low, high] from a cited source, applied only to the occupations the source measured (others
//    are listed with applied = false and the reason). Within a group only the largest applies (the
//    sources measure overlapping populations). Across groups they add in log space with shrinkage:
//    ranked by their typical premium, the k-th counts kShrinkage^k of its log (1, ½, ¼, …), since
//    postings that pay one premium tend to pay the others too. The sum is capped at kCapTypical,
//    and the range's high end at kCapHigh (both in log terms). The typical is at most the area's
//    p90 (the ceiling: BLS's percentiles end there), the range keeping its width.
// 4. The estimate's distribution: the profile moved by the typical premium and widened by the
//    premiums' half-range (its log interquartile range grows by twice that), so that low /
//    typical / high are exactly its p25 / p50 / p75. BLS wages, and so every figure here, are base
//    salary: no bonus, no equity.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salary/distribution.hpp"

namespace salary {

// The shrinkage across premium groups and the caps (log terms), documented in docs/model.md.
inline constexpr double kShrinkage = 0.5;
inline constexpr double kCapTypical = 0.3364722366212129;  // ln 1.40: the typical at most +40 %
inline constexpr double kCapHigh = 0.3715635564324830;     // ln 1.45: the high end at most +45 %

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
  // experience: the profile's middle 50 % as percentiles of the area (low, high) and the
  // percentile of its median (typical); others: the source's multipliers, 1.10 = +10 %
  // (typical: their geometric midpoint).
  double low = 1, typical = 1, high = 1;
  // The share of the premium's log that counts after shrinkage and the cap (0 when not applied).
  double weight = 1;
  bool applied = true;  // false when superseded in its group, or not measured for the occupation
};

// The typical salary after each step of the estimate, for a breakdown in dollars: the area's
// median, then the experience profile's median, then each applied premium in turn.
struct EstimateStep {
  std::string_view kind;  // "area", "experience" or a factor kind
  std::string_view id;
  double typical = 0;
};

struct Estimate {
  // What the estimate starts from; shared, as an AreaDistributionCache hands out the same one to
  // every estimate for the area rather than a copy.
  std::shared_ptr<const AreaDistribution> base;
  Distribution profile;                   // the estimate's own distribution
  double low = 0, typical = 0, high = 0;  // its p25 / p50 / p75
  double band_low = 25, band_high = 75;   // the experience profile's p25 / p75, as area percentiles
  double band_salary_low = 0, band_salary_high = 0;  // the same in dollars
  double multiplier_low = 1, multiplier_typical = 1, multiplier_high = 1;  // all premiums together
  std::vector<AppliedFactor> factors;  // experience first, then in profile order
  std::vector<EstimateStep> steps;     // ends at `typical`
  std::vector<std::string> notes;      // e.g. that the cap applied
};

// Errors: unknown_occupation, unknown_area, no_data, range_only (see area_distribution), and
// unknown_factor naming the field and the id ("skills: unknown skill \"cobol\"").
Result<Estimate> estimate(const Dataset& data, const Profile& profile);
// The same from the area's distribution, already resolved for profile.occupation and
// profile.area (an AreaDistributionCache keeps them).
Result<Estimate> estimate(const Dataset& data, const Profile& profile,
                          std::shared_ptr<const AreaDistribution> base);

// The experience level's profile as a z-map of the area's curve: its centre and the width all
// levels share.
struct ExperienceShape {
  double centre = 0, width = 1;
};
ExperienceShape experience_shape(const Dataset& data, const ExperienceLevel& level);

}  // namespace salary
