// Reads and validates the dataset's /tax section (docs/dataset.md, "tax"): federal brackets,
// standard deductions and payroll taxes for each year, and each state's income tax.
#pragma once

#include <map>
#include <string>

#include "json_reader.hpp"
#include "salary/dataset.hpp"

namespace salary::detail {

// Fills `out` from root["tax"]. `sources` and `areas` are the dataset's, already loaded: every
// source id must name a source and every state code must be a `state` area. Returns false on the
// first violation, which `r` keeps with its JSON Pointer
// ("/tax/federal/years/2026/brackets/single/3/0: must be > 50400"). `out` is only written on
// success.
bool load_tax(Reader& r, const json& root, const std::map<std::string, Source>& sources,
              const std::map<std::string, Area>& areas, TaxTables& out);

}  // namespace salary::detail
