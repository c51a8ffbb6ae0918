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

// ---- shared by the tax loaders (tax_loader.cpp, tax_rules_loader.cpp) ----
using Sources = std::map<std::string, Source>;

// Far above any bracket threshold, deduction or wage base, far below any overflow.
inline constexpr double kMaxMoney = 1e9;

// A rate in [0, 1): a rate of 100 % or more is always a data-entry error (37 for 0.37).
bool rate_value(Reader& r, const json& value, const std::string& path, double& out);
bool rate(Reader& r, const json& parent, const std::string& path, const char* key, double& out);
// "2026" → 2026: exactly four digits, 2000–2100.
bool year_key(Reader& r, const std::string& parent_path, const std::string& key, int& out);
// [[threshold, rate], ...], thresholds strictly increasing (from 0 when `from_zero`), rates [0, 1).
bool schedule(Reader& r, const json& list, const std::string& path, bool from_zero, Schedule& out);
// The same shape with values in [0, max_value] instead of rates: amounts or shares by income band.
bool band_schedule(Reader& r, const json& list, const std::string& path, double max_value, Schedule& out);
bool present(const json& object, const char* key);
// An optional boolean member; absent or null leaves `out` as it is.
bool optional_boolean(Reader& r, const json& parent, const std::string& path, const char* key, bool& out);

// The rules added to the income tax tables: a state's pre-tax exclusions, income tax items and
// not-modelled list (into `out`), and the payroll, local and limits sections of /tax.
bool load_state_rules(Reader& r, const json& entry, const std::string& path, const Sources& sources,
                      StateTax& out);
bool load_tax_rules(Reader& r, const json& tax, const Sources& sources,
                    const std::map<std::string, Area>& areas, TaxTables& out);

}  // namespace salary::detail
