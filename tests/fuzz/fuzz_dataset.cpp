// libFuzzer target: arbitrary bytes as a dataset. load_dataset() must never crash, abort or hit
// UB, whatever it is given; and whatever it accepts must be safe to compute on: every
// occupation × area distribution, estimates at each experience level and with every factor, cost
// of living between areas, and take-home pay for each area, year and filing status, with the
// invariants of fuzz_checks.hpp. The work per input is bounded (kMax*), so a large accepted
// dataset cannot make one input take seconds.
//
// Two kinds of input:
// - raw bytes (anything not starting with '!'): the JSON text itself, to fuzz the parser and
//   every validation rule;
// - '!' then edit commands: edits applied to the valid minimized dataset
//   (SALARY_FUZZ_BASE_DATASET, corpus/dataset/valid-minimized.json) before loading it: set a
//   number to an extreme or a nudged value (one ulp, a few percent), a number to null, a string
//   to one of the dataset's codes, remove a member, add one, copy one subtree over another.
//   Mutated JSON text rarely passes every rule (3 of 1,288 inputs after 10 minutes); a single
//   nudge usually does, so the calculations see datasets with extreme but accepted values
//   (the edit-*.bin seeds: points one ulp apart, subnormal wages, rates just below 1).
//
// Built and run by scripts/fuzz; seeds in tests/fuzz/corpus/dataset/, dictionary dataset.dict.
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "salary/dataset.hpp"

namespace {

using ordered_json = nlohmann::ordered_json;
using pointer = ordered_json::json_pointer;

constexpr size_t kMaxOccupations = 8;
constexpr size_t kMaxAreas = 48;
constexpr size_t kMaxLevels = 8;
constexpr size_t kMaxTaxAreas = 24;

void exercise(const salary::Dataset& data) {
  using namespace salary;
  using fuzz::require;

  // Every id the dataset lists is findable.
  for (const auto& code : data.area_order) require(data.find_area(code) != nullptr);
  for (const auto& code : data.occupation_order) require(data.find_occupation(code) != nullptr);
  require(data.find_area("US") != nullptr);

  // One profile with every factor of every kind (the estimate keeps the largest per group).
  Profile all;
  for (const Factor& f : data.factors) {
    switch (f.kind) {
      case FactorKind::kSpecialization:
        if (all.specialization.empty()) all.specialization = f.id;
        break;
      case FactorKind::kCompanyType:
        if (all.company_type.empty()) all.company_type = f.id;
        break;
      case FactorKind::kSkill: all.skills.push_back(f.id); break;
      case FactorKind::kTechnology: all.technologies.push_back(f.id); break;
      case FactorKind::kCertification: all.certifications.push_back(f.id); break;
    }
  }

  size_t occupations = 0;
  for (const auto& occupation : data.occupation_order) {
    if (++occupations > kMaxOccupations) break;
    size_t areas = 0;
    for (const auto& area : data.area_order) {
      if (++areas > kMaxAreas) break;
      auto d = area_distribution(data, occupation, area);
      if (!d) {
        require(!d.error().code.empty() && !d.error().message.empty());
        continue;
      }
      fuzz::check_area_distribution(d.value());
      // With no experience and no factor, the estimate is the area's own middle 50 %.
      Profile p;
      p.occupation = occupation;
      p.area = area;
      auto plain = estimate(data, p);
      if (plain) fuzz::check_estimate(plain.value());
      size_t levels = 0;
      for (const ExperienceLevel& level : data.experience_levels) {
        if (++levels > kMaxLevels) break;
        p.experience = level.id;
        auto e = estimate(data, p);
        if (e) fuzz::check_estimate(e.value());
      }
      all.occupation = occupation;
      all.area = area;
      auto e = estimate(data, all);
      if (e) fuzz::check_estimate(e.value());
    }
  }

  // Cost of living from the nation to each area and back.
  size_t areas = 0;
  for (const auto& area : data.area_order) {
    if (++areas > kMaxAreas) break;
    auto there = cost_of_living(data, 100000, "US", area);
    if (!there) continue;
    fuzz::check_cost_of_living(there.value());
    auto back = cost_of_living(data, there->equivalent, area, "US");
    require(back.ok());
    fuzz::check_cost_of_living(back.value());
  }

  // Take-home pay for each year, a bounded set of areas (states, metros, the nation) and each
  // filing status, at a few salaries including the edges (0, the cap, retirement = salary).
  for (const auto& [year, federal] : data.tax.federal) {
    (void)federal;
    size_t tax_areas = 0;
    for (const auto& area : data.area_order) {
      if (++tax_areas > kMaxTaxAreas) break;
      for (FilingStatus status : {FilingStatus::kSingle, FilingStatus::kJoint, FilingStatus::kSeparate,
                                  FilingStatus::kHeadOfHousehold}) {
        for (double salary : {0.0, 55555.5, 250000.0, 1e9}) {
          for (double retirement_share : {0.0, 1.0}) {
            TakeHomeInput in;
            in.salary = salary;
            in.area = area;
            in.year = year;
            in.filing_status = status;
            in.pretax_retirement = salary * retirement_share;
            auto t = take_home(data, in);
            if (t) fuzz::check_take_home(t.value(), in);
          }
        }
      }
    }
  }
}

// ---- the '!' mode: edits to a valid base dataset ----

struct Base {
  ordered_json doc;
  std::vector<pointer> paths;      // every value in the document, containers included
  std::vector<pointer> numbers;    // the numbers (most edits change one: it keeps the rest valid)
  std::vector<pointer> strings;
  std::vector<std::string> texts;  // strings worth writing: the document's own keys and values
};

void collect(const ordered_json& value, const pointer& at, Base& base) {
  base.paths.push_back(at);
  if (value.is_number()) base.numbers.push_back(at);
  if (value.is_string()) base.strings.push_back(at);
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      base.texts.push_back(key);
      collect(child, at / key, base);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) collect(value[i], at / i, base);
  } else if (value.is_string()) {
    base.texts.push_back(value.get_ref<const std::string&>());
  }
}

const Base& base() {
  static const Base b = [] {
    std::ifstream in(SALARY_FUZZ_BASE_DATASET, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Base out;
    out.doc = ordered_json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (!out.doc.is_object() || !salary::load_dataset(text.str())) {
      std::fprintf(stderr, "fuzz_dataset: the base dataset %s does not load\n", SALARY_FUZZ_BASE_DATASET);
      std::abort();
    }
    collect(out.doc, pointer(), out);
    return out;
  }();
  return b;
}

class Edits : public fuzz::ByteReader {
 public:
  using ByteReader::ByteReader;
  size_t index(size_t n) { return static_cast<size_t>(bits(2) % n); }
  // A JSON number: the extremes a loader must bound (JSON has no NaN or infinity), or a nudge of
  // the current value (one ulp, a few percent, a power of two), which usually stays valid.
  ordered_json number(const ordered_json& current) {
    double cur = current.is_number() ? current.get<double>() : 1.0;
    switch (u8() % 16) {
      case 0: return 0;
      case 1: return -1;
      case 2: return DBL_MAX;
      case 3: return DBL_MIN;
      case 4: return std::nextafter(0.0, 1.0);
      case 5: {
        uint64_t raw = bits(8);
        double v;
        std::memcpy(&v, &raw, sizeof v);
        return std::isfinite(v) ? ordered_json(v) : ordered_json(1e308);
      }
      case 6: return bits(2);                                     // small whole numbers
      case 7: return bits(4);                                     // up to 4.3e9
      case 8: return static_cast<double>(bits(2)) / 655.35;       // 0 … 100
      case 9: return std::ldexp(1.0, static_cast<int8_t>(u8()) * 4);  // 2^-512 … 2^508
      case 10: return std::nextafter(cur, HUGE_VAL);
      case 11: return std::nextafter(cur, 0.0);
      case 12: return cur * (1 + u8() / 256.0);
      case 13: return cur * (1 - u8() / 512.0);
      case 14: return std::ldexp(cur, static_cast<int8_t>(u8()) / 8);
      default: return UINT64_MAX - bits(1);
    }
  }

};

std::string edited_dataset(const uint8_t* bytes, size_t size) {
  const Base& b = base();
  ordered_json doc = b.doc;
  Edits in(bytes, size);
  for (int n = 0; n < 16 && !in.empty(); ++n) {
    uint8_t op = in.u8() % 8;
    const std::vector<pointer>& choices = op < 5 ? b.numbers : op == 5 ? b.strings : b.paths;
    const pointer& at = choices[in.index(choices.size())];
    if (!doc.contains(at)) continue;  // an earlier edit removed or replaced it
    switch (op) {
      case 0: case 1: case 2: case 3: doc[at] = in.number(doc.at(at)); break;
      case 4: doc[at] = nullptr; break;
      case 5: doc[at] = b.texts[in.index(b.texts.size())]; break;
      case 6: {  // remove it from its parent
        if (at.empty()) break;
        ordered_json& parent = doc[at.parent_pointer()];
        const std::string& last = at.back();
        if (parent.is_object()) parent.erase(last);
        else if (parent.is_array() && !last.empty() && last.size() < 6) parent.erase(std::stoul(last));
        break;
      }
      default: {  // add a member named by one of the dataset's strings, or an array element
        if (in.u8() & 1) {  // or copy another subtree over it
          const pointer& from = b.paths[in.index(b.paths.size())];
          if (doc.contains(from) && !at.empty()) doc[at] = ordered_json(doc.at(from));
          break;
        }
        ordered_json& target = doc[at];
        const pointer& from = b.paths[in.index(b.paths.size())];
        if (!doc.contains(from)) break;
        ordered_json value = doc.at(from);
        if (target.is_object()) target[b.texts[in.index(b.texts.size())]] = std::move(value);
        else if (target.is_array() && target.size() < 64) target.push_back(std::move(value));
        break;
      }
    }
  }
  return doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string edited;
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  if (size > 0 && bytes[0] == '!') {
    edited = edited_dataset(bytes + 1, size - 1);
    text = edited;
  }
  auto loaded = salary::load_dataset(text);
  if (!loaded) {
    // Every error has a stable code and a message that starts with a JSON Pointer.
    fuzz::require(!loaded.error().code.empty());
    fuzz::require(!loaded.error().message.empty() && loaded.error().message[0] == '/');
    return 0;
  }
  exercise(loaded.value());
  return 0;
}
