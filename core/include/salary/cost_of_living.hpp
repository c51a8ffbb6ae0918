// Equivalent salary between two places using BEA Regional Price Parities (all items, US = 100).
#pragma once

#include <string>

#include "salary/dataset.hpp"

namespace salary {

struct PlacePrice {
  std::string area, name, source;
  double rpp = 0;    // all-items RPP, US = 100
  int year = 0;      // states and metros come from different BEA releases and years
  std::string note;  // where the area has no price level of its own: whose it uses instead
};

struct CostOfLiving {
  double salary = 0;      // what was earned in `from`
  double equivalent = 0;  // what buys the same in `to`: salary * to.rpp / from.rpp
  double ratio = 0;       // to.rpp / from.rpp
  PlacePrice from, to;
};

// Looks a place's RPP up: US and states in the state table, metros (CBSA codes) in the metro
// table. A metro BEA does not price, and a nonmetro area, take the price level of their principal
// state's metropolitan or nonmetropolitan portion (BEA PARPP), else the state's own, and say so.
// Errors: unknown_area, no_data (a place without a price level: a world region, a territory).
Result<PlacePrice> price_level(const Dataset& data, const std::string& area);
Result<CostOfLiving> cost_of_living(const Dataset& data, double salary, const std::string& from,
                                    const std::string& to);

}  // namespace salary
