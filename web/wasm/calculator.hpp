// The object the JavaScript API drives (bindings.cpp exposes it through Embind; the tests call it
// natively): a loaded dataset and the calculations over it. Each method takes primitives (the JS
// wrapper in salary-core.mjs has already checked their types), writes its result into one record
// (records.schema) and returns true, or writes an error record (code, message) and returns false;
// the wrapper throws that as a SalaryError, so no C++ exception ever crosses the boundary.
#pragma once

#include <cstdint>
#include <string>

#include "result_writer.hpp"
#include "salary/area_distribution_cache.hpp"
#include "salary/dataset.hpp"
#include "salary/result.hpp"

namespace salary {

class Calculator {
 public:
  // The address of the result record's header, fixed for the Calculator's lifetime.
  uintptr_t result_address() { return reinterpret_cast<uintptr_t>(&out_.header()); }
  // The record the last call wrote.
  const ResultWriter& record() const { return out_; }

  // Loaders: methods rather than constructor arguments, because an Embind constructor cannot
  // fail softly. A snapshot is what data/pack_dataset.cpp writes; the extras add the tax tables
  // and state price levels to a calculator loaded from the core snapshot.
  bool load_snapshot(const std::string& bytes);
  // The core part alone, without the code that reads the extras: the default module's loader.
  bool load_core_snapshot(const std::string& bytes);
  bool load_extras(const std::string& bytes);
  // Adds every metro and nonmetro wage area (their levels, medians, counties and price levels).
  bool load_areas(const std::string& bytes);
  // A JSON dataset (docs/dataset.md); only the JSON module binds it, the default one leaves out
  // the parser.
  bool load_json(const std::string& json_text);

  bool percentile_of(double salary, const std::string& occupation, const std::string& area);
  bool salary_at(double percentile, const std::string& occupation, const std::string& area);
  // skills, technologies, certifications: comma-separated ids. offer: NaN for none.
  bool estimate(const std::string& occupation, const std::string& area, const std::string& experience,
                const std::string& specialization, const std::string& company_type, const std::string& skills,
                const std::string& technologies, const std::string& certifications, double offer);
  // The area curve's density at `samples` evenly spaced salaries from..to (share per dollar): what
  // the chart draws, once per curve.
  bool density_curve(const std::string& occupation, const std::string& area, double from, double to, int samples);
  bool cost_of_living(double salary, const std::string& from, const std::string& to);
  // locality: "" for none. age: 0 for not given. hsa_coverage: self or family. residence_state: for
  // an area spanning several states, the one lived in ("" = its principal one).
  bool take_home(double salary, const std::string& area, int year, const std::string& filing_status,
                 const std::string& locality, double pretax_retirement, int age, double hsa,
                 const std::string& hsa_coverage, double fsa, const std::string& residence_state);
  // The localities with a local income tax of the area's state in `year`, for the place picker.
  bool localities(const std::string& area, int year);
  bool total_comp(double base, double bonus_percent, double equity_grant, double equity_vesting_years,
                  double equity_annual, double benefits, double retirement_match_percent);
  bool convert(double amount, const std::string& from, const std::string& to, double hours_per_week);
  // Listings for menus; the wrapper reads them once per dataset and keeps them.
  bool listings();

 private:
  void replace_data(Dataset data);
  bool succeed();  // the record is complete: point the header at it
  bool fail(const Error& e);

  Dataset data_;
  AreaDistributionCache distributions_;
  ResultWriter out_;
};

}  // namespace salary
