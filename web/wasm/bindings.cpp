// The only file that knows about JavaScript: it exposes the Calculator (calculator.hpp) through
// Embind, built into two modules. The default one reads the shipped data as a binary snapshot and
// has no JSON parser (most of the wasm's size); built with SALARY_WITH_JSON it also loads JSON
// datasets. What each method writes is laid out in records.schema.
#include <emscripten/bind.h>

#include "calculator.hpp"

EMSCRIPTEN_BINDINGS(salary_core) {
  using salary::Calculator;
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
      .function("resultAddress", &Calculator::result_address)
      .function("loadSnapshot", &Calculator::load_snapshot)
      .function("loadExtras", &Calculator::load_extras)
#ifdef SALARY_WITH_JSON
      .function("loadJson", &Calculator::load_json)
#endif
      .function("percentileOf", &Calculator::percentile_of)
      .function("salaryAt", &Calculator::salary_at)
      .function("estimate", &Calculator::estimate)
      .function("costOfLiving", &Calculator::cost_of_living)
      .function("takeHome", &Calculator::take_home)
      .function("totalComp", &Calculator::total_comp)
      .function("convert", &Calculator::convert)
      .function("listings", &Calculator::listings);
}
