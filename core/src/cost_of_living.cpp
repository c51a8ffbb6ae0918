#include "salary/cost_of_living.hpp"

#include <cmath>

#include "number_format.hpp"

namespace salary {

namespace {
constexpr double kMaxSalary = 1e9;
}  // namespace

Result<PlacePrice> price_level(const Dataset& data, const std::string& area) {
  const Area* a = data.find_area(area);
  if (!a) return make_error(code::kUnknownArea, "unknown area \"" + area + "\"");
  if (a->kind == AreaKind::kWorldRegion)
    return make_error(code::kNoData, "no price level for " + a->name + " (" + a->code +
                                         "): Regional Price Parities cover only the United States");
  // US and states share BEA's state release (SARPP); metros come from the metro release (MARPP),
  // a different year, so each result carries the year of its own table.
  const PriceParityTable& table =
      a->kind == AreaKind::kMetro ? data.metro_parities : data.state_parities;
  auto it = table.values.find(a->code);
  // rpp <= 0 cannot come from a validated dataset, but would make every ratio meaningless.
  if (it == table.values.end() || !std::isfinite(it->second) || it->second <= 0)
    return make_error(code::kNoData,
                      "no Regional Price Parity for " + a->name + " (" + a->code + ")");
  PlacePrice out;
  out.area = a->code;
  out.name = a->name;
  out.source = table.source;
  out.rpp = it->second;
  out.year = table.year;
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
