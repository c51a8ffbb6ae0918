// Calculator::load_json, in a file of its own: an object file the default module never links, so
// neither the JSON loader nor the template code it instantiates (built for speed, see the root
// CMakeLists.txt) reaches it; only the JSON module's bindings name this function.
#include "calculator.hpp"

namespace salary {

bool Calculator::load_json(const std::string& json_text) {
  auto data = load_dataset(json_text);
  if (!data) return fail(data.error());
  replace_data(std::move(data.value()));
  out_.clear();
  return succeed();
}

}  // namespace salary
