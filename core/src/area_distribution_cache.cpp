#include "salary/area_distribution_cache.hpp"

namespace salary {

Result<std::shared_ptr<const AreaDistribution>> AreaDistributionCache::get(
    const Dataset& data, const std::string& occupation, const std::string& area) {
  auto key = std::make_pair(occupation, area);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    auto computed = area_distribution(data, occupation, area);
    if (!computed) return computed.error();
    auto shared = std::make_shared<const AreaDistribution>(std::move(computed.value()));
    it = entries_.emplace(std::move(key), std::move(shared)).first;
  }
  return it->second;
}

}  // namespace salary
