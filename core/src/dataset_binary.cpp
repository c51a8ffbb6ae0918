// One description of the Dataset's fields, `visit`, drives both directions: Packer writes each
// field, Unpacker reads it back. Adding a field to dataset.hpp means adding it here once.
#include "salary/dataset_binary.hpp"

#include <cmath>
#include <cstring>

namespace salary {
namespace {

constexpr char kMagic[] = {'S', 'A', 'L', 'B'};
constexpr uint8_t kFormat = 1;
constexpr double kScales[] = {1, 1e2, 1e4, 1e7};

// The field lists (defined below) are declared first, so the Packer and Unpacker templates see them.
template <typename Io> void visit(Io& io, Source& s);
template <typename Io> void visit(Io& io, Area& a);
template <typename Io> void visit(Io& io, WageRow& r);
template <typename Io> void visit(Io& io, Occupation& o);
template <typename Io> void visit(Io& io, MetroWages& m);
template <typename Io> void visit(Io& io, Range& r);
template <typename Io> void visit(Io& io, WorldRegions& w);
template <typename Io> void visit(Io& io, PriceParityTable& t);
template <typename Io> void visit(Io& io, ExperienceLevel& l);
template <typename Io> void visit(Io& io, Factor& f);
template <typename Io> void visit(Io& io, CompensationNorm& n);
template <typename Io> void visit(Io& io, PublishedEstimate& e);
template <typename Io> void visit(Io& io, Bracket& b);
template <typename Io> void visit(Io& io, FederalTaxYear& y);
template <typename Io> void visit(Io& io, StateTax& s);
template <typename Io> void visit(Io& io, TaxTables& t);

// FNV-1a over the payload, stored as the last 8 bytes: a damaged file is an error, not odd figures.
uint64_t checksum(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (char c : bytes) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211ull;
  return h;
}

class Packer {
 public:
  static constexpr bool kReading = false;
  std::string out;

  void varint(uint64_t v) {
    while (v >= 0x80) {
      out += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  void field(std::string& s) {
    varint(s.size());
    out += s;
  }
  void field(double& v) {
    // value × 10^k as a zigzag varint when exact, tagged with k; else tag 4 and the raw bytes.
    for (uint64_t k = 0; k < 4; ++k) {
      double scaled = v * kScales[k];
      if (std::fabs(scaled) < 9e15 && scaled == std::nearbyint(scaled) &&
          static_cast<double>(static_cast<int64_t>(scaled)) / kScales[k] == v) {
        int64_t n = static_cast<int64_t>(scaled);
        uint64_t zigzag = (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63);
        varint(zigzag << 3 | k);
        return;
      }
    }
    varint(4);
    char raw[8];
    std::memcpy(raw, &v, 8);
    out.append(raw, 8);
  }
  void field(int& v) {
    double d = v;
    field(d);
  }
  void field(bool& b) { varint(b ? 1 : 0); }
  template <typename T>
  void field(std::optional<T>& v) {
    bool present = v.has_value();
    field(present);
    if (present) field(*v);
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
  template <typename T, size_t N>
  void field(std::array<T, N>& items) {
    for (T& item : items) field(item);
  }
  template <typename T>  // enums and the dataset's structs
  void field(T& value) {
    if constexpr (std::is_enum_v<T>)
      varint(static_cast<uint64_t>(value));
    else
      visit(*this, value);
  }
};

class Unpacker {
 public:
  static constexpr bool kReading = true;
  std::string_view in;
  size_t pos = 0;
  std::optional<Error> error;

  bool fail(const char* what) {
    if (!error)
      error = make_error(code::kDatasetSyntax, "byte " + std::to_string(pos) + ": " + what);
    pos = in.size();  // every later read fails fast
    return false;
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= in.size()) return fail("truncated"), 0;
      uint8_t byte = static_cast<uint8_t>(in[pos++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail("varint too long"), 0;
  }
  // A count of items that each take at least one byte cannot exceed the bytes left.
  size_t count() {
    uint64_t n = varint();
    if (n > in.size() - pos) return fail("count larger than the data"), 0;
    return static_cast<size_t>(n);
  }
  void field(std::string& s) {
    size_t n = count();
    s.assign(in.substr(pos, n));
    pos += n;
  }
  void field(double& v) {
    uint64_t tagged = varint();
    uint64_t k = tagged & 7;
    if (k == 4) {
      if (in.size() - pos < 8) return void(fail("truncated"));
      std::memcpy(&v, in.data() + pos, 8);
      pos += 8;
    } else if (k < 4) {
      uint64_t zigzag = tagged >> 3;
      int64_t n = static_cast<int64_t>(zigzag >> 1) ^ -static_cast<int64_t>(zigzag & 1);
      v = static_cast<double>(n) / kScales[k];
    } else {
      fail("bad number tag");
    }
  }
  void field(int& v) {
    double d = 0;
    field(d);
    if (!(std::fabs(d) < 1e9)) return void(fail("integer out of range"));
    v = static_cast<int>(d);
  }
  void field(bool& b) { b = varint() != 0; }
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
    size_t n = count();
    items.clear();
    for (size_t i = 0; i < n && !error; ++i) field(items.emplace_back());
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
  template <typename T, size_t N>
  void field(std::array<T, N>& items) {
    for (T& item : items) field(item);
  }
  template <typename T>  // enums and the dataset's structs
  void field(T& value) {
    if constexpr (std::is_enum_v<T>) {
      uint64_t v = varint();
      if (v > 4) return void(fail("bad enum value"));  // every enum here has at most 5 values
      value = static_cast<T>(v);
    } else {
      visit(*this, value);
    }
  }
};

// ---- the field lists, in declaration order ----
template <typename Io> void visit(Io& io, Source& s) {
  io.field(s.id), io.field(s.publisher), io.field(s.title), io.field(s.released), io.field(s.url), io.field(s.note);
}
template <typename Io> void visit(Io& io, Area& a) {
  io.field(a.code), io.field(a.name), io.field(a.kind), io.field(a.states);
}
template <typename Io> void visit(Io& io, WageRow& r) {
  io.field(r.p), io.field(r.mean), io.field(r.employment), io.field(r.hourly_median);
}
template <typename Io> void visit(Io& io, Occupation& o) {
  io.field(o.code), io.field(o.title), io.field(o.source), io.field(o.areas), io.field(o.gaps);
}
template <typename Io> void visit(Io& io, MetroWages& m) {
  io.field(m.source), io.field(m.occupation), io.field(m.statistic), io.field(m.national_reference);
  io.field(m.national_reference_source), io.field(m.values), io.field(m.article_names);
}
template <typename Io> void visit(Io& io, Range& r) { io.field(r.low), io.field(r.high); }
template <typename Io> void visit(Io& io, WorldRegions& w) {
  io.field(w.source), io.field(w.currency), io.field(w.statistic), io.field(w.ranges);
}
template <typename Io> void visit(Io& io, PriceParityTable& t) {
  io.field(t.source), io.field(t.year), io.field(t.values);
}
template <typename Io> void visit(Io& io, ExperienceLevel& l) {
  io.field(l.id), io.field(l.label), io.field(l.years), io.field(l.source), io.field(l.band_low), io.field(l.band_high);
}
template <typename Io> void visit(Io& io, Factor& f) {
  io.field(f.id), io.field(f.label), io.field(f.group), io.field(f.source), io.field(f.note);
  io.field(f.kind), io.field(f.premium), io.field(f.percentile);
}
template <typename Io> void visit(Io& io, CompensationNorm& n) {
  io.field(n.id), io.field(n.component), io.field(n.applies_to), io.field(n.label), io.field(n.source);
  io.field(n.low), io.field(n.high);
}
template <typename Io> void visit(Io& io, PublishedEstimate& e) {
  io.field(e.publisher), io.field(e.role), io.field(e.statistic), io.field(e.as_of), io.field(e.area);
  io.field(e.source), io.field(e.value), io.field(e.low), io.field(e.high);
}
template <typename Io> void visit(Io& io, Bracket& b) { io.field(b.threshold), io.field(b.rate); }
template <typename Io> void visit(Io& io, FederalTaxYear& y) {
  io.field(y.brackets), io.field(y.standard_deduction), io.field(y.social_security_rate);
  io.field(y.social_security_wage_base), io.field(y.medicare_rate), io.field(y.additional_medicare_rate);
  io.field(y.additional_medicare_threshold);
}
template <typename Io> void visit(Io& io, StateTax& s) {
  io.field(s.type), io.field(s.base), io.field(s.flat_rate), io.field(s.single), io.field(s.joint);
  io.field(s.standard_deduction_single), io.field(s.standard_deduction_joint), io.field(s.surtax), io.field(s.note);
}
template <typename Io> void visit(Io& io, TaxTables& t) {
  io.field(t.federal_source), io.field(t.state_source), io.field(t.federal), io.field(t.states);
}

// The core part: everything but the extras. Metros without a wage figure are only needed for
// cost of living, so they travel with their price parities.
template <typename Io> void visit_core(Io& io, Dataset& d, std::vector<Area>& areas) {
  io.field(d.format), io.field(d.version), io.field(d.sources), io.field(areas);
  io.field(d.occupations), io.field(d.occupation_order), io.field(d.wage_top_code);
  io.field(d.wage_top_code_source), io.field(d.metro_wages), io.field(d.world_regions);
  io.field(d.state_parities), io.field(d.experience_levels), io.field(d.factors);
  io.field(d.compensation_norms), io.field(d.published_estimates);
}
template <typename Io> void visit_extras(Io& io, Dataset& d, std::vector<Area>& areas) {
  io.field(areas), io.field(d.metro_parities), io.field(d.tax);
}

bool is_extra_area(const Dataset& d, const Area& a) {
  return a.kind == AreaKind::kMetro && d.metro_wages.values.count(a.code) == 0;
}

void add_areas(Dataset& d, std::vector<Area>& areas) {
  for (Area& a : areas) {
    d.area_order.push_back(a.code);
    d.areas[a.code] = std::move(a);
  }
}

}  // namespace

std::string pack_dataset(const Dataset& source, DatasetPart part) {
  Dataset d = source;  // visit() takes non-const references (one code path for both directions)
  Packer p;
  p.out.append(kMagic, 4);
  p.out += static_cast<char>(kFormat);
  p.out += part == DatasetPart::kAll ? 'A' : part == DatasetPart::kCore ? 'C' : 'X';
  std::vector<Area> core_areas, extra_areas;
  for (const std::string& code : d.area_order) {
    const Area& a = d.areas.at(code);
    (part == DatasetPart::kAll || !is_extra_area(d, a) ? core_areas : extra_areas).push_back(a);
  }
  if (part != DatasetPart::kExtras) visit_core(p, d, core_areas);
  if (part != DatasetPart::kCore) visit_extras(p, d, extra_areas);
  uint64_t sum = checksum(p.out);
  for (int i = 0; i < 8; ++i) p.out += static_cast<char>(sum >> (8 * i));
  return p.out;
}

namespace {
// Checks the header and the checksum; the returned Unpacker reads the payload between them.
Unpacker open(std::string_view bytes, char expected_part) {
  Unpacker u;
  u.in = bytes;
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
  }
  return u;
}
}  // namespace

Result<Dataset> unpack_dataset(std::string_view bytes) {
  Unpacker u = open(bytes, 'C');
  Dataset d;
  std::vector<Area> areas, extra_areas;
  bool all = !u.error && bytes[5] == 'A';
  visit_core(u, d, areas);
  add_areas(d, areas);
  if (all) {
    visit_extras(u, d, extra_areas);
    add_areas(d, extra_areas);
  }
  if (!u.error && u.pos != u.in.size()) u.fail("unexpected bytes after the end");
  if (u.error) return *u.error;
  return d;
}

std::optional<Error> unpack_extras(std::string_view bytes, Dataset& into) {
  Unpacker u = open(bytes, 'X');
  Dataset extras;
  std::vector<Area> areas;
  visit_extras(u, extras, areas);
  if (!u.error && u.pos != u.in.size()) u.fail("unexpected bytes after the end");
  if (u.error) return u.error;
  add_areas(into, areas);
  into.metro_parities = std::move(extras.metro_parities);
  into.tax = std::move(extras.tax);
  return std::nullopt;
}

}  // namespace salary
