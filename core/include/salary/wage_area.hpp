// DOL's wage areas: every metro area (a CBSA code) and nonmetropolitan area (an OFLC code) in the
// United States and its territories, 530 in all. BLS publishes whole distributions only for the
// nation and the states; for an area it publishes a median in a few large metros, and DOL
// publishes four prevailing wage levels (H-1B, PERM) computed from the same survey:
//   Level I  = the mean wage of the lowest third of the area's wage distribution,
//   Level IV = the mean wage of its upper two thirds,
//   Levels II and III split the gap between them in thirds.
// An area's distribution is derived from those (docs/model.md, "Metro and nonmetro areas").
#pragma once

#include "salary/distribution.hpp"

namespace salary {

// The distribution of `occupation` in a metro or nonmetro area. Every point is modelled, never
// published; the sources name BLS (the state's curve, the metro median) and DOL (the levels).
//   - With DOL levels: the curve of the area's state (its first-named state with a BLS row; the
//     nation's for a territory) with its percentiles remapped, Q(p) = Q_state(Φ(c + w·Φ⁻¹(p))),
//     c and w chosen so that its own Level I and IV equal DOL's (method kAreaLevels); where BLS
//     publishes the area's median, the curve also passes through it (kAreaLevelsMedian).
//   - Without levels (15-1254 has none) but with a BLS median: the state's curve scaled to that
//     median (kAreaMedian). With neither: the state's distribution as it is (kStateFallback).
// Every fallback says so in the notes. The result carries DOL's levels (AreaDistribution::levels),
// which are the prevailing wages of the area (the JS API's prevailingWage()). Errors: as
// area_distribution().
Result<AreaDistribution> wage_area_distribution(const Dataset& data, const Occupation& occupation,
                                                const Area& area);

// The area whose BLS curve shapes a wage area's distribution: its first-named state that has a
// row for the occupation, else the nation (territories, and states BLS left out).
const Area& shape_area(const Dataset& data, const Occupation& occupation, const Area& area);

}  // namespace salary
