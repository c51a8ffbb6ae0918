// Area distributions computed once per dataset. Resolving a distribution builds its notes and
// sources and fits the curve, more work than the estimate that starts from it, and the widget
// asks for the same occupation and area on every keystroke.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "salary/distribution.hpp"

namespace salary {

class AreaDistributionCache {
 public:
  // area_distribution(data, occupation, area), computed on the first request for the pair.
  // Errors are not kept: a mistyped code should not grow the cache, and finding one out is cheap.
  Result<std::shared_ptr<const AreaDistribution>> get(const Dataset& data, const std::string& occupation,
                                                      const std::string& area);
  // Call whenever the dataset changes.
  void clear() { entries_.clear(); }

 private:
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const AreaDistribution>> entries_;
};

}  // namespace salary
