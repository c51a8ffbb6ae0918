// Reads and validates the dataset's wage-area sections (docs/dataset.md): DOL's prevailing wage
// levels (/prevailing_wages), BLS's metro medians (/metro_medians) and BEA's price levels of each
// state's metropolitan and nonmetropolitan portions (/price_parities/portions). All three are
// optional, so a dataset written before them still loads: its wage areas then fall back to their
// state's figures.
#pragma once

#include "json_reader.hpp"
#include "salary/dataset.hpp"

namespace salary::detail {

// Fills out.prevailing_wages, out.metro_medians and out.portion_parities from `root`. The
// sources, areas and occupations of `out` are already loaded. Returns false on the first
// violation, which `r` keeps with its JSON Pointer ("/prevailing_wages/levels/15-1252/10180/2:
// must be > level 2 (105768 <= 105768)").
bool load_wage_areas(Reader& r, const json& root, Dataset& out);

}  // namespace salary::detail
