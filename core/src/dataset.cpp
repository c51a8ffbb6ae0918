#include "salary/dataset.hpp"

namespace salary {

const char* to_string(AreaKind kind) {
  switch (kind) {
    case AreaKind::kNation: return "nation";
    case AreaKind::kState: return "state";
    case AreaKind::kMetro: return "metro";
    case AreaKind::kWorldRegion: return "world_region";
    case AreaKind::kNonmetro: return "nonmetro";
    case AreaKind::kTerritory: return "territory";
  }
  return "nation";
}

const char* to_string(FactorKind kind) {
  switch (kind) {
    case FactorKind::kSpecialization: return "specialization";
    case FactorKind::kSkill: return "skill";
    case FactorKind::kTechnology: return "technology";
    case FactorKind::kCertification: return "certification";
    case FactorKind::kCompanyType: return "company_type";
  }
  return "skill";
}

const char* to_string(FilingStatus status) {
  switch (status) {
    case FilingStatus::kSingle: return "single";
    case FilingStatus::kJoint: return "joint";
    case FilingStatus::kSeparate: return "separate";
    case FilingStatus::kHeadOfHousehold: return "head_of_household";
  }
  return "single";
}

std::optional<FilingStatus> parse_filing_status(std::string_view text) {
  for (auto status : {FilingStatus::kSingle, FilingStatus::kJoint, FilingStatus::kSeparate,
                      FilingStatus::kHeadOfHousehold})
    if (text == to_string(status)) return status;
  return std::nullopt;
}

template <typename Map>
static const typename Map::mapped_type* find_in(const Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

std::string wage_area_key(const std::string& occupation, const std::string& area) {
  return occupation + " " + area;
}

const WageLevels* PrevailingWages::find(const std::string& occupation, const std::string& area) const {
  return find_in(levels, wage_area_key(occupation, area));
}

const double* MetroMedians::find(const std::string& occupation, const std::string& area) const {
  return find_in(values, wage_area_key(occupation, area));
}

const Area* Dataset::find_area(const std::string& code) const { return find_in(areas, code); }

const Occupation* Dataset::find_occupation(const std::string& code) const {
  return find_in(occupations, code);
}

const Factor* Dataset::find_factor(FactorKind kind, const std::string& id) const {
  for (const Factor& f : factors)
    if (f.kind == kind && f.id == id) return &f;
  return nullptr;
}

const ExperienceLevel* Dataset::find_experience(const std::string& id) const {
  for (const ExperienceLevel& level : experience_levels)
    if (level.id == id) return &level;
  return nullptr;
}

}  // namespace salary
