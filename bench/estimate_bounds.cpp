// The largest typical and high base-salary estimate over every profile the API allows, in every
// area it has a distribution for (the nation, the states and DOL's 530 wage areas), for
// scripts/accuracy.d/20-estimates.mjs: natively, as one estimate through the JS API costs ~40 µs
// and there are tens of millions.
//
// Every profile: each occupation × area × experience (any or one level) × specialization ×
// company type × up to three skills, technologies and certifications. Two reductions, both exact:
// 1. Within a premium group only the largest premium applies, so a profile's estimate is that of
//    the profile keeping only its applied factors, which has at most one id per list: the
//    premium combinations with one or no id per list are all there is to search.
// 2. A combination reaches an estimate only through two figures that no area changes: its typical
//    log premium after the +40 % cap (t) and its range's half-width (s). Given the area and the
//    experience, typical = m·exp(min(t, ceiling)) and high = typical·(p75/m)^(1 + 2s/iqr) (m, p75,
//    iqr: the experience profile's), both nondecreasing in t and in s. So the largest are reached
//    by a combination on the Pareto front of (t, s): read once per occupation from estimates in
//    the nation with no experience (where the ceiling does not bind: checked), and only the front
//    is estimated in every area and experience.
// Both are checked on random profiles with up to three ids per list in random areas: each must
// equal its reduced profile's figures to the bit, and stay within its area's largest (to 1e-12).
// Prints one JSON line.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "salary/estimate.hpp"

using namespace salary;

namespace {

std::vector<std::string> ids_of(const Dataset& data, FactorKind kind) {
  std::vector<std::string> out;
  for (const Factor& f : data.factors)
    if (f.kind == kind) out.push_back(f.id);
  return out;
}

std::string describe(const Profile& p) {
  auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : "+") + id;
    return s.empty() ? std::string("-") : s;
  };
  return p.occupation + " " + p.area + " " + (p.experience.empty() ? "-" : p.experience) + " " +
         (p.specialization.empty() ? "-" : p.specialization) + " " + (p.company_type.empty() ? "-" : p.company_type) +
         " skills:" + list(p.skills) + " technologies:" + list(p.technologies) + " certifications:" + list(p.certifications);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: estimate_bounds DATASET.json [SAMPLES]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto loaded = load_dataset(text.str());
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
    return 1;
  }
  const Dataset& data = loaded.value();
  const long samples = argc > 2 ? std::atol(argv[2]) : 20000;
  std::vector<std::string> experiences = {""};
  for (const ExperienceLevel& l : data.experience_levels) experiences.push_back(l.id);
  auto with_none = [](std::vector<std::string> ids) {
    ids.insert(ids.begin(), "");
    return ids;
  };
  const auto specializations = with_none(ids_of(data, FactorKind::kSpecialization));
  const auto companies = with_none(ids_of(data, FactorKind::kCompanyType));
  const auto skills = ids_of(data, FactorKind::kSkill), technologies = ids_of(data, FactorKind::kTechnology),
             certifications = ids_of(data, FactorKind::kCertification);
  const auto skill_sets = with_none(skills), technology_sets = with_none(technologies),
             certification_sets = with_none(certifications);
  auto one = [](const std::string& id) { return id.empty() ? std::vector<std::string>{} : std::vector<std::string>{id}; };

  // Every occupation × area the API has a distribution for.
  struct Pair {
    std::string occupation, area;
    std::shared_ptr<const AreaDistribution> base;
  };
  std::vector<Pair> pairs;
  std::map<std::string, std::vector<Profile>> fronts;  // by occupation: the (t, s) Pareto front
  long combinations = 0;
  for (const auto& [code, occupation] : data.occupations) {
    for (const auto& [area, unused] : data.areas) {
      auto base = area_distribution(data, code, area);
      if (base) pairs.push_back({code, area, std::make_shared<const AreaDistribution>(std::move(base.value()))});
    }
    // Reduction 2: (t, s) of every combination, in the nation with no experience.
    auto nation = std::make_shared<const AreaDistribution>(area_distribution(data, code, "US").value());
    struct Point {
      double t, s;
      Profile profile;
    };
    std::vector<Point> points;
    Profile p;
    p.occupation = code;
    for (const auto& specialization : specializations)
      for (const auto& company : companies)
        for (const auto& skill : skill_sets)
          for (const auto& technology : technology_sets)
            for (const auto& certification : certification_sets) {
              p.specialization = specialization, p.company_type = company;
              p.skills = one(skill), p.technologies = one(technology), p.certifications = one(certification);
              auto e = estimate(data, p, nation);
              if (!e) {
                std::fprintf(stderr, "%s: %s\n", describe(p).c_str(), e.error().message.c_str());
                return 1;
              }
              if (e->typical >= nation->distribution.points()[4]) {
                std::fprintf(stderr, "%s: the ceiling binds in the nation; (t, s) cannot be read there\n", describe(p).c_str());
                return 1;
              }
              ++combinations;
              points.push_back({std::log(e->multiplier_typical), std::log(e->multiplier_high / e->multiplier_typical), p});
            }
    std::vector<Profile>& front = fronts[code];
    for (const Point& a : points) {
      bool dominated = false;
      for (const Point& b : points)
        dominated = dominated || (b.t >= a.t && b.s >= a.s && (b.t > a.t || b.s > a.s || &b < &a));
      if (!dominated) front.push_back(a.profile);
    }
  }

  long profiles = 0, estimated = 0;
  double max_typical = 0, max_high = 0;
  std::string at_typical, at_high;
  std::map<std::pair<size_t, std::string>, std::pair<double, double>> largest;  // (pair, experience)
  for (size_t i = 0; i < pairs.size(); ++i) {
    const Pair& pair = pairs[i];
    for (const auto& experience : experiences) {
      profiles += combinations / static_cast<long>(fronts.size());
      std::pair<double, double>& top = largest[{i, experience}];
      for (Profile p : fronts[pair.occupation]) {
        p.area = pair.area, p.experience = experience;
        auto e = estimate(data, p, pair.base);
        if (!e) {
          std::fprintf(stderr, "%s: %s\n", describe(p).c_str(), e.error().message.c_str());
          return 1;
        }
        ++estimated;
        top.first = std::max(top.first, e->typical), top.second = std::max(top.second, e->high);
        if (e->typical > max_typical) max_typical = e->typical, at_typical = describe(p);
        if (e->high > max_high) max_high = e->high, at_high = describe(p);
      }
    }
  }

  // Both reductions, on random profiles with up to three ids per list in random areas and
  // experiences (a fixed seed: the same profiles every run).
  unsigned long long state = 20260511;
  auto next = [&](size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  };
  auto pick = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (size_t n = next(4); n > 0; --n) out.push_back(ids[next(ids.size())]);
    return out;
  };
  long identical = 0, bounded = 0;
  for (long i = 0; i < samples; ++i) {
    const size_t at = next(pairs.size());
    const Pair& pair = pairs[at];
    Profile full;
    full.occupation = pair.occupation, full.area = pair.area;
    full.experience = experiences[next(experiences.size())];
    full.specialization = specializations[next(specializations.size())];
    full.company_type = companies[next(companies.size())];
    full.skills = pick(skills), full.technologies = pick(technologies), full.certifications = pick(certifications);
    auto e = estimate(data, full, pair.base);
    Profile reduced = full;
    reduced.specialization.clear(), reduced.company_type.clear();
    reduced.skills.clear(), reduced.technologies.clear(), reduced.certifications.clear();
    for (const AppliedFactor& f : e->factors) {
      if (!f.applied || f.kind == "experience") continue;
      std::string id(f.id);
      if (f.kind == "specialization") reduced.specialization = id;
      if (f.kind == "company_type") reduced.company_type = id;
      if (f.kind == "skill") reduced.skills = {id};
      if (f.kind == "technology") reduced.technologies = {id};
      if (f.kind == "certification") reduced.certifications = {id};
    }
    auto r = estimate(data, reduced, pair.base);
    if (r->low == e->low && r->typical == e->typical && r->high == e->high) ++identical;
    else std::fprintf(stderr, "differs from its reduced profile: %s\n", describe(full).c_str());
    const std::pair<double, double>& top = largest[{at, full.experience}];
    // (Within rounding: profiles at the cap reach the same t by different sums, a few ulps apart.)
    if (e->typical <= top.first * (1 + 1e-12) && e->high <= top.second * (1 + 1e-12)) ++bounded;
    else std::fprintf(stderr, "above its area's largest by %.3g / %.3g: %s\n", e->typical / top.first - 1, e->high / top.second - 1, describe(full).c_str());
  }
  size_t front = 0;
  for (const auto& [code, f] : fronts) front += f.size();
  std::printf(
      "{\"pairs\": %zu, \"profiles\": %ld, \"front\": %zu, \"estimated\": %ld, \"max_typical\": %.2f, "
      "\"max_typical_profile\": \"%s\", \"max_high\": %.2f, \"max_high_profile\": \"%s\", \"sampled\": %ld, "
      "\"identical\": %ld, \"bounded\": %ld}\n",
      pairs.size(), profiles, front, estimated, max_typical, at_typical.c_str(), max_high, at_high.c_str(), samples,
      identical, bounded);
  return 0;
}
