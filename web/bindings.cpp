// The only file that knows about JavaScript. It exposes one class, Calculator (a loaded dataset),
// built into two modules: the default one reads the shipped data as a binary snapshot and has no
// JSON parser (most of the wasm's size); built with SALARY_WITH_JSON it also loads JSON datasets.
//
// whose methods take primitives (the JS wrapper in salary-core.mjs has already checked their
// types) and return plain objects. Errors are data: {error: {code, message}}; the wrapper turns
// them into a thrown SalaryError, so no C++ exception ever crosses the boundary.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>

#include "salary/cost_of_living.hpp"
#include "salary/dataset.hpp"
#include "salary/dataset_binary.hpp"
#include "salary/distribution.hpp"
#include "salary/estimate.hpp"
#include "salary/pay.hpp"
#include "salary/take_home.hpp"

using emscripten::val;

namespace {

using namespace salary;

val error_object(const Error& e) {
  val inner = val::object();
  inner.set("code", e.code);
  inner.set("message", e.message);
  val out = val::object();
  out.set("error", inner);
  return out;
}

template <typename T>
val array_of(const std::vector<T>& items) {
  val out = val::array();
  for (size_t i = 0; i < items.size(); ++i) out.set(i, items[i]);
  return out;
}

val points_object(const std::array<double, 5>& points) {
  val out = val::object();
  static const char* keys[] = {"p10", "p25", "p50", "p75", "p90"};
  for (size_t i = 0; i < points.size(); ++i) out.set(keys[i], points[i]);
  return out;
}

val optional_number(const std::optional<double>& v) { return v ? val(*v) : val::null(); }

val distribution_object(const AreaDistribution& d) {
  val out = val::object();
  out.set("occupation", d.occupation);
  out.set("occupationTitle", d.occupation_title);
  out.set("area", d.area);
  out.set("areaName", d.area_name);
  out.set("areaKind", std::string(to_string(d.area_kind)));
  out.set("points", points_object(d.distribution.points()));
  val estimated = val::array();
  static const char* keys[] = {"p10", "p25", "p50", "p75", "p90"};
  for (size_t i = 0; i < 5; ++i)
    if (d.estimated[i]) estimated.call<void>("push", std::string(keys[i]));
  out.set("estimatedPoints", estimated);
  out.set("method", std::string(to_string(d.method)));
  out.set("sources", array_of(d.sources));
  out.set("notes", array_of(d.notes));
  out.set("mean", optional_number(d.mean));
  out.set("employment", optional_number(d.employment));
  return out;
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
  // Loaders: {} on success, {error} otherwise. Methods rather than constructor arguments, because
  // an Embind constructor cannot fail softly.
  val load_snapshot(const std::string& bytes) {
    auto data = unpack_dataset(bytes);
    if (!data) return error_object(data.error());
    data_ = std::move(data.value());
    return val::object();
  }

  // Adds the tax tables and metro price levels to a calculator loaded from the core snapshot.
  val load_extras(const std::string& bytes) {
    if (auto error = unpack_extras(bytes, data_)) return error_object(*error);
    return val::object();
  }

#ifdef SALARY_WITH_JSON
  val load_json(const std::string& json_text) {
    auto data = load_dataset(json_text);
    if (!data) return error_object(data.error());
    data_ = std::move(data.value());
    return val::object();
  }
#endif

  val percentile_of(double salary, const std::string& occupation, const std::string& area) const {
    if (auto e = check_salary("salary", salary)) return error_object(*e);
    auto d = area_distribution(data_, occupation, area);
    if (!d) return error_object(d.error());
    val out = val::object();
    out.set("salary", salary);
    out.set("percentile", d->distribution.percentile_of(salary));
    out.set("distribution", distribution_object(d.value()));
    return out;
  }

  val salary_at(double percentile, const std::string& occupation, const std::string& area) const {
    if (!std::isfinite(percentile) || percentile <= 0 || percentile >= 100)
      return error_object(make_error(code::kInvalidNumber,
                                     "percentile must be a number greater than 0 and less than 100"));
    auto d = area_distribution(data_, occupation, area);
    if (!d) return error_object(d.error());
    val out = val::object();
    out.set("percentile", percentile);
    out.set("salary", d->distribution.salary_at(percentile));
    out.set("distribution", distribution_object(d.value()));
    return out;
  }

  val estimate(const std::string& occupation, const std::string& area, const std::string& experience,
               const std::string& specialization, const std::string& company_type,
               const std::string& skills, const std::string& technologies,
               const std::string& certifications, double offer) const {
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
      if (auto e = check_salary("offer", offer)) return error_object(*e);
    auto r = salary::estimate(data_, p);
    if (!r) return error_object(r.error());
    const Estimate& e = r.value();
    val out = val::object();
    out.set("low", e.low);
    out.set("typical", e.typical);
    out.set("high", e.high);
    out.set("profile", points_object(e.profile.points()));
    out.set("band", array_of(std::vector<double>{e.band_low, e.band_high}));
    val multiplier = val::object();
    multiplier.set("low", e.multiplier_low);
    multiplier.set("typical", e.multiplier_typical);
    multiplier.set("high", e.multiplier_high);
    out.set("multiplier", multiplier);
    out.set("base", distribution_object(e.base));
    val factors = val::array();
    for (size_t i = 0; i < e.factors.size(); ++i) {
      const AppliedFactor& f = e.factors[i];
      val item = val::object();
      item.set("kind", f.kind);
      item.set("id", f.id);
      item.set("label", f.label);
      item.set("group", f.group);
      item.set("source", f.source);
      item.set("note", f.note);
      item.set("low", f.low);
      item.set("typical", f.typical);
      item.set("high", f.high);
      item.set("applied", f.applied);
      factors.set(i, item);
    }
    out.set("factors", factors);
    val steps = val::array();
    for (size_t i = 0; i < e.steps.size(); ++i) {
      val step = val::object();
      step.set("kind", e.steps[i].kind);
      step.set("id", e.steps[i].id);
      step.set("typical", e.steps[i].typical);
      steps.set(i, step);
    }
    out.set("steps", steps);
    if (!std::isnan(offer)) {
      val o = val::object();
      o.set("salary", offer);
      o.set("percentileInProfile", e.profile.percentile_of(offer));
      o.set("percentileInArea", e.base.distribution.percentile_of(offer));
      out.set("offer", o);
    }
    return out;
  }

  val cost_of_living(double salary, const std::string& from, const std::string& to) const {
    auto r = salary::cost_of_living(data_, salary, from, to);
    if (!r) return error_object(r.error());
    auto place = [](const PlacePrice& p) {
      val out = val::object();
      out.set("area", p.area);
      out.set("name", p.name);
      out.set("rpp", p.rpp);
      out.set("year", p.year);
      out.set("source", p.source);
      return out;
    };
    val out = val::object();
    out.set("salary", r->salary);
    out.set("equivalent", r->equivalent);
    out.set("ratio", r->ratio);
    out.set("from", place(r->from));
    out.set("to", place(r->to));
    return out;
  }

  val take_home(double salary, const std::string& area, int year, const std::string& filing_status,
                double pretax_retirement) const {
    auto status = parse_filing_status(filing_status);
    if (!status)
      return error_object(make_error(code::kInvalidArgument,
                                     "filingStatus must be single, joint, separate or head_of_household, not \"" +
                                         filing_status + "\""));
    TakeHomeInput in;
    in.salary = salary;
    in.area = area;
    in.year = year;
    in.filing_status = *status;
    in.pretax_retirement = pretax_retirement;
    auto r = salary::take_home(data_, in);
    if (!r) return error_object(r.error());
    const TakeHome& t = r.value();
    val out = val::object();
    out.set("gross", t.gross);
    out.set("pretaxRetirement", t.pretax_retirement);
    out.set("federalTaxableIncome", t.federal_taxable_income);
    out.set("stateTaxableIncome", t.state_taxable_income);
    out.set("federalIncomeTax", t.federal_income_tax);
    out.set("socialSecurity", t.social_security);
    out.set("medicare", t.medicare);
    out.set("additionalMedicare", t.additional_medicare);
    out.set("stateIncomeTax", t.state_income_tax);
    out.set("totalTax", t.total_tax);
    out.set("net", t.net);
    out.set("effectiveRate", t.effective_rate);
    out.set("federalMarginalRate", t.federal_marginal_rate);
    out.set("stateMarginalRate", t.state_marginal_rate);
    out.set("state", t.state);
    out.set("year", t.year);
    out.set("filingStatus", filing_status);
    val lines = val::array();
    for (size_t i = 0; i < t.lines.size(); ++i) {
      val line = val::object();
      line.set("id", t.lines[i].id);
      line.set("label", t.lines[i].label);
      line.set("amount", t.lines[i].amount);
      line.set("source", t.lines[i].source);
      lines.set(i, line);
    }
    out.set("lines", lines);
    out.set("notes", array_of(t.notes));
    return out;
  }

  val total_comp(double base, double bonus_percent, double equity_grant, double equity_vesting_years,
                 double equity_annual, double benefits, double retirement_match_percent) const {
    CompensationParts parts{base, bonus_percent, equity_grant, equity_vesting_years,
                            equity_annual, benefits, retirement_match_percent};
    auto r = total_compensation(parts);
    if (!r) return error_object(r.error());
    val out = val::object();
    out.set("base", r->base);
    out.set("bonus", r->bonus);
    out.set("equity", r->equity);
    out.set("benefits", r->benefits);
    out.set("retirementMatch", r->retirement_match);
    out.set("total", r->total);
    val lines = val::array();
    for (size_t i = 0; i < r->lines.size(); ++i) {
      val line = val::object();
      line.set("id", r->lines[i].id);
      line.set("label", r->lines[i].label);
      line.set("amount", r->lines[i].amount);
      lines.set(i, line);
    }
    out.set("lines", lines);
    return out;
  }

  val convert(double amount, const std::string& from, const std::string& to, double hours_per_week) const {
    auto from_period = parse_pay_period(from);
    auto to_period = parse_pay_period(to);
    if (!from_period || !to_period)
      return error_object(make_error(
          code::kInvalidArgument, std::string(!from_period ? "from" : "to") +
                                      " must be annual, monthly, semimonthly, biweekly, weekly or hourly, not \"" +
                                      (!from_period ? from : to) + "\""));
    auto r = convert_pay(amount, *from_period, *to_period, hours_per_week);
    if (!r) return error_object(r.error());
    val out = val::object();
    out.set("amount", amount);
    out.set("from", from);
    out.set("to", to);
    out.set("value", r.value());
    out.set("hoursPerWeek", hours_per_week);
    return out;
  }

  // Listings for menus. Plain data, built once per call; the wrapper caches them.
  val listings() const {
    val out = val::object();
    out.set("version", data_.version);

    val sources = val::array();
    for (const auto& [id, s] : data_.sources) {
      val item = val::object();
      item.set("id", id);
      item.set("publisher", s.publisher);
      item.set("title", s.title);
      item.set("released", s.released.empty() ? val::null() : val(s.released));
      item.set("url", s.url.empty() ? val::null() : val(s.url));
      item.set("note", s.note.empty() ? val::null() : val(s.note));
      sources.call<void>("push", item);
    }
    out.set("sources", sources);

    val occupations = val::array();
    for (const std::string& code : data_.occupation_order) {
      const Occupation& o = data_.occupations.at(code);
      val item = val::object();
      item.set("code", code);
      item.set("title", o.title);
      item.set("source", o.source);
      val areas = val::array();
      for (const auto& [area, row] : o.areas) areas.call<void>("push", area);
      item.set("areas", areas);
      occupations.call<void>("push", item);
    }
    out.set("occupations", occupations);

    val areas = val::array();
    for (const std::string& code : data_.area_order) {
      const Area& a = data_.areas.at(code);
      val item = val::object();
      item.set("code", code);
      item.set("name", a.name);
      item.set("kind", std::string(to_string(a.kind)));
      if (a.kind == AreaKind::kMetro) {
        item.set("states", array_of(a.states));
        auto wage = data_.metro_wages.values.find(code);
        item.set("hasWages", wage != data_.metro_wages.values.end());
      }
      auto range = data_.world_regions.ranges.find(code);
      if (range != data_.world_regions.ranges.end()) {
        val r = val::object();
        r.set("low", range->second.low);
        r.set("high", range->second.high);
        r.set("currency", data_.world_regions.currency);
        r.set("statistic", data_.world_regions.statistic);
        r.set("source", data_.world_regions.source);
        item.set("range", r);
      }
      areas.call<void>("push", item);
    }
    out.set("areas", areas);

    val levels = val::array();
    for (const ExperienceLevel& l : data_.experience_levels) {
      val item = val::object();
      item.set("id", l.id);
      item.set("label", l.label);
      item.set("years", l.years);
      item.set("band", array_of(std::vector<double>{l.band_low, l.band_high}));
      item.set("source", l.source);
      levels.call<void>("push", item);
    }
    out.set("experienceLevels", levels);

    val factors = val::array();
    for (const Factor& f : data_.factors) {
      val item = val::object();
      item.set("kind", std::string(to_string(f.kind)));
      item.set("id", f.id);
      item.set("label", f.label);
      item.set("group", f.group);
      item.set("source", f.source);
      item.set("note", f.note.empty() ? val::null() : val(f.note));
      if (f.premium) {
        val p = val::object();
        p.set("low", f.premium->low);
        p.set("high", f.premium->high);
        item.set("premium", p);
      }
      item.set("percentile", optional_number(f.percentile));
      factors.call<void>("push", item);
    }
    out.set("factors", factors);

    val norms = val::array();
    for (const CompensationNorm& n : data_.compensation_norms) {
      val item = val::object();
      item.set("id", n.id);
      item.set("component", n.component);
      item.set("appliesTo", n.applies_to);
      item.set("label", n.label);
      item.set("low", n.low);
      item.set("high", n.high);
      item.set("source", n.source);
      norms.call<void>("push", item);
    }
    out.set("compensationNorms", norms);

    val published = val::array();
    for (const PublishedEstimate& e : data_.published_estimates) {
      val item = val::object();
      item.set("publisher", e.publisher);
      item.set("role", e.role);
      item.set("statistic", e.statistic);
      item.set("value", optional_number(e.value));
      item.set("low", optional_number(e.low));
      item.set("high", optional_number(e.high));
      item.set("asOf", e.as_of.empty() ? val::null() : val(e.as_of));
      item.set("area", e.area);
      item.set("source", e.source);
      published.call<void>("push", item);
    }
    out.set("publishedEstimates", published);

    val years = val::array();
    for (const auto& [year, table] : data_.tax.federal) years.call<void>("push", year);
    out.set("taxYears", years);

    val parities = val::object();
    auto table = [](const PriceParityTable& t) {
      val out = val::object();
      out.set("source", t.source);
      out.set("year", t.year);
      val values = val::object();
      for (const auto& [code, rpp] : t.values) values.set(code, rpp);
      out.set("values", values);
      return out;
    };
    parities.set("states", table(data_.state_parities));
    parities.set("metros", table(data_.metro_parities));
    out.set("priceParities", parities);
    return out;
  }

 private:
  Dataset data_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(salary_core) {
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
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
