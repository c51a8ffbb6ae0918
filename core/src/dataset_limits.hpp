// The most a dataset may hold (docs/dataset.md, "Limits"). Each is far above what a real dataset
// needs and low enough that a dataset at every limit at once still loads in well under a second
// and its menus stay usable; the loader refuses anything above one with the path and the limit.
// Every check during loading is a hash or sorted lookup, so time grows linearly with entries
// (scripts/bench-loading.mjs measures it).
#pragma once

#include <cstddef>

namespace salary::detail::limits {

inline constexpr size_t kBytes = 8 << 20;  // the whole text (the shipped dataset is ~160 KB)
inline constexpr int kDepth = 32;          // nesting of objects and arrays (the shipped dataset's is 9)

// Text, in characters (Unicode code points): any object key, and ids; labels, names, titles and
// every other short string the loader reads; free text (notes, reasons, URLs).
inline constexpr size_t kKeyChars = 100;
inline constexpr size_t kLabelChars = 200;
inline constexpr size_t kTextChars = 1000;

// Entries. Tables keyed by area (wage rows, prevailing wage levels and metro medians per
// occupation, price parities, world ranges, state taxes) are bounded by kAreas: each key must
// name a distinct area.
inline constexpr size_t kSources = 1000;
inline constexpr size_t kAreas = 10000;
inline constexpr size_t kMetroStates = 10;  // states a metro or nonmetro area spans (the most today: 4)
inline constexpr size_t kAreaCounties = 1000;  // counties of a metro or nonmetro area (the most today: 85)
inline constexpr size_t kOccupations = 1000;
inline constexpr size_t kGaps = 1000;  // per occupation
inline constexpr size_t kTrendReleases = 50;  // per occupation: the national median, release by release
inline constexpr size_t kExperienceLevels = 20;
inline constexpr size_t kFactors = 500;  // per kind: specializations, skills, …
inline constexpr size_t kCompensationNorms = 1000;
inline constexpr size_t kPublishedEstimates = 1000;
inline constexpr size_t kTaxYears = 50;  // federal and state tables each
inline constexpr size_t kBrackets = 100;  // per schedule
// Tax rules: the items of a state's income tax, its payroll programs, the taxes of a locality and
// a tax's credits (the most today: 9 items in Connecticut); the localities of a state (24 today).
inline constexpr size_t kTaxRules = 100;
inline constexpr size_t kLocalities = 1000;

}  // namespace salary::detail::limits
