// libFuzzer target: the calculation entry points on the shipped dataset (loaded once, from
// SALARY_DATA_PATH). The input is a sequence of calls, each an opcode byte and its arguments:
// doubles (including NaN, ±inf, ±0, huge, subnormal, negative and raw bit patterns), strings (the
// dataset's own codes most of the time, arbitrary bytes otherwise) and lists of factor ids. Every
// call must return a Result without crashing, and every ok result must satisfy the invariants of
// fuzz_checks.hpp plus the ones below that hold for the shipped data (finite outputs, round trips,
// total tax <= gross, symmetric cost of living). A violation is __builtin_trap().
//
// Built and run by scripts/fuzz; seeds in tests/fuzz/corpus/calculations/.
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_checks.hpp"

namespace {

using namespace salary;
using fuzz::finite;
using fuzz::require;

// Reads arguments from the front of the input; an exhausted input reads as zeros.
class Input : public fuzz::ByteReader {
 public:
  using ByteReader::ByteReader;

  double number() {
    switch (u8() % 18) {
      case 0: return NAN;
      case 1: return INFINITY;
      case 2: return -INFINITY;
      case 3: return 0.0;
      case 4: return -0.0;
      case 5: return DBL_MAX;
      case 6: return std::nextafter(0.0, 1.0);  // the smallest subnormal
      case 7: {
        uint64_t raw = bits(8);
        double v;
        std::memcpy(&v, &raw, sizeof v);
        return v;
      }
      case 8: return static_cast<double>(bits(2));                 // small whole numbers
      case 9: return static_cast<double>(bits(4));                 // whole dollars up to 4.3e9
      case 10: return -static_cast<double>(bits(4));
      case 11: return static_cast<double>(bits(2)) / 655.35;       // 0 … 100 (a percentile)
      case 12: return 1e9;                                         // the largest salary accepted
      case 13: return static_cast<double>(bits(4)) / 100;         // cents
      case 14: return std::nextafter(1e9, 2e9);                    // just above the limit
      case 15: return static_cast<double>(bits(2)) / 65535;       // 0 … 1
      case 16: return std::ldexp(1.0, static_cast<int8_t>(u8()) * 8);  // powers of two, 2^±1024
      default: return 1000 * std::pow(5000.0, static_cast<double>(bits(2)) / 65535);  // 1e3 … 5e6
    }
  }

  // Mostly one of the dataset's codes; sometimes arbitrary bytes (up to 31).
  std::string text(const std::vector<std::string>& pool) {
    uint8_t pick = u8();
    if (pick < 0xf0 && !pool.empty()) return pool[pick % pool.size()];
    std::string out;
    for (size_t n = u8() % 32; n > 0 && !empty(); --n) out += static_cast<char>(u8());
    return out;
  }
  std::vector<std::string> list(const std::vector<std::string>& pool) {
    std::vector<std::string> out(u8() % 6);
    for (auto& s : out) s = text(pool);
    return out;
  }

};

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Shipped {
  Dataset data;
  std::vector<std::string> occupations, areas, levels, statuses, periods;
  std::vector<std::pair<std::string, std::string>> localities;  // (state, locality id), both years
  std::vector<std::string> factors[5];  // by FactorKind
};

const Shipped& shipped() {
  static const Shipped s = [] {
    auto loaded = load_dataset(read_file(SALARY_DATA_PATH));
    if (!loaded) {
      std::fprintf(stderr, "fuzz_calculations: %s does not load: %s\n", SALARY_DATA_PATH,
                   loaded.error().message.c_str());
      std::abort();
    }
    Shipped out;
    out.data = std::move(loaded.value());
    out.occupations = out.data.occupation_order;
    out.areas = out.data.area_order;
    for (const auto& level : out.data.experience_levels) out.levels.push_back(level.id);
    for (const auto& f : out.data.factors) out.factors[static_cast<int>(f.kind)].push_back(f.id);
    out.statuses = {"single", "joint", "separate", "head_of_household"};
    out.periods = {"annual", "monthly", "semimonthly", "biweekly", "weekly", "hourly"};
    for (const auto& [year, states] : out.data.tax.local)
      for (const auto& [state, places] : states)
        for (const Locality& l : places.localities) out.localities.emplace_back(state, l.id);
    return out;
  }();
  return s;
}

bool close(double a, double b, double relative) {
  return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
}

// A salary the API accepts (what the bindings check before calling percentile_of).
bool valid_salary(double v) { return !check_salary("salary", v); }
// A percentile salary_at accepts (what the bindings check before calling it).
bool valid_percentile(double p) { return std::isfinite(p) && p > 0 && p < 100; }

void distribution_calls(const Shipped& s, Input& in) {
  std::string occupation = in.text(s.occupations), area = in.text(s.areas);
  double a = in.number(), b = in.number(), p = in.number();
  auto d = area_distribution(s.data, occupation, area);
  if (!d) {
    require(!d.error().code.empty());
    return;
  }
  fuzz::check_area_distribution(d.value());
  const Distribution& dist = d->distribution;
  if (valid_salary(a) && valid_salary(b)) {
    fuzz::check_distribution(dist, a, b);
    double pa = dist.percentile_of(a);
    // Strictly increasing and a round trip within $1, where a double percentile still resolves
    // the salary: not underflowed towards 0 (a steep lower tail) and not within 1e-6 of 100 (a
    // steep Pareto tail), as in tests/core/test_properties.cpp.
    double pb = dist.percentile_of(b);
    auto resolved = [](double q) { return q > 1e-290 && q < 100 - 1e-6; };
    if (a >= 1 && b > a * (1 + 1e-6) && b <= 5e6 && resolved(pa) && resolved(pb)) require(pb > pa);
    if (a >= 1000 && a <= 5e6 && resolved(pa)) require(std::abs(dist.salary_at(pa) - a) < 1.0);
  }
  if (valid_percentile(p)) {
    double w = dist.salary_at(p);
    require(finite(w) && w >= 0);
    if (p >= 0.01 && p <= 99.99) require(std::abs(dist.percentile_of(w) - p) < 0.01);
  } else {
    (void)dist.salary_at(p);  // outside the contract: any value, but no UB
    (void)dist.percentile_of(p);
  }
}

void estimate_call(const Shipped& s, Input& in) {
  Profile p;
  p.occupation = in.text(s.occupations);
  p.area = in.text(s.areas);
  uint8_t present = in.u8();
  if (present & 1) p.experience = in.text(s.levels);
  if (present & 2) p.specialization = in.text(s.factors[static_cast<int>(FactorKind::kSpecialization)]);
  if (present & 4) p.company_type = in.text(s.factors[static_cast<int>(FactorKind::kCompanyType)]);
  if (present & 8) p.skills = in.list(s.factors[static_cast<int>(FactorKind::kSkill)]);
  if (present & 16) p.technologies = in.list(s.factors[static_cast<int>(FactorKind::kTechnology)]);
  if (present & 32) p.certifications = in.list(s.factors[static_cast<int>(FactorKind::kCertification)]);
  auto e = estimate(s.data, p);
  if (!e) {
    require(!e.error().code.empty());
    return;
  }
  fuzz::check_estimate(e.value());
  // The profile's p25/p50/p75 are the range; an offer is placed in both distributions.
  double offer = in.number();
  if (valid_salary(offer)) {
    double in_profile = e->profile.percentile_of(offer), in_area = e->base->distribution.percentile_of(offer);
    require(in_profile >= 0 && in_profile <= 100 && in_area >= 0 && in_area <= 100);
  }
  require(std::abs(e->profile.percentile_of(e->typical) - 50) < 1e-6);
}

PayPeriod period(const Shipped& s, Input& in) {
  if (auto parsed = parse_pay_period(in.text(s.periods))) return *parsed;
  return static_cast<PayPeriod>(in.u8() % 6);
}

void convert_call(const Shipped& s, Input& in) {
  double amount = in.number(), hours = in.number();
  PayPeriod from = period(s, in), to = period(s, in);
  auto r = convert_pay(amount, from, to, hours);
  if (!r) {
    require(!r.error().code.empty());
    return;
  }
  require(finite(*r) && *r >= 0);
  require(std::isfinite(amount) && amount >= 0);
  auto back = convert_pay(*r, to, from, hours);
  // Round trip, unless the first conversion underflowed into (or out of) the subnormals.
  if (back && amount > 1e-290 && *r > 1e-290) require(close(*back, amount, 1e-12));
}

void compensation_call(Input& in) {
  CompensationParts parts;
  uint8_t present = in.u8();
  parts.base = in.number();
  if (present & 1) parts.bonus_percent = in.number();
  if (present & 2) parts.equity_grant = in.number();
  if (present & 4) parts.equity_vesting_years = in.number();
  if (present & 8) parts.equity_annual = in.number();
  if (present & 16) parts.benefits = in.number();
  if (present & 32) parts.retirement_match_percent = in.number();
  auto r = total_compensation(parts);
  if (!r) {
    require(!r.error().code.empty());
    return;
  }
  const TotalCompensation& t = r.value();
  for (double v : {t.base, t.bonus, t.equity, t.benefits, t.retirement_match, t.total})
    require(finite(v) && v >= 0);
  require(t.total >= t.base);
  require(close(t.total, t.base + t.bonus + t.equity + t.benefits + t.retirement_match, 1e-12));
  require(!t.lines.empty() && t.lines[0].id == "base");
  for (const auto& line : t.lines) require(finite(line.amount) && line.amount >= 0);
}

void cost_of_living_call(const Shipped& s, Input& in) {
  double salary = in.number();
  std::string from = in.text(s.areas), to = in.text(s.areas);
  auto level = price_level(s.data, from);
  if (level) require(finite(level->rpp) && level->rpp > 0);
  auto r = cost_of_living(s.data, salary, from, to);
  if (!r) {
    require(!r.error().code.empty());
    return;
  }
  fuzz::check_cost_of_living(r.value());
  if (r->equivalent > 1e9) return;  // the way back would be refused as above the salary limit
  auto back = cost_of_living(s.data, r->equivalent, to, from);
  require(back.ok());
  require(close(r->ratio * back->ratio, 1, 1e-12));
  if (salary > 1e-290) require(close(back->equivalent, salary, 1e-12));
}

void take_home_call(const Shipped& s, Input& in) {
  TakeHomeInput input;
  input.salary = in.number();
  uint8_t present = in.u8();
  input.pretax_retirement = present & 1 ? in.number() : (present & 2 ? input.salary * (in.u8() / 255.0) : 0);
  input.area = in.text(s.areas);
  switch (in.u8() % 4) {
    case 0: input.year = 2025; break;
    case 1: input.year = 2026; break;
    case 2: input.year = static_cast<int>(static_cast<int32_t>(in.bits(4))); break;
    default: break;  // the default year
  }
  if (auto status = parse_filing_status(in.text(s.statuses))) input.filing_status = *status;
  // A place with a local tax (its state as the area), or any text as the locality.
  if (present & 4 && !s.localities.empty()) {
    size_t pick = in.u8() * 256u;
    pick += in.u8();
    const auto& [state, locality] = s.localities[pick % s.localities.size()];
    input.area = state;
    input.locality = locality;
  } else if (present & 8) {
    input.locality = in.text({});
  }
  // The other contributions: a share of the salary (mostly within the limits) or any number.
  if (present & 16) input.hsa = present & 32 ? in.number() : input.salary * (in.u8() / 255.0) * 0.05;
  if (present & 64) input.fsa = present & 32 ? in.number() : input.salary * (in.u8() / 255.0) * 0.03;
  if (present & 128) {
    input.age = static_cast<int8_t>(in.u8());
    if (in.u8() & 1) input.hsa_coverage = HsaCoverage::kFamily;
  }
  auto r = take_home(s.data, input);
  if (!r) {
    require(!r.error().code.empty());
    return;
  }
  const TakeHome& t = r.value();
  fuzz::check_take_home(t, input);
  // The shipped rates are sane: all taxes together never exceed the wages, net adds up.
  require(t.total_tax <= t.gross);
  require(t.effective_rate <= 1);
  require(std::abs(t.net + t.total_tax + t.pretax_retirement + t.hsa + t.fsa - t.gross) <= 1e-6 * std::max(1.0, t.gross));
  require(t.federal_marginal_rate < 1 && t.state_marginal_rate < 1);
}

void from_points_call(Input& in) {
  std::array<double, 5> points{};
  uint8_t shape = in.u8();
  if (shape & 1) {
    for (double& v : points) v = in.number();
  } else {  // increasing by construction: a start and four gaps, some of them 1 ulp
    double v = std::abs(in.number());
    for (double& point : points) {
      uint8_t step = in.u8();
      v = step < 64 ? std::nextafter(v, INFINITY) : v * (1 + step / 64.0);
      point = v;
    }
  }
  auto d = Distribution::from_points(points);
  if (!d) return;
  double a = in.number(), b = in.number();
  fuzz::check_distribution(d.value(), std::abs(a), std::abs(b));
  // scaled() for any factor > 0: an error or a valid distribution, never a crash.
  double factor = in.number();
  if (finite(factor) && factor > 0) {
    auto scaled = d->scaled(factor);
    if (scaled) fuzz::check_distribution(scaled.value(), std::abs(a), std::abs(b));
  }
}

void normal_call(Input& in) {
  double p = in.number();
  double c = normal_cdf(p);
  if (!std::isnan(p)) require(c >= 0 && c <= 1);
  if (p > 0 && p < 1) {
    double z = normal_quantile(p);
    require(finite(z));
    if (p > 1e-300 && p < 0.5) require(close(normal_cdf(z), p, 1e-9));
  }
}

void parse_calls(const Shipped& s, Input& in) {
  std::string text = in.text(s.statuses);
  if (auto status = parse_filing_status(text)) require(text == to_string(*status));
  text = in.text(s.periods);
  if (auto period = parse_pay_period(text)) require(text == to_string(*period));
  double v = in.number();
  bool rejected = check_salary("x", v).has_value();
  require(rejected == !(std::isfinite(v) && v >= 0 && v <= 1e9));
  const Dataset& data = s.data;
  std::string id = in.text(s.levels);
  if (const ExperienceLevel* level = data.find_experience(id)) require(level->id == id);
  for (int kind = 0; kind < 5; ++kind) {
    id = in.text(s.factors[kind]);
    if (const Factor* f = data.find_factor(static_cast<FactorKind>(kind), id)) require(f->id == id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const Shipped& s = shipped();
  Input in(bytes, size);
  // At most 64 calls per input, so a long input cannot take long.
  for (int calls = 0; calls < 64 && !in.empty(); ++calls) {
    switch (in.u8() % 10) {
      case 0: distribution_calls(s, in); break;
      case 1: estimate_call(s, in); break;
      case 2: convert_call(s, in); break;
      case 3: compensation_call(in); break;
      case 4: cost_of_living_call(s, in); break;
      case 5: take_home_call(s, in); break;
      case 6: from_points_call(in); break;
      case 7: normal_call(in); break;
      default: parse_calls(s, in); break;
    }
  }
  return 0;
}
