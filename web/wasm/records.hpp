// The records of records.schema, each written field by field in the schema's order and under its
// names. calculator.cpp writes the short top-level ones itself.
#pragma once

#include <string>

#include "result_writer.hpp"
#include "salary/area_distribution_cache.hpp"
#include "salary/cost_of_living.hpp"
#include "salary/dataset.hpp"
#include "salary/estimate.hpp"
#include "salary/pay.hpp"
#include "salary/result.hpp"
#include "salary/take_home.hpp"

namespace salary {

void write_error(ResultWriter& out, const Error& e);
void write_distribution(ResultWriter& out, Field name, const AreaDistribution& d);
// `offer`: NaN when none was given.
void write_estimate(ResultWriter& out, const Estimate& e, double offer);
void write_cost_of_living(ResultWriter& out, const CostOfLiving& c);
void write_take_home(ResultWriter& out, const TakeHome& t, const std::string& filing_status);
void write_localities(ResultWriter& out, const AreaLocalities& a, const std::string& area, int year);
void write_total_comp(ResultWriter& out, const TotalCompensation& c);
void write_listings(ResultWriter& out, const Dataset& data);

}  // namespace salary
