// The only file that knows about JavaScript. It exposes one class, Calculator (a loaded dataset),
// built into two modules: the default one reads the shipped data as a binary snapshot and has no
// JSON parser (most of the wasm's size); built with SALARY_WITH_JSON it also loads JSON datasets.
//
// Its methods take primitives (the JS wrapper in salary-core.mjs has already checked their types)
// and write their result into one record (salary/result_writer.hpp), which the wrapper reads back
// in the same order into plain objects: one boundary crossing per call. They return true when
// the record holds the result and false when it holds an error (code, message); the wrapper
// throws that as a SalaryError, so no C++ exception ever crosses the boundary.
//
// Every write_* function below has a read* twin in salary-core.mjs that must read the same
// fields in the same order.
#include <emscripten/bind.h>

#include <cmath>

#include "salary/area_distribution_cache.hpp"
#include "salary/cost_of_living.hpp"
#include "salary/dataset.hpp"
#include "salary/dataset_binary.hpp"
#include "salary/distribution.hpp"
#include "salary/estimate.hpp"
#include "salary/pay.hpp"
#include "salary/result_writer.hpp"
#include "salary/take_home.hpp"

namespace {

using namespace salary;

void write_strings(ResultWriter& out, const std::vector<std::string>& items) {
  out.count(items.size());
  for (const std::string& item : items) out.string(item);
}

void write_points(ResultWriter& out, const std::array<double, 5>& points) {
  for (double p : points) out.number(p);
}

void write_distribution(ResultWriter& out, const AreaDistribution& d) {
  out.string(d.occupation);
  out.string(d.occupation_title);
  out.string(d.area);
  out.string(d.area_name);
  out.string(to_string(d.area_kind));
  write_points(out, d.distribution.points());
  for (bool estimated : d.estimated) out.boolean(estimated);
  out.string(to_string(d.method));
  write_strings(out, d.sources);
  write_strings(out, d.notes);
  out.optional_number(d.mean);
  out.optional_number(d.employment);
}

void write_estimate(ResultWriter& out, const Estimate& e, double offer) {
  out.number(e.low);
  out.number(e.typical);
  out.number(e.high);
  write_points(out, e.profile.points());
  out.number(e.band_low);
  out.number(e.band_high);
  out.number(e.multiplier_low);
  out.number(e.multiplier_typical);
  out.number(e.multiplier_high);
  write_distribution(out, *e.base);
  out.count(e.factors.size());
  for (const AppliedFactor& f : e.factors) {
    for (std::string_view s : {f.kind, f.id, std::string_view(f.label), f.group, f.source, std::string_view(f.note)})
      out.string(s);
    out.number(f.low);
    out.number(f.typical);
    out.number(f.high);
    out.boolean(f.applied);
  }
  out.count(e.steps.size());
  for (const EstimateStep& s : e.steps) {
    out.string(s.kind);
    out.string(s.id);
    out.number(s.typical);
  }
  out.boolean(!std::isnan(offer));
  if (!std::isnan(offer)) {
    out.number(offer);
    out.number(e.profile.percentile_of(offer));
    out.number(e.base->distribution.percentile_of(offer));
  }
}

void write_place(ResultWriter& out, const PlacePrice& p) {
  out.string(p.area);
  out.string(p.name);
  out.number(p.rpp);
  out.number(p.year);
  out.string(p.source);
}

void write_take_home(ResultWriter& out, const TakeHome& t, const std::string& filing_status) {
  for (double v : {t.gross, t.pretax_retirement, t.federal_taxable_income, t.state_taxable_income,
                   t.federal_income_tax, t.social_security, t.medicare, t.additional_medicare,
                   t.state_income_tax, t.total_tax, t.net, t.effective_rate,
                   t.federal_marginal_rate, t.state_marginal_rate})
    out.number(v);
  out.string(t.state);
  out.number(t.year);
  out.string(filing_status);
  out.count(t.lines.size());
  for (const TaxLine& line : t.lines) {
    out.string(line.id);
    out.string(line.label);
    out.number(line.amount);
    out.string(line.source);
  }
  write_strings(out, t.notes);
}

void write_total_comp(ResultWriter& out, const TotalCompensation& c) {
  for (double v : {c.base, c.bonus, c.equity, c.benefits, c.retirement_match, c.total}) out.number(v);
  out.count(c.lines.size());
  for (const CompensationLine& line : c.lines) {
    out.string(line.id);
    out.string(line.label);
    out.number(line.amount);
  }
}

// ---- listings, for menus ----
void write_sources(ResultWriter& out, const Dataset& data) {
  out.count(data.sources.size());
  for (const auto& [id, s] : data.sources) {
    out.string(id);
    out.string(s.publisher);
    out.string(s.title);
    out.optional_string(s.released);
    out.optional_string(s.url);
    out.optional_string(s.note);
  }
}

void write_occupations(ResultWriter& out, const Dataset& data) {
  out.count(data.occupation_order.size());
  for (const std::string& code : data.occupation_order) {
    const Occupation& o = data.occupations.at(code);
    out.string(code);
    out.string(o.title);
    out.string(o.source);
    out.count(o.areas.size());
    for (const auto& [area, row] : o.areas) out.string(area);
  }
}

void write_areas(ResultWriter& out, const Dataset& data) {
  out.count(data.area_order.size());
  for (const std::string& code : data.area_order) {
    const Area& a = data.areas.at(code);
    out.string(code);
    out.string(a.name);
    out.string(to_string(a.kind));
    out.boolean(a.kind == AreaKind::kMetro);
    if (a.kind == AreaKind::kMetro) {
      write_strings(out, a.states);
      out.boolean(data.metro_wages.values.count(code) > 0);
    }
    auto range = data.world_regions.ranges.find(code);
    out.boolean(range != data.world_regions.ranges.end());
    if (range != data.world_regions.ranges.end()) {
      out.number(range->second.low);
      out.number(range->second.high);
      out.string(data.world_regions.currency);
      out.string(data.world_regions.statistic);
      out.string(data.world_regions.source);
    }
  }
}

void write_experience_levels(ResultWriter& out, const Dataset& data) {
  out.count(data.experience_levels.size());
  for (const ExperienceLevel& l : data.experience_levels) {
    out.string(l.id);
    out.string(l.label);
    out.string(l.years);
    out.number(l.band_low);
    out.number(l.band_high);
    out.string(l.source);
  }
}

void write_factors(ResultWriter& out, const Dataset& data) {
  out.count(data.factors.size());
  for (const Factor& f : data.factors) {
    out.string(to_string(f.kind));
    out.string(f.id);
    out.string(f.label);
    out.string(f.group);
    out.string(f.source);
    out.optional_string(f.note);
    out.boolean(f.premium.has_value());
    if (f.premium) {
      out.number(f.premium->low);
      out.number(f.premium->high);
    }
    out.optional_number(f.percentile);
  }
}

void write_compensation_norms(ResultWriter& out, const Dataset& data) {
  out.count(data.compensation_norms.size());
  for (const CompensationNorm& n : data.compensation_norms) {
    out.string(n.id);
    out.string(n.component);
    out.string(n.applies_to);
    out.string(n.label);
    out.number(n.low);
    out.number(n.high);
    out.string(n.source);
  }
}

void write_published_estimates(ResultWriter& out, const Dataset& data) {
  out.count(data.published_estimates.size());
  for (const PublishedEstimate& e : data.published_estimates) {
    out.string(e.publisher);
    out.string(e.role);
    out.string(e.statistic);
    out.optional_number(e.value);
    out.optional_number(e.low);
    out.optional_number(e.high);
    out.optional_string(e.as_of);
    out.string(e.area);
    out.string(e.source);
  }
}

void write_parity_table(ResultWriter& out, const PriceParityTable& t) {
  out.string(t.source);
  out.number(t.year);
  out.count(t.values.size());
  for (const auto& [code, rpp] : t.values) {
    out.string(code);
    out.number(rpp);
  }
}

std::vector<std::string> split_ids(const std::string& csv) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find(',', start);
    if (end == std::string::npos) end = csv.size();
    if (end > start) out.push_back(csv.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

class Calculator {
 public:
  // The address of the result record's header, fixed for the Calculator's lifetime.
  uintptr_t result_address() { return reinterpret_cast<uintptr_t>(&out_.header()); }

  // Loaders: methods rather than constructor arguments, because an Embind constructor cannot
  // fail softly.
  bool load_snapshot(const std::string& bytes) {
    auto data = unpack_dataset(bytes);
    if (!data) return fail(data.error());
    replace_data(std::move(data.value()));
    out_.clear();
    return succeed();
  }

  // Adds the tax tables and metro price levels to a calculator loaded from the core snapshot.
  bool load_extras(const std::string& bytes) {
    distributions_.clear();  // the extras name areas, which distributions quote
    if (auto error = unpack_extras(bytes, data_)) return fail(*error);
    out_.clear();
    return succeed();
  }

#ifdef SALARY_WITH_JSON
  bool load_json(const std::string& json_text) {
    auto data = load_dataset(json_text);
    if (!data) return fail(data.error());
    replace_data(std::move(data.value()));
    out_.clear();
    return succeed();
  }
#endif

  bool percentile_of(double salary, const std::string& occupation, const std::string& area) {
    if (auto e = check_salary("salary", salary)) return fail(*e);
    auto d = distributions_.get(data_, occupation, area);
    if (!d) return fail(d.error());
    out_.clear();
    out_.number(salary);
    out_.number((*d)->distribution.percentile_of(salary));
    write_distribution(out_, **d);
    return succeed();
  }

  bool salary_at(double percentile, const std::string& occupation, const std::string& area) {
    if (!std::isfinite(percentile) || percentile <= 0 || percentile >= 100)
      return fail(make_error(code::kInvalidNumber, "percentile must be a number greater than 0 and less than 100"));
    auto d = distributions_.get(data_, occupation, area);
    if (!d) return fail(d.error());
    out_.clear();
    out_.number(percentile);
    out_.number((*d)->distribution.salary_at(percentile));
    write_distribution(out_, **d);
    return succeed();
  }

  bool estimate(const std::string& occupation, const std::string& area, const std::string& experience,
                const std::string& specialization, const std::string& company_type, const std::string& skills,
                const std::string& technologies, const std::string& certifications, double offer) {
    Profile p;
    p.occupation = occupation;
    p.area = area;
    p.experience = experience;
    p.specialization = specialization;
    p.company_type = company_type;
    p.skills = split_ids(skills);
    p.technologies = split_ids(technologies);
    p.certifications = split_ids(certifications);
    if (!std::isnan(offer))
      if (auto e = check_salary("offer", offer)) return fail(*e);
    auto base = distributions_.get(data_, occupation, area);
    if (!base) return fail(base.error());
    auto r = salary::estimate(data_, p, *base);
    if (!r) return fail(r.error());
    out_.clear();
    write_estimate(out_, r.value(), offer);
    return succeed();
  }

  bool cost_of_living(double salary, const std::string& from, const std::string& to) {
    auto r = salary::cost_of_living(data_, salary, from, to);
    if (!r) return fail(r.error());
    out_.clear();
    out_.number(r->salary);
    out_.number(r->equivalent);
    out_.number(r->ratio);
    write_place(out_, r->from);
    write_place(out_, r->to);
    return succeed();
  }

  bool take_home(double salary, const std::string& area, int year, const std::string& filing_status,
                 double pretax_retirement) {
    auto status = parse_filing_status(filing_status);
    if (!status)
      return fail(make_error(code::kInvalidArgument,
                             "filingStatus must be single, joint, separate or head_of_household, not \"" +
                                 filing_status + "\""));
    TakeHomeInput in;
    in.salary = salary;
    in.area = area;
    in.year = year;
    in.filing_status = *status;
    in.pretax_retirement = pretax_retirement;
    auto r = salary::take_home(data_, in);
    if (!r) return fail(r.error());
    out_.clear();
    write_take_home(out_, r.value(), filing_status);
    return succeed();
  }

  bool total_comp(double base, double bonus_percent, double equity_grant, double equity_vesting_years,
                  double equity_annual, double benefits, double retirement_match_percent) {
    CompensationParts parts{base, bonus_percent, equity_grant, equity_vesting_years,
                            equity_annual, benefits, retirement_match_percent};
    auto r = total_compensation(parts);
    if (!r) return fail(r.error());
    out_.clear();
    write_total_comp(out_, r.value());
    return succeed();
  }

  bool convert(double amount, const std::string& from, const std::string& to, double hours_per_week) {
    auto from_period = parse_pay_period(from);
    auto to_period = parse_pay_period(to);
    if (!from_period || !to_period)
      return fail(make_error(code::kInvalidArgument,
                             std::string(!from_period ? "from" : "to") +
                                 " must be annual, monthly, semimonthly, biweekly, weekly or hourly, not \"" +
                                 (!from_period ? from : to) + "\""));
    auto r = convert_pay(amount, *from_period, *to_period, hours_per_week);
    if (!r) return fail(r.error());
    out_.clear();
    out_.number(amount);
    out_.string(from);
    out_.string(to);
    out_.number(r.value());
    out_.number(hours_per_week);
    return succeed();
  }

  // Listings for menus; the wrapper reads them once per dataset and keeps them.
  bool listings() {
    out_.clear();
    out_.string(data_.version);
    write_sources(out_, data_);
    write_occupations(out_, data_);
    write_areas(out_, data_);
    write_experience_levels(out_, data_);
    write_factors(out_, data_);
    write_compensation_norms(out_, data_);
    write_published_estimates(out_, data_);
    out_.count(data_.tax.federal.size());
    for (const auto& [year, table] : data_.tax.federal) out_.number(year);
    write_parity_table(out_, data_.state_parities);
    write_parity_table(out_, data_.metro_parities);
    return succeed();
  }

 private:
  void replace_data(Dataset data) {
    data_ = std::move(data);
    distributions_.clear();
  }

  // The record is complete: point the header at it.
  bool succeed() {
    out_.header();
    return true;
  }

  bool fail(const Error& e) {
    out_.clear();
    out_.string(e.code);
    out_.string(e.message);
    out_.header();
    return false;
  }

  Dataset data_;
  AreaDistributionCache distributions_;
  ResultWriter out_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(salary_core) {
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
      .function("resultAddress", &Calculator::result_address)
      .function("loadSnapshot", &Calculator::load_snapshot)
      .function("loadExtras", &Calculator::load_extras)
#ifdef SALARY_WITH_JSON
      .function("loadJson", &Calculator::load_json)
#endif
      .function("percentileOf", &Calculator::percentile_of)
      .function("salaryAt", &Calculator::salary_at)
      .function("estimate", &Calculator::estimate)
      .function("costOfLiving", &Calculator::cost_of_living)
      .function("takeHome", &Calculator::take_home)
      .function("totalComp", &Calculator::total_comp)
      .function("convert", &Calculator::convert)
      .function("listings", &Calculator::listings);
}
