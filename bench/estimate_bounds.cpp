// The largest typical and high base-salary estimate over every profile the API allows, in every
// area with a BLS row (the nation and the states), for scripts/accuracy.d/20-estimates.mjs:
// natively, as one estimate through the JS API costs ~40 µs and there are millions. (The metro
// and nonmetro areas' highest estimates are reported by scripts/accuracy.d/30-metros.mjs.)
//
// Every profile: each occupation × area with wages × experience (any or one level) ×
// specialization × company type × up to three skills, technologies and certifications. Within a
// premium group only the largest premium applies, so a profile's estimate is that of the profile
// keeping only its applied factors, which has at most one id per list: those profiles (one or no
// id per list) are enumerated in full, and the reduction is checked on random profiles with up
// to three ids per list (their figures must equal their reduced profile's, to the bit).
// Prints one JSON line.
#include <cstdio>
#include <fstream>
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
  const auto one_or_none = [&](const std::vector<std::string>& ids) {
    std::vector<std::vector<std::string>> out = {{}};
    for (const std::string& id : ids) out.push_back({id});
    return out;
  };
  const auto skill_sets = one_or_none(skills), technology_sets = one_or_none(technologies),
             certification_sets = one_or_none(certifications);

  struct Pair {
    std::string occupation, area;
    std::shared_ptr<const AreaDistribution> base;
  };
  std::vector<Pair> pairs;
  for (const auto& [code, occupation] : data.occupations) {
    std::vector<std::string> areas;
    for (const auto& [area, row] : occupation.areas) areas.push_back(area);
    for (const std::string& area : areas) {
      auto base = area_distribution(data, code, area);
      if (base) pairs.push_back({code, area, std::make_shared<const AreaDistribution>(std::move(base.value()))});
    }
  }

  long profiles = 0;
  double max_typical = 0, max_high = 0;
  std::string at_typical, at_high;
  for (const Pair& pair : pairs) {
    Profile p;
    p.occupation = pair.occupation;
    p.area = pair.area;
    for (const auto& experience : experiences)
      for (const auto& specialization : specializations)
        for (const auto& company : companies)
          for (const auto& skill : skill_sets)
            for (const auto& technology : technology_sets)
              for (const auto& certification : certification_sets) {
                p.experience = experience, p.specialization = specialization, p.company_type = company;
                p.skills = skill, p.technologies = technology, p.certifications = certification;
                auto e = estimate(data, p, pair.base);
                if (!e) {
                  std::fprintf(stderr, "%s: %s\n", describe(p).c_str(), e.error().message.c_str());
                  return 1;
                }
                ++profiles;
                if (e->typical > max_typical) max_typical = e->typical, at_typical = describe(p);
                if (e->high > max_high) max_high = e->high, at_high = describe(p);
              }
  }

  // The reduction, on random profiles with up to three ids per list (a fixed seed: the same
  // profiles every run).
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
  long identical = 0;
  for (long i = 0; i < samples; ++i) {
    const Pair& pair = pairs[next(pairs.size())];
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
  }
  std::printf(
      "{\"pairs\": %zu, \"profiles\": %ld, \"max_typical\": %.2f, \"max_typical_profile\": \"%s\", "
      "\"max_high\": %.2f, \"max_high_profile\": \"%s\", \"sampled\": %ld, \"identical\": %ld}\n",
      pairs.size(), profiles, max_typical, at_typical.c_str(), max_high, at_high.c_str(), samples, identical);
  return 0;
}
