#include "salary/wage_area.hpp"

#include <cmath>

#include "number_format.hpp"

namespace salary {
namespace {

std::string states_of(const Area& area) {
  std::string out;
  for (const std::string& s : area.states) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

const Area& shape_area(const Dataset& data, const Occupation& occupation, const Area& area) {
  for (const std::string& code : area.states) {
    const Area* state = data.find_area(code);
    if (state && state->kind == AreaKind::kState && occupation.areas.count(code)) return *state;
  }
  return data.areas.at("US");  // load_dataset() requires it
}

Result<AreaDistribution> wage_area_distribution(const Dataset& data, const Occupation& occupation,
                                                const Area& area) {
  const Area& shape = shape_area(data, occupation, area);
  auto base = area_distribution(data, occupation.code, shape.code);
  if (!base) return base.error();
  AreaDistribution out = base.value();
  out.area = area.code;
  out.area_name = area.name;
  out.area_kind = area.kind;
  out.estimated.fill(true);
  out.mean.reset();
  out.employment.reset();
  out.method = DistributionMethod::kStateFallback;
  if (const WageLevels* levels = data.prevailing_wages.find(occupation.code, area.code))
    out.levels = AreaDistribution::Levels{*levels, data.prevailing_wages.source, data.prevailing_wages.wage_year};
  out.notes.insert(out.notes.begin(),
                   "BLS publishes no wage distribution for " + area.name + " (" + states_of(area) +
                       "); these are the figures of " + shape.name + ", where it lies.");
  return out;
}

}  // namespace salary
