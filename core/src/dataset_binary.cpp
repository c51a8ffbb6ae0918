// One description of the Dataset's fields, `visit`, drives both directions: Packer writes each
// field, Unpacker reads it back. Adding a field to dataset.hpp means adding it here once.
#include "salary/dataset_binary.hpp"

#include <cmath>
#include <cstring>
#include <set>

#include "number_format.hpp"
#include "salary/wage_area.hpp"

namespace salary {
namespace {

constexpr char kMagic[] = {'S', 'A', 'L', 'B'};
constexpr uint8_t kFormat = 4;
constexpr char kPartBytes[] = {'A', 'C', 'X', 'M'};  // by DatasetPart

// A number is one zigzag varint n whose low 3 bits are a tag saying how to read the rest:
enum Tag : uint64_t {
  kTens = 0,     // n × 10: most wages are whole tens, and 13308 is a shorter varint than 133080
  kDivided = 1,  // kDivided + k: n / kDivisors[k] (whole numbers, cents, rates)
  kRaw = 5,      // the double's 8 bytes follow
  kAbsent = 6,   // an empty optional
  kAbsolute = 7  // in a delta or cents field: not a difference, the value follows in full
};
constexpr double kDivisors[] = {1, 1e2, 1e4, 1e7};

// The field lists (defined below) are declared first, so the Packer and Unpacker templates see them.
template <typename Io> void visit(Io& io, Source& s);
template <typename Io> void visit(Io& io, Area& a);
template <typename Io> void visit(Io& io, WageRow& r);
template <typename Io> void visit(Io& io, TrendPoint& t);
template <typename Io> void visit(Io& io, Occupation& o);
template <typename Io> void visit(Io& io, WageLevels& l);
template <typename Io> void visit(Io& io, PrevailingWages& p);
template <typename Io> void visit(Io& io, MetroMedians& m);

template <typename Io> void visit(Io& io, Range& r);
template <typename Io> void visit(Io& io, WorldRegions& w);
template <typename Io> void visit(Io& io, PriceParityTable& t);
template <typename Io> void visit(Io& io, ExperienceLevel& l);
template <typename Io> void visit(Io& io, Factor& f);
template <typename Io> void visit(Io& io, CompensationNorm& n);
template <typename Io> void visit(Io& io, PublishedEstimate& e);
template <typename Io> void visit(Io& io, Bracket& b);
template <typename Io> void visit(Io& io, FederalTaxYear& y);
template <typename Io> void visit(Io& io, ByStatus& b);
template <typename Io> void visit(Io& io, PretaxExclusions& p);
template <typename Io> void visit(Io& io, Phase& p);
template <typename Io> void visit(Io& io, TaxItem& t);
template <typename Io> void visit(Io& io, StateTax& s);
template <typename Io> void visit(Io& io, PayrollProgram& p);
template <typename Io> void visit(Io& io, LocalTax& t);
template <typename Io> void visit(Io& io, Locality& l);
template <typename Io> void visit(Io& io, StateLocalities& s);
template <typename Io> void visit(Io& io, ContributionLimits& l);
template <typename Io> void visit(Io& io, TaxTables& t);

// FNV-1a over the payload, stored as the last 8 bytes: a damaged file is an error, not odd figures.
uint64_t checksum(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (char c : bytes) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  return h;
}

void append_varint(std::string& to, uint64_t v) {
  while (v >= 0x80) {
    to += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  to += static_cast<char>(v);
}

class Packer {
 public:
  // Two streams, stored one after the other: the strings apart from the numbers and counts
  // compress better (gzip ~4 % smaller) than the two interleaved.
  std::string out, text;

  std::set<std::string> cited;  // the source ids written so far

  void varint(uint64_t v) { append_varint(out, v); }
  void field(std::string& s) {
    append_varint(text, s.size());
    text += s;
  }
  void source(std::string& id) {
    cited.insert(id);
    field(id);
  }
  void field(double& v) {
    // The first form that reads back exactly; else the raw bytes.
    double tens = v / 10;
    if (whole(tens) && tens * 10 == v) return tagged(tens, kTens);
    for (uint64_t k = 0; k < 4; ++k) {
      double scaled = v * kDivisors[k];
      if (whole(scaled) && scaled / kDivisors[k] == v) return tagged(scaled, kDivided + k);
    }
    varint(kRaw);
    char raw[8];
    std::memcpy(raw, &v, 8);
    out.append(raw, 8);
  }
  void field(int& v) {
    double d = v;
    field(d);
  }
  void field(bool& b) { varint(b ? 1 : 0); }
  void field(std::optional<double>& v) {
    if (v) return field(*v);
    varint(kAbsent);
  }
  template <typename T>
  void field(std::optional<T>& v) {
    bool present = v.has_value();
    field(present);
    if (present) field(*v);
  }
  // A figure next to a related one (the percentile below it) as the difference: a shorter varint.
  void delta(std::optional<double>& v, const std::optional<double>& base) {
    if (v && base) {
      double difference = *v - *base;
      if (difference + *base == *v) return field(difference);
      varint(kAbsolute);
    }
    field(v);
  }
  // A figure close to a predicted one, as the difference in whole cents.
  void cents(std::optional<double>& v, const std::optional<double>& predicted) {
    if (v && predicted) {
      double mine = std::nearbyint(*v * 100), expected = std::nearbyint(*predicted * 100);
      if (whole(mine) && mine / 100 == *v && whole(expected)) {
        double difference = mine - expected;
        return field(difference);
      }
      varint(kAbsolute);
    }
    field(v);
  }
  template <typename T>
  void field(std::vector<T>& items) {
    varint(items.size());
    for (T& item : items) field(item);
  }
  template <typename K, typename V>
  void field(std::map<K, V>& map) {
    varint(map.size());
    for (auto& [key, value] : map) {
      K k = key;
      field(k);
      field(value);
    }
  }
  template <typename T>  // enums and the dataset's structs
  void field(T& value) {
    if constexpr (std::is_enum_v<T>)
      varint(static_cast<uint64_t>(value));
    else
      visit(*this, value);
  }

 private:
  static bool whole(double x) { return std::fabs(x) < 9e15 && x == std::nearbyint(x); }
  void tagged(double whole_number, uint64_t tag) {
    int64_t n = static_cast<int64_t>(whole_number);
    uint64_t zigzag = (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63);
    varint(zigzag << 3 | tag);
  }
};

class Unpacker {
 public:
  std::string_view in;  // the payload: the header, the numbers and counts [pos, end), the strings [text, in.size())
  size_t pos = 0, end = 0, text = 0;
  std::optional<Error> error;

  bool fail(const char* what, size_t at) {
    if (!error) error = make_error(code::kDatasetSyntax, "byte " + detail::format_integer(static_cast<long long>(at)) + ": " + what);
    pos = end, text = in.size();  // every later read fails fast
    return false;
  }
  bool fail(const char* what) { return fail(what, pos); }
  uint64_t varint() { return varint(pos, end); }
  // A count of items that each take at least one byte cannot exceed the bytes left.
  size_t count() {
    uint64_t n = varint();
    if (n > (end - pos) + (in.size() - text)) return fail("count larger than the data"), 0;
    return static_cast<size_t>(n);
  }
  void source(std::string& id) { field(id); }
  void field(std::string& s) {
    uint64_t n = varint(text, in.size());
    if (n > in.size() - text) return void(fail("truncated", text));
    s.assign(in.substr(text, n));
    text += n;
  }
  void field(double& v) { number(varint(), v); }
  void field(int& v) {
    double d = 0;
    field(d);
    if (!(std::fabs(d) < 1e9)) return void(fail("integer out of range"));
    v = static_cast<int>(d);
  }
  void field(bool& b) { b = varint() != 0; }
  void field(std::optional<double>& v) {
    uint64_t tagged = varint();
    if ((tagged & 7) == kAbsent) return v.reset();
    number(tagged, v.emplace());
  }
  template <typename T>
  void field(std::optional<T>& v) {
    bool present = false;
    field(present);
    if (!present) return v.reset();
    T value{};
    field(value);
    v = value;
  }
  template <typename T>
  void field(std::vector<T>& items) {
    // Sized once (count() bounds it by the bytes left): no per-type code to regrow and move the
    // elements, ~0.9 KB less gzip in the wasm than emplace_back().
    items = std::vector<T>(count());
    for (T& item : items) field(item);  // after an error every read fails at once
  }
  template <typename K, typename V>
  void field(std::map<K, V>& map) {
    size_t n = count();
    for (size_t i = 0; i < n && !error; ++i) {
      K key{};
      field(key);
      field(map[key]);
    }
  }
  void delta(std::optional<double>& v, const std::optional<double>& base) {
    if (!base) return field(v);
    uint64_t tagged = varint();
    if ((tagged & 7) == kAbsent) return v.reset();
    if ((tagged & 7) == kAbsolute) return field(v.emplace());
    number(tagged, v.emplace());
    *v += *base;
  }
  void cents(std::optional<double>& v, const std::optional<double>& predicted) {
    if (!predicted) return field(v);
    uint64_t tagged = varint();
    if ((tagged & 7) == kAbsent) return v.reset();
    if ((tagged & 7) == kAbsolute) return field(v.emplace());
    number(tagged, v.emplace());
    *v = (*v + std::nearbyint(*predicted * 100)) / 100;
  }
  template <typename T>  // enums and the dataset's structs
  void field(T& value) {
    if constexpr (std::is_enum_v<T>) {
      uint64_t v = varint();
      if (v > 7) return void(fail("bad enum value"));  // every enum here has at most 8 values
      value = static_cast<T>(v);
    } else {
      visit(*this, value);
    }
  }

 private:
  // Reads the number whose tagged varint was just read (see Tag).
  void number(uint64_t tagged, double& v) {
    uint64_t tag = tagged & 7;
    uint64_t zigzag = tagged >> 3;
    double n = static_cast<double>(static_cast<int64_t>(zigzag >> 1) ^ -static_cast<int64_t>(zigzag & 1));
    if (tag == kTens) {
      v = n * 10;
    } else if (tag < kRaw) {
      v = n / kDivisors[tag - kDivided];
    } else if (tag == kRaw) {
      if (end - pos < 8) return void(fail("truncated"));
      std::memcpy(&v, in.data() + pos, 8);
      pos += 8;
    } else {
      fail("bad number tag");
    }
  }
  uint64_t varint(size_t& at, size_t limit) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= limit) return fail("truncated", at), 0;
      uint8_t byte = static_cast<uint8_t>(in[at++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail("varint too long", at), 0;
  }
};

// ---- the field lists, in declaration order ----
template <typename Io> void visit(Io& io, Source& s) {
  io.field(s.id), io.field(s.publisher), io.field(s.title), io.field(s.released), io.field(s.url), io.field(s.note);
  io.field(s.label);
}
template <typename Io> void visit(Io& io, Area& a) {
  io.field(a.code), io.field(a.name), io.field(a.kind), io.field(a.states), io.field(a.counties);
}
template <typename Io> void visit(Io& io, WageRow& r) {
  // Each percentile as its step from the one below, the mean as its distance from the median.
  io.field(r.p[0]);
  for (size_t i = 1; i < r.p.size(); ++i) io.delta(r.p[i], r.p[i - 1]);
  io.delta(r.mean, r.p[2]);
  io.field(r.employment);
  // BLS's annual wages are its hourly ones × 2080 hours, so the hourly median is within a cent of
  // the annual median's: one byte, where the cents themselves took three.
  io.cents(r.hourly_median, r.p[2] ? std::optional<double>(*r.p[2] / 2080) : std::nullopt);
  io.source(r.source);
}
template <typename Io> void visit(Io& io, TrendPoint& t) { io.field(t.release), io.source(t.source), io.field(t.median); }
template <typename Io> void visit(Io& io, Occupation& o) {
  io.field(o.code), io.field(o.title), io.source(o.source), io.field(o.areas), io.field(o.gaps);
  io.field(o.national_trend);
}
template <typename Io> void visit(Io& io, WageLevels& l) {
  // Level I in full, IV as its step from I, and II and III as their distance from a third and two
  // thirds of the way, where DOL puts them (give or take its rounding to the cent an hour): one
  // byte each instead of three.
  std::optional<double> one = l[0], two = l[1], three = l[2], four = l[3];
  io.field(one), io.delta(four, one);
  auto way = [&](double share) -> std::optional<double> {
    if (!one || !four) return std::nullopt;
    return std::nearbyint(*one + (*four - *one) * share);
  };
  io.delta(two, way(1.0 / 3)), io.delta(three, way(2.0 / 3));
  l = {one.value_or(0), two.value_or(0), three.value_or(0), four.value_or(0)};
}
template <typename Io> void visit(Io& io, PrevailingWages& p) {
  io.source(p.source), io.field(p.wage_year), io.field(p.levels);
}
template <typename Io> void visit(Io& io, MetroMedians& m) { io.source(m.source), io.field(m.values); }

template <typename Io> void visit(Io& io, Range& r) { io.field(r.low), io.field(r.high); }
template <typename Io> void visit(Io& io, WorldRegions& w) {
  io.source(w.source), io.field(w.currency), io.field(w.statistic), io.field(w.ranges);
}
template <typename Io> void visit(Io& io, PriceParityTable& t) {
  io.source(t.source), io.field(t.year), io.field(t.values);
}
template <typename Io> void visit(Io& io, ExperienceLevel& l) {
  io.field(l.id), io.field(l.label), io.field(l.years), io.source(l.source), io.field(l.band_low), io.field(l.band_high);
  io.field(l.weight);
}
template <typename Io> void visit(Io& io, Factor& f) {
  io.field(f.id), io.field(f.label), io.field(f.group), io.source(f.source), io.field(f.note);
  io.field(f.kind), io.field(f.premium), io.field(f.occupations);
}
template <typename Io> void visit(Io& io, CompensationNorm& n) {
  io.field(n.id), io.field(n.component), io.field(n.applies_to), io.field(n.label), io.source(n.source);
  io.field(n.low), io.field(n.high);
}
template <typename Io> void visit(Io& io, PublishedEstimate& e) {
  io.field(e.publisher), io.field(e.role), io.field(e.statistic), io.field(e.as_of), io.field(e.area);
  io.source(e.source), io.field(e.value), io.field(e.low), io.field(e.high);
}
template <typename Io> void visit(Io& io, Bracket& b) { io.field(b.threshold), io.field(b.rate); }
template <typename Io> void visit(Io& io, FederalTaxYear& y) {
  io.field(y.brackets), io.field(y.standard_deduction), io.field(y.social_security_rate);
  io.field(y.social_security_wage_base), io.field(y.medicare_rate), io.field(y.additional_medicare_rate);
  io.field(y.additional_medicare_threshold);
}
template <typename Io> void visit(Io& io, ByStatus& b) { io.field(b.single), io.field(b.joint); }
template <typename Io> void visit(Io& io, PretaxExclusions& p) {
  io.field(p.retirement), io.field(p.hsa), io.field(p.fsa), io.source(p.source), io.field(p.note);
}
template <typename Io> void visit(Io& io, Phase& p) {
  io.field(p.kind), io.field(p.income), io.field(p.start), io.field(p.step), io.field(p.per_step), io.field(p.floor);
  io.field(p.rates_single), io.field(p.rates_joint), io.field(p.bands_single), io.field(p.bands_joint);
}
template <typename Io> void visit(Io& io, TaxItem& t) {
  io.field(t.id), io.field(t.label), io.source(t.source), io.field(t.note), io.field(t.kind), io.field(t.amount);
  io.field(t.phase), io.field(t.share), io.field(t.schedule_single), io.field(t.schedule_joint);
  io.field(t.agi_threshold), io.field(t.phase_in);
}
template <typename Io> void visit(Io& io, StateTax& s) {
  io.field(s.type), io.field(s.base), io.field(s.flat_rate), io.field(s.single), io.field(s.joint);
  io.field(s.standard_deduction_single), io.field(s.standard_deduction_joint), io.field(s.surtax), io.field(s.note);
  io.field(s.pretax), io.field(s.items), io.field(s.not_modelled);
}
template <typename Io> void visit(Io& io, PayrollProgram& p) {
  io.field(p.id), io.field(p.label), io.source(p.source), io.field(p.note), io.field(p.rate), io.field(p.wage_base);
  io.field(p.annual_max), io.field(p.per_hour), io.field(p.per_year), io.field(p.wages);
}
template <typename Io> void visit(Io& io, LocalTax& t) {
  io.field(t.id), io.field(t.label), io.source(t.source), io.field(t.note), io.field(t.base), io.field(t.rate);
  io.field(t.brackets_single), io.field(t.brackets_joint), io.field(t.bands_single), io.field(t.bands_joint);
  io.field(t.exemption), io.field(t.fixed), io.field(t.fixed_above), io.field(t.pretax), io.field(t.credits);
}
template <typename Io> void visit(Io& io, Locality& l) {
  io.field(l.id), io.field(l.name), io.field(l.kind), io.field(l.note), io.field(l.taxes);
}
template <typename Io> void visit(Io& io, StateLocalities& s) { io.field(s.required), io.field(s.localities); }
template <typename Io> void visit(Io& io, ContributionLimits& l) {
  io.field(l.retirement), io.field(l.retirement_catch_up), io.field(l.retirement_catch_up_age);
  io.field(l.retirement_super_catch_up), io.field(l.super_catch_up_from), io.field(l.super_catch_up_to);
  io.field(l.roth_catch_up_wages), io.field(l.hsa_self), io.field(l.hsa_family), io.field(l.hsa_catch_up);
  io.field(l.hsa_catch_up_age), io.field(l.fsa), io.source(l.retirement_source), io.source(l.hsa_source);
  io.source(l.fsa_source);
}
template <typename Io> void visit(Io& io, TaxTables& t) {
  io.source(t.federal_source), io.source(t.state_source), io.field(t.federal), io.field(t.states);
  io.field(t.payroll), io.field(t.local), io.field(t.limits);
}

// The core part: what the wage figures of the nation and the states, the estimate and the sources
// need. The extras: what only take-home pay, cost of living, total compensation and the comparison
// with other published figures need. The areas: every metro and nonmetro wage area with its
// counties, DOL's prevailing wage levels, BLS's metro medians and the price levels of metros and
// state portions. `areas` and `sources` are the part's share of the dataset's.
using Sources = std::map<std::string, Source>;
template <typename Io> void visit_core(Io& io, Dataset& d, std::vector<Area>& areas, Sources& sources) {
  io.field(d.format), io.field(d.version), io.field(sources), io.field(areas);
  io.field(d.occupations), io.field(d.occupation_order), io.field(d.wage_top_code);
  io.source(d.wage_top_code_source), io.field(d.world_regions);
  io.field(d.experience_levels), io.field(d.factors);
}
template <typename Io> void visit_extras(Io& io, Dataset& d, std::vector<Area>&, Sources& sources) {
  io.field(d.state_parities), io.field(d.tax);
  io.field(d.compensation_norms), io.field(d.published_estimates), io.field(sources);
}
template <typename Io> void visit_areas(Io& io, Dataset& d, std::vector<Area>& areas, Sources& sources) {
  io.field(areas), io.field(d.prevailing_wages), io.field(d.metro_medians);
  io.field(d.metro_parities), io.field(d.metro_portions), io.field(d.nonmetro_portions), io.field(sources);
}

bool in_areas_part(const Area& a) { return is_wage_area(a.kind) || a.kind == AreaKind::kTerritory; }

void add_areas(Dataset& d, std::vector<Area>& areas) {
  for (Area& a : areas) {
    d.area_order.push_back(a.code);
    d.areas[a.code] = std::move(a);
  }
}

}  // namespace

std::string pack_dataset(const Dataset& source, DatasetPart part) {
  Dataset d = source;  // visit() takes non-const references (one code path for both directions)
  std::vector<Area> core_areas, wage_areas, none;
  for (const std::string& code : d.area_order) {
    const Area& a = d.areas.at(code);
    (part == DatasetPart::kAll || !in_areas_part(a) ? core_areas : wage_areas).push_back(a);
  }
  // A first pass over each part finds the sources it cites: those that only the extras (only the
  // areas) cite go there, every other one into the core.
  Packer core_citations, extras_citations, areas_citations;
  Sources no_sources, core_sources, extra_sources, area_sources;
  visit_core(core_citations, d, core_areas, no_sources);
  visit_extras(extras_citations, d, none, no_sources);
  visit_areas(areas_citations, d, wage_areas, no_sources);
  for (const auto& [id, s] : d.sources) {
    // A source cited by the core part, or by both the extras and the areas, goes into the core;
    // one only the areas cite into the areas; the rest (the extras' own, and those only notes
    // name) are only needed once the extras are.
    bool core = core_citations.cited.count(id), extras = extras_citations.cited.count(id),
         areas = areas_citations.cited.count(id);
    (core || (extras && areas) ? core_sources : areas ? area_sources : extra_sources).emplace(id, s);
  }
  Packer p;
  if (part == DatasetPart::kAll || part == DatasetPart::kCore) visit_core(p, d, core_areas, core_sources);
  if (part == DatasetPart::kAll || part == DatasetPart::kExtras) visit_extras(p, d, none, extra_sources);
  if (part == DatasetPart::kAll || part == DatasetPart::kAreas) visit_areas(p, d, wage_areas, area_sources);
  std::string bytes(kMagic, 4);
  bytes += static_cast<char>(kFormat);
  bytes += kPartBytes[static_cast<int>(part)];
  append_varint(bytes, p.out.size());
  bytes += p.out + p.text;
  uint64_t sum = checksum(bytes);
  for (int i = 0; i < 8; ++i) bytes += static_cast<char>(sum >> (8 * i));
  return bytes;
}

namespace {
// Checks the header and the checksum; the returned Unpacker reads the payload between them.
Unpacker open(std::string_view bytes, char expected_part) {
  Unpacker u;
  u.in = bytes;
  u.end = u.text = bytes.size();
  uint64_t stored = 0;
  for (size_t i = 0; i < 8 && bytes.size() >= 14; ++i)
    stored |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[bytes.size() - 8 + i])) << (8 * i);
  if (bytes.size() < 14 || std::memcmp(bytes.data(), kMagic, 4) != 0 ||
      static_cast<uint8_t>(bytes[4]) != kFormat)
    u.fail("not a dataset snapshot (or another format version)");
  else if (checksum(bytes.substr(0, bytes.size() - 8)) != stored)
    u.fail("checksum mismatch: the snapshot is damaged");
  else if (bytes[5] != expected_part && !(expected_part == 'C' && bytes[5] == 'A'))
    u.fail("a snapshot of another part of the dataset");
  if (!u.error) {
    u.in = bytes.substr(0, bytes.size() - 8);
    u.pos = 6;
    u.end = u.text = u.in.size();
    uint64_t numbers = u.varint();
    if (numbers > u.in.size() - u.pos) u.fail("truncated");
    else u.end = u.text = u.pos + numbers;
  }
  return u;
}

void finish(Unpacker& u) {
  if (!u.error && (u.pos != u.end || u.text != u.in.size())) u.fail("unexpected bytes after the end");
}
}  // namespace

namespace {
// Reads a snapshot of `part` ('A' = core + extras + areas) into `into`. Each part is read straight
// into `into` (reading into a copy and moving its tables over would cost the wasm code of its
// own), and each visit_* has this one caller. The checksum has already passed, so only a wrongly
// written snapshot can fail half way, leaving `into` with some of the part's figures: the part
// then counts as not loaded, and loading it again overwrites them. kAllParts false: the reader of
// the default module, which reads the core part only and so has no code to read the extras (the
// tax tables are most of it) or the areas, nor to model a wage area (wage_area.cpp): both come
// with the full module.
template <bool kAllParts> std::optional<Error> read(std::string_view bytes, char part, Dataset& into) {
  Unpacker u = open(bytes, part);
  if (!u.error) part = bytes[5];
  if (part == 'A' && !kAllParts) u.fail("a snapshot of the whole dataset; this reader takes only its core part", 5);
  std::vector<Area> areas, none;
  if (part == 'A' || part == 'C') {
    visit_core(u, into, areas, into.sources);
    add_areas(into, areas);
  }
  if constexpr (kAllParts) {
    if (part == 'A' || part == 'X') visit_extras(u, into, none, into.sources);
    if (part == 'A' || part == 'M') {
      std::vector<Area> wage_areas;
      visit_areas(u, into, wage_areas, into.sources);
      finish(u);
      if (!u.error) {
        add_areas(into, wage_areas);
        into.wage_area_model = &wage_area_distribution;
      }
    }
  }
  finish(u);
  return u.error;
}

template <bool kAllParts> Result<Dataset> unpack(std::string_view bytes) {
  Dataset d;
  if (auto error = read<kAllParts>(bytes, 'C', d)) return *error;
  return d;
}
}  // namespace

Result<Dataset> unpack_dataset(std::string_view bytes) { return unpack<true>(bytes); }
Result<Dataset> unpack_core(std::string_view bytes) { return unpack<false>(bytes); }

std::optional<Error> unpack_extras(std::string_view bytes, Dataset& into) { return read<true>(bytes, 'X', into); }

std::optional<Error> unpack_areas(std::string_view bytes, Dataset& into) { return read<true>(bytes, 'M', into); }

}  // namespace salary
