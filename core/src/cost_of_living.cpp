#include "salary/cost_of_living.hpp"

#include <cmath>

#include "number_format.hpp"

namespace salary {

namespace {

constexpr double kMaxSalary = 1e9;

// The area's price level in `table` (a positive one: rpp <= 0 cannot come from a validated
// dataset, but would make every ratio meaningless), or null.
const double* find_rpp(const PriceParityTable& table, const std::string& code) {
  auto it = table.values.find(code);
  return it != table.values.end() && std::isfinite(it->second) && it->second > 0 ? &it->second : nullptr;
}

}  // namespace

Result<PlacePrice> price_level(const Dataset& data, const std::string& area) {
  const Area* a = data.find_area(area);
  if (!a) return make_error(code::kUnknownArea, "unknown area \"" + area + "\"");
  if (a->kind == AreaKind::kWorldRegion)
    return make_error(code::kNoData, "no price level for " + a->name + " (" + a->code +
                                         "): Regional Price Parities cover only the United States");
  // US and states share BEA's state release (SARPP); metros come from the metro release (MARPP),
  // a different year, so each result carries the year of its own table. A wage area BEA does not
  // price takes its principal state's metropolitan or nonmetropolitan portion (PARPP), else the
  // state's own level, and says whose.
  const PriceParityTable* table = is_wage_area(a->kind) ? &data.metro_parities : &data.state_parities;
  const double* rpp = find_rpp(*table, a->code);
  std::string note;
  if (!rpp && is_wage_area(a->kind) && !a->states.empty()) {
    const Area* state = data.find_area(a->states[0]);
    std::string part = a->kind == AreaKind::kMetro ? "metropolitan" : "nonmetropolitan";
    note = "BEA publishes no price level for " + a->name + "; this is " + state->name + "'s";
    table = a->kind == AreaKind::kMetro ? &data.metro_portions : &data.nonmetro_portions;
    rpp = find_rpp(*table, state->code);
    if (rpp) {
      note += " " + part + " part's.";
    } else {
      table = &data.state_parities;
      rpp = find_rpp(*table, state->code);
      note += " (it has no " + part + " price level of its own).";
    }
  }
  if (!rpp)
    return make_error(code::kNoData, "no Regional Price Parity for " + a->name + " (" + a->code +
                                         "): BEA publishes price levels for the 50 states and DC");
  PlacePrice out;
  out.area = a->code;
  out.name = a->name;
  out.source = table->source;
  out.rpp = *rpp;
  out.year = table->year;
  out.note = std::move(note);
  return out;
}

Result<CostOfLiving> cost_of_living(const Dataset& data, double salary, const std::string& from,
                                    const std::string& to) {
  if (!std::isfinite(salary) || salary < 0 || salary > kMaxSalary)
    return make_error(code::kInvalidNumber, "salary must be between 0 and " +
                                                detail::format_number(kMaxSalary) + ", got " +
                                                detail::format_number(salary));
  auto from_price = price_level(data, from);
  if (!from_price) return from_price.error();
  auto to_price = price_level(data, to);
  if (!to_price) return to_price.error();

  CostOfLiving out;
  out.salary = salary;
  out.from = from_price.value();
  out.to = to_price.value();
  out.ratio = out.to.rpp / out.from.rpp;
  out.equivalent = salary * out.ratio;
  return out;
}

}  // namespace salary
