// The only file that knows about JavaScript: it exposes the Calculator (calculator.hpp) through
// Embind, built into three modules (CMakeLists.txt). The default one reads the core part of the
// shipped data (a binary snapshot) and computes the nation's and the states' wage figures,
// estimates and conversions: it has neither the tax tables' code, nor the metro and nonmetro
// areas' (their reader and the fit of their curves to DOL's levels), nor a JSON parser. Built
// with SALARY_WITH_TAX (the full module, loaded when a page first needs take-home pay, cost of
// living, total compensation or a metro) it also reads the extras and the areas and computes
// those and total compensation; with
// SALARY_WITH_JSON, the full module that also loads JSON datasets. What each method writes is
// laid out in records.schema.
#include <emscripten/bind.h>

#include "calculator.hpp"

#if defined(SALARY_WITH_JSON) && !defined(SALARY_WITH_TAX)
#define SALARY_WITH_TAX
#endif

EMSCRIPTEN_BINDINGS(salary_core) {
  using salary::Calculator;
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
      .function("resultAddress", &Calculator::result_address)
#ifdef SALARY_WITH_TAX
      .function("loadSnapshot", &Calculator::load_snapshot)
      .function("loadExtras", &Calculator::load_extras)
      .function("costOfLiving", &Calculator::cost_of_living)
      .function("takeHome", &Calculator::take_home)
      .function("localities", &Calculator::localities)
      .function("loadAreas", &Calculator::load_areas)
      // Only the compensation panel, which needs the extras, shows it: ~1.1 KB gzip less here.
      .function("totalComp", &Calculator::total_comp)
#else
      .function("loadSnapshot", &Calculator::load_core_snapshot)
#endif
#ifdef SALARY_WITH_JSON
      .function("loadJson", &Calculator::load_json)
#endif
      .function("percentileOf", &Calculator::percentile_of)
      .function("salaryAt", &Calculator::salary_at)
      .function("estimate", &Calculator::estimate)
      .function("densityCurve", &Calculator::density_curve)
      .function("convert", &Calculator::convert)
      .function("listings", &Calculator::listings);
}
