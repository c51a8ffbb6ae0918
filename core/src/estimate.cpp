#include "salary/estimate.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

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
  const std::string_view kind_name = to_string(kind);
  for (const AppliedFactor& seen : out)
    if (seen.kind == kind_name && seen.id == id) return std::nullopt;  // listed twice
  Premium p = premium_of(*factor, base);
  AppliedFactor& applied = out.emplace_back();
  applied.kind = kind_name;
  applied.id = factor->id;
  applied.label = factor->label;
  applied.group = factor->group;
  applied.source = factor->source;
  applied.note = factor->note;
  applied.low = 1 + p.low;
  applied.typical = 1 + p.typical;
  applied.high = 1 + p.high;
  return std::nullopt;
}

// Within a group only the factor with the largest typical premium applies. `first` skips the
// experience factor, which is a band, not a premium.
void resolve_groups(std::vector<AppliedFactor>& factors, size_t first) {
  for (size_t i = first; i < factors.size(); ++i) {
    for (size_t j = 0; j < factors.size(); ++j) {
      if (i == j || factors[i].group != factors[j].group) continue;
      bool j_wins = factors[j].typical > factors[i].typical ||
                    (factors[j].typical == factors[i].typical && j < i);
      if (j_wins && factors[i].applied) {
        factors[i].applied = false;
        factors[i].note = "Overlaps with " + factors[j].label + " (same group: " +
                          std::string(factors[i].group) + "); only the larger premium counts.";
      }
    }
  }
}

// Φ⁻¹ at the published percentiles and at 0.75, which every estimate needs: computed once (the
// same calls as before, so the figures do not change in the last bit).
struct ZoomConstants {
  std::array<double, 5> z;
  double z_p75;
};

const ZoomConstants& zoom_constants() {
  static const ZoomConstants k = [] {
    ZoomConstants c{};
    for (size_t i = 0; i < c.z.size(); ++i) c.z[i] = normal_quantile(kPercentiles[i] / 100);
    c.z_p75 = normal_quantile(0.75);
    return c;
  }();
  return k;
}

}  // namespace

Result<Estimate> estimate(const Dataset& data, const Profile& profile) {
  auto base = area_distribution(data, profile.occupation, profile.area);
  if (!base) return base.error();
  return estimate(data, profile, std::make_shared<const AreaDistribution>(std::move(base.value())));
}

Result<Estimate> estimate(const Dataset& data, const Profile& profile,
                          std::shared_ptr<const AreaDistribution> base) {
  Estimate out;
  out.base = std::move(base);
  const Distribution& dist = out.base->distribution;
  const bool has_experience = !profile.experience.empty();
  out.factors.reserve(3 + profile.skills.size() + profile.technologies.size() +
                      profile.certifications.size());

  const ExperienceLevel* level = nullptr;
  if (has_experience) {
    level = data.find_experience(profile.experience);
    if (!level)
      return make_error(code::kUnknownFactor,
                        "experience: unknown experience level \"" + profile.experience + "\"");
    out.band_low = level->band_low;
    out.band_high = level->band_high;
  }
  // The band in z-space: its centre is the experience's typical percentile, and the zoom below
  // maps it onto the profile's p25–p75.
  const double z_low = normal_quantile(out.band_low / 100), z_high = normal_quantile(out.band_high / 100);
  const double centre = (z_low + z_high) / 2;
  const double centre_percentile = 100 * normal_cdf(centre);
  if (level) {
    AppliedFactor& applied = out.factors.emplace_back();
    applied.kind = "experience";
    applied.id = level->id;
    applied.label = level->label + " (" + level->years + ")";
    applied.group = "experience";
    applied.source = level->source;
    applied.low = level->band_low;
    applied.high = level->band_high;
    applied.typical = centre_percentile;
  }

  // Single ids as one-element lists (none when empty), so every kind is added the same way.
  const size_t n_specialization = profile.specialization.empty() ? 0 : 1;
  const size_t n_company = profile.company_type.empty() ? 0 : 1;
  struct Wanted {
    FactorKind kind;
    const char* field;
    const std::string* ids;
    size_t count;
  };
  const Wanted wanted[] = {
      {FactorKind::kSpecialization, "specialization", &profile.specialization, n_specialization},
      {FactorKind::kSkill, "skills", profile.skills.data(), profile.skills.size()},
      {FactorKind::kTechnology, "technologies", profile.technologies.data(), profile.technologies.size()},
      {FactorKind::kCertification, "certifications", profile.certifications.data(),
       profile.certifications.size()},
      {FactorKind::kCompanyType, "company_type", &profile.company_type, n_company},
  };
  for (const Wanted& w : wanted)
    for (size_t i = 0; i < w.count; ++i)
      if (auto error = add_factor(data, w.kind, w.field, w.ids[i], dist, out.factors)) return *error;
  const size_t first_premium = has_experience ? 1 : 0;  // the experience factor comes first
  resolve_groups(out.factors, first_premium);
  for (size_t i = first_premium; i < out.factors.size(); ++i) {
    const AppliedFactor& f = out.factors[i];
    if (!f.applied) continue;
    out.multiplier_low *= f.low;
    out.multiplier_typical *= f.typical;
    out.multiplier_high *= f.high;
  }

  // Zoom the base distribution in z-space so that the band becomes the profile's p25–p75.
  const ZoomConstants& k = zoom_constants();
  const double zoom = (z_high - z_low) / 2 / k.z_p75;
  std::array<double, 5> points{};
  for (size_t i = 0; i < points.size(); ++i) {
    double q = kPercentiles[i];
    double multiplier = q < 50 ? out.multiplier_low : q > 50 ? out.multiplier_high : out.multiplier_typical;
    double z = centre + k.z[i] * zoom;
    points[i] = dist.salary_at(100 * normal_cdf(z)) * multiplier;
  }
  auto profile_dist = Distribution::from_points(points);
  if (!profile_dist) return profile_dist.error();
  out.profile = profile_dist.value();
  out.low = points[1];
  out.typical = points[2];
  out.high = points[3];

  out.steps.reserve(2 + out.factors.size());
  double running = dist.salary_at(50);
  out.steps.push_back({"area", out.base->area, running});
  running = dist.salary_at(centre_percentile);
  if (level) out.steps.push_back({"experience", level->id, running});
  for (size_t i = first_premium; i < out.factors.size(); ++i) {
    const AppliedFactor& f = out.factors[i];
    if (!f.applied) continue;
    running *= f.typical;
    out.steps.push_back({f.kind, f.id, running});
  }
  return out;
}

}  // namespace salary
