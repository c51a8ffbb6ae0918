#include "salary/estimate.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "number_format.hpp"

namespace salary {
namespace {

const double kZ75 = 0.6744897501960817;  // Φ⁻¹(0.75)

bool measured_for(const Factor& factor, const std::string& occupation) {
  return factor.occupations.empty() ||
         std::find(factor.occupations.begin(), factor.occupations.end(), occupation) != factor.occupations.end();
}

std::optional<Error> add_factor(const Dataset& data, FactorKind kind, const char* field, const std::string& id,
                                const Occupation& occupation, std::vector<AppliedFactor>& out) {
  const Factor* factor = data.find_factor(kind, id);
  if (!factor)
    return make_error(code::kUnknownFactor, std::string(field) + ": unknown " + to_string(kind) +
                                                " \"" + id + "\"");
  const std::string_view kind_name = to_string(kind);
  for (const AppliedFactor& seen : out)
    if (seen.kind == kind_name && seen.id == id) return std::nullopt;  // listed twice
  AppliedFactor& applied = out.emplace_back();
  applied.kind = kind_name;
  applied.id = factor->id;
  applied.label = factor->label;
  applied.group = factor->group;
  applied.source = factor->source;
  applied.note = factor->note;
  applied.low = 1 + factor->premium.low;
  applied.high = 1 + factor->premium.high;
  applied.typical = std::sqrt(applied.low * applied.high);
  if (!measured_for(*factor, occupation.code)) {
    std::string measured;
    for (const std::string& code : factor->occupations)
      measured += detail::join({measured.empty() ? "" : ", ", data.find_occupation(code)->title});
    applied.applied = false;
    applied.note = detail::join({"Not applied: the source measured it for ", measured, ", not ", occupation.title, "."});
  }
  return std::nullopt;
}

// Within a group only the applicable factor with the largest typical premium applies.
void resolve_groups(std::vector<AppliedFactor>& factors, size_t first) {
  for (size_t i = first; i < factors.size(); ++i) {
    for (size_t j = first; j < factors.size(); ++j) {
      if (i == j || factors[i].group != factors[j].group || !factors[j].applied || !factors[i].applied) continue;
      bool j_wins = factors[j].typical > factors[i].typical ||
                    (factors[j].typical == factors[i].typical && j < i);
      if (j_wins) {
        factors[i].applied = false;
        factors[i].note = "Overlaps with " + factors[j].label + " (same group: " +
                          std::string(factors[i].group) + "); only the larger premium counts.";
      }
    }
  }
}

}  // namespace

ExperienceShape experience_shape(const Dataset& data, const ExperienceLevel& level) {
  auto centre = [](const ExperienceLevel& l) {
    return (normal_quantile(l.band_low / 100) + normal_quantile(l.band_high / 100)) / 2;
  };
  // The mix Σ wₖ N(μₖ, σ²) has mean m = Σ wₖ μₖ and variance σ² + Σ wₖ μₖ² − m²: σ makes it 1.
  double m = 0, m2 = 0;
  for (const ExperienceLevel& l : data.experience_levels) {
    double mu = centre(l);
    m += l.weight * mu, m2 += l.weight * mu * mu;
  }
  double variance = 1 - m2 + m * m;
  return {centre(level), std::sqrt(std::max(variance, 0.01))};
}

Result<Estimate> estimate(const Dataset& data, const Profile& profile) {
  auto base = area_distribution(data, profile.occupation, profile.area);
  if (!base) return base.error();
  return estimate(data, profile, std::make_shared<const AreaDistribution>(std::move(base.value())));
}

Result<Estimate> estimate(const Dataset& data, const Profile& profile,
                          std::shared_ptr<const AreaDistribution> base) {
  Estimate out;
  out.base = std::move(base);
  const Distribution& area = out.base->distribution;
  const Occupation& occupation = *data.find_occupation(out.base->occupation);
  out.factors.reserve(3 + profile.skills.size() + profile.technologies.size() + profile.certifications.size());

  // Experience: the area's curve seen through N(centre, width²) in z.
  Distribution experienced = area;
  if (!profile.experience.empty()) {
    const ExperienceLevel* level = data.find_experience(profile.experience);
    if (!level)
      return make_error(code::kUnknownFactor,
                        "experience: unknown experience level \"" + profile.experience + "\"");
    ExperienceShape shape = experience_shape(data, *level);
    experienced = area.z_mapped(shape.centre, shape.width);
    out.band_low = 100 * normal_cdf(shape.centre - kZ75 * shape.width);
    out.band_high = 100 * normal_cdf(shape.centre + kZ75 * shape.width);
    AppliedFactor& applied = out.factors.emplace_back();
    applied.kind = "experience";
    applied.id = level->id;
    applied.label = level->label + " (" + level->years + ")";
    applied.group = "experience";
    applied.source = level->source;
    applied.low = out.band_low;
    applied.high = out.band_high;
    applied.typical = 100 * normal_cdf(shape.centre);
  }
  out.band_salary_low = experienced.points()[1];
  out.band_salary_high = experienced.points()[3];

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
      if (auto error = add_factor(data, w.kind, w.field, w.ids[i], occupation, out.factors)) return *error;
  const size_t first_premium = profile.experience.empty() ? 0 : 1;
  resolve_groups(out.factors, first_premium);

  // Shrinkage: the applied premiums ranked by their typical log (ties: profile order), the k-th
  // weighted kShrinkage^k. A handful of factors: counting the larger ones is rank enough.
  double log_low = 0, log_typical = 0, log_high = 0;
  for (size_t i = first_premium; i < out.factors.size(); ++i) {
    AppliedFactor& f = out.factors[i];
    f.weight = f.applied ? 1 : 0;
    for (size_t j = first_premium; j < out.factors.size() && f.applied; ++j) {
      const AppliedFactor& g = out.factors[j];
      if (g.applied && (g.typical > f.typical || (g.typical == f.typical && j < i))) f.weight *= kShrinkage;
    }
    log_low += f.weight * std::log(f.low), log_typical += f.weight * std::log(f.typical);
    log_high += f.weight * std::log(f.high);
  }
  // The caps: the typical log at most kCapTypical (every premium's weight scaled alike, so the
  // steps still add up), the high end's at most kCapHigh (the range narrows around the typical).
  if (log_typical > kCapTypical) {
    double scale = kCapTypical / log_typical;
    for (size_t i = first_premium; i < out.factors.size(); ++i) out.factors[i].weight *= scale;
    out.notes.push_back(detail::join({"The premiums together would add +",
                                      detail::format_integer(std::llround((std::exp(log_typical) - 1) * 100)),
                                      " %; the estimate counts at most +40 % (the cap, docs/model.md)."}));
    log_low *= scale, log_typical *= scale, log_high *= scale;
  }
  double spread = std::min((log_high - log_low) / 2, kCapHigh - log_typical);
  // The ceiling: the typical at most the area's p90, the highest percentile BLS publishes; above
  // it the curve is only a tail fitted to the mean, no place for a profile's median. The weights
  // are scaled as by the cap (the steps still add up); the range keeps its width.
  const double room = std::max(0.0, std::log(area.points()[4] / experienced.points()[2]));
  if (log_typical > room) {
    double scale = room / log_typical;
    for (size_t i = first_premium; i < out.factors.size(); ++i) out.factors[i].weight *= scale;
    out.notes.push_back(detail::join(
        {"The estimate stops at ", out.base->area_name, "'s 90th percentile, ", detail::format_money(area.points()[4]),
         ": the highest percentile BLS publishes for any area; past it a curve is only a tail fitted to its mean (docs/model.md). "
         "The premiums would have put the typical at ",
         detail::format_money(experienced.points()[2] * std::exp(log_typical)), "."}));
    log_typical = room;
  }
  out.multiplier_low = std::exp(log_typical - spread);
  out.multiplier_typical = std::exp(log_typical);
  out.multiplier_high = std::exp(log_typical + spread);

  // The estimate's distribution: the profile moved by the typical premium and widened around its
  // median so that its log interquartile range grows by 2 × spread.
  const double median = std::log(experienced.points()[2]);
  const double iqr = std::log(experienced.points()[3] / experienced.points()[1]);
  const double scale = 1 + 2 * spread / iqr;
  out.profile = experienced.transformed(log_typical + (1 - scale) * median, scale);
  // A dataset's extreme wages (1e-298 passes the loader) can take a profile out of the doubles.
  if (!points_in_range(out.profile.points()))
    return make_error(code::kNoData, "the estimate for this profile is out of range for " + out.base->area_name);
  out.low = out.profile.points()[1];
  out.typical = out.profile.points()[2];
  out.high = out.profile.points()[3];

  out.steps.reserve(2 + out.factors.size());
  double running = area.points()[2];
  out.steps.push_back({"area", out.base->area, running});
  running = experienced.points()[2];
  if (first_premium) out.steps.push_back({"experience", out.factors[0].id, running});
  for (size_t i = first_premium; i < out.factors.size(); ++i) {
    const AppliedFactor& f = out.factors[i];
    if (!f.applied) continue;
    running *= std::exp(f.weight * std::log(f.typical));
    out.steps.push_back({f.kind, f.id, running});
  }
  out.steps.back().typical = out.typical;  // the same product, without its last bits of rounding
  return out;
}

}  // namespace salary
