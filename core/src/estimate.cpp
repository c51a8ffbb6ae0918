#include "salary/estimate.hpp"

#include <algorithm>
#include <cmath>

namespace salary {
namespace {

struct Premium {
  double low, typical, high;
};

// A factor's premium on `base`: its published range, or the ratio of its percentile to the median.
Premium premium_of(const Factor& factor, const Distribution& base) {
  if (factor.premium) {
    const Range& r = *factor.premium;
    return {r.low, (r.low + r.high) / 2, r.high};
  }
  double p = base.salary_at(*factor.percentile) / base.salary_at(50) - 1;
  return {p, p, p};
}

std::optional<Error> add_factor(const Dataset& data, FactorKind kind, const char* field,
                                const std::string& id, const Distribution& base,
                                std::vector<AppliedFactor>& out) {
  const Factor* factor = data.find_factor(kind, id);
  if (!factor)
    return make_error(code::kUnknownFactor, std::string(field) + ": unknown " + to_string(kind) +
                                                " \"" + id + "\"");
  for (const AppliedFactor& seen : out)
    if (seen.kind == to_string(kind) && seen.id == id) return std::nullopt;  // listed twice
  Premium p = premium_of(*factor, base);
  AppliedFactor applied;
  applied.kind = to_string(kind);
  applied.id = factor->id;
  applied.label = factor->label;
  applied.group = factor->group;
  applied.source = factor->source;
  applied.note = factor->note;
  applied.low = 1 + p.low;
  applied.typical = 1 + p.typical;
  applied.high = 1 + p.high;
  out.push_back(applied);
  return std::nullopt;
}

// Within a group only the factor with the largest typical premium applies.
void resolve_groups(std::vector<AppliedFactor>& factors) {
  for (size_t i = 0; i < factors.size(); ++i) {
    for (size_t j = 0; j < factors.size(); ++j) {
      if (i == j || factors[i].kind == "experience" || factors[i].group != factors[j].group) continue;
      bool j_wins = factors[j].typical > factors[i].typical ||
                    (factors[j].typical == factors[i].typical && j < i);
      if (j_wins && factors[i].applied) {
        factors[i].applied = false;
        factors[i].note = "Overlaps with " + factors[j].label + " (same group: " + factors[i].group +
                          "); only the larger premium counts.";
      }
    }
  }
}

}  // namespace

Result<Estimate> estimate(const Dataset& data, const Profile& profile) {
  auto base = area_distribution(data, profile.occupation, profile.area);
  if (!base) return base.error();
  Estimate out;
  out.base = base.value();
  const Distribution& dist = out.base.distribution;

  if (!profile.experience.empty()) {
    const ExperienceLevel* level = data.find_experience(profile.experience);
    if (!level)
      return make_error(code::kUnknownFactor,
                        "experience: unknown experience level \"" + profile.experience + "\"");
    out.band_low = level->band_low;
    out.band_high = level->band_high;
    AppliedFactor applied;
    applied.kind = "experience";
    applied.id = level->id;
    applied.label = level->label + " (" + level->years + ")";
    applied.group = "experience";
    applied.source = level->source;
    applied.low = level->band_low;
    applied.high = level->band_high;
    applied.typical = 100 * normal_cdf((normal_quantile(level->band_low / 100) +
                                        normal_quantile(level->band_high / 100)) / 2);
    out.factors.push_back(applied);
  }

  struct Wanted {
    FactorKind kind;
    const char* field;
    const std::vector<std::string>* ids;
  };
  std::vector<std::string> specialization, company;
  if (!profile.specialization.empty()) specialization.push_back(profile.specialization);
  if (!profile.company_type.empty()) company.push_back(profile.company_type);
  const Wanted wanted[] = {
      {FactorKind::kSpecialization, "specialization", &specialization},
      {FactorKind::kSkill, "skills", &profile.skills},
      {FactorKind::kTechnology, "technologies", &profile.technologies},
      {FactorKind::kCertification, "certifications", &profile.certifications},
      {FactorKind::kCompanyType, "company_type", &company},
  };
  for (const Wanted& w : wanted)
    for (const std::string& id : *w.ids)
      if (auto error = add_factor(data, w.kind, w.field, id, dist, out.factors)) return *error;
  resolve_groups(out.factors);
  for (const AppliedFactor& f : out.factors) {
    if (f.kind == "experience" || !f.applied) continue;
    out.multiplier_low *= f.low;
    out.multiplier_typical *= f.typical;
    out.multiplier_high *= f.high;
  }

  // Zoom the base distribution in z-space so that the band becomes the profile's p25–p75.
  const double z_low = normal_quantile(out.band_low / 100), z_high = normal_quantile(out.band_high / 100);
  const double centre = (z_low + z_high) / 2;
  const double zoom = (z_high - z_low) / 2 / normal_quantile(0.75);
  std::array<double, 5> points{};
  for (size_t i = 0; i < points.size(); ++i) {
    double q = kPercentiles[i];
    double multiplier = q < 50 ? out.multiplier_low : q > 50 ? out.multiplier_high : out.multiplier_typical;
    double z = centre + normal_quantile(q / 100) * zoom;
    points[i] = dist.salary_at(100 * normal_cdf(z)) * multiplier;
  }
  auto profile_dist = Distribution::from_points(points);
  if (!profile_dist) return profile_dist.error();
  out.profile = profile_dist.value();
  out.low = points[1];
  out.typical = points[2];
  out.high = points[3];

  double running = dist.salary_at(50);
  out.steps.push_back({"area", out.base.area, running});
  running = dist.salary_at(100 * normal_cdf(centre));
  if (!profile.experience.empty()) out.steps.push_back({"experience", profile.experience, running});
  for (const AppliedFactor& f : out.factors) {
    if (f.kind == "experience" || !f.applied) continue;
    running *= f.typical;
    out.steps.push_back({f.kind, f.id, running});
  }
  return out;
}

}  // namespace salary
