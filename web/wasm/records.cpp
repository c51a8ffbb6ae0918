#include "records.hpp"

#include <cmath>

namespace salary {

namespace {

void write_strings(ResultWriter& out, Field name, const std::vector<std::string>& items) {
  out.count(name, items.size());
  for (const std::string& item : items) out.string(name, item);
}

void write_points(ResultWriter& out, Field name, const std::array<double, 5>& p) {
  out.record(name);
  out.number("p10", p[0]);
  out.number("p25", p[1]);
  out.number("p50", p[2]);
  out.number("p75", p[3]);
  out.number("p90", p[4]);
}

void write_place(ResultWriter& out, Field name, const PlacePrice& p) {
  out.record(name);
  out.string("area", p.area);
  out.string("name", p.name);
  out.number("rpp", p.rpp);
  out.number("year", p.year);
  out.string("source", p.source);
  out.optional_string("note", p.note);
}

// ---- listings, for menus ----
void write_sources(ResultWriter& out, const Dataset& data) {
  out.count("sources", data.sources.size());
  for (const auto& [id, s] : data.sources) {
    out.string("id", id);
    out.string("publisher", s.publisher);
    out.string("title", s.title);
    out.optional_string("released", s.released);
    out.optional_string("url", s.url);
    out.optional_string("note", s.note);
    out.optional_string("label", s.label);
  }
}

void write_occupations(ResultWriter& out, const Dataset& data) {
  out.count("occupations", data.occupation_order.size());
  for (const std::string& code : data.occupation_order) {
    const Occupation& o = data.occupations.at(code);
    out.string("code", code);
    out.string("title", o.title);
    out.string("source", o.source);
    out.count("areas", o.areas.size());
    for (const auto& [area, row] : o.areas) out.string("areas", area);
  }
}

void write_areas(ResultWriter& out, const Dataset& data) {
  out.count("areas", data.area_order.size());
  for (const std::string& code : data.area_order) {
    const Area& a = data.areas.at(code);
    out.string("code", code);
    out.string("name", a.name);
    out.string("kind", to_string(a.kind));
    if (out.present("metro", is_wage_area(a.kind))) {
      write_strings(out, "states", a.states);
      write_strings(out, "counties", a.counties);
    }
    auto range = data.world_regions.ranges.find(code);
    if (out.present("range", range != data.world_regions.ranges.end())) {
      out.number("low", range->second.low);
      out.number("high", range->second.high);
      out.string("currency", data.world_regions.currency);
      out.string("statistic", data.world_regions.statistic);
      out.string("source", data.world_regions.source);
    }
  }
}

void write_experience_levels(ResultWriter& out, const Dataset& data) {
  out.count("experienceLevels", data.experience_levels.size());
  for (const ExperienceLevel& l : data.experience_levels) {
    out.string("id", l.id);
    out.string("label", l.label);
    out.string("years", l.years);
    out.number("band", l.band_low);
    out.number("band", l.band_high);
    out.number("weight", l.weight);
    out.string("source", l.source);
  }
}

void write_factors(ResultWriter& out, const Dataset& data) {
  out.count("factors", data.factors.size());
  for (const Factor& f : data.factors) {
    out.string("kind", to_string(f.kind));
    out.string("id", f.id);
    out.string("label", f.label);
    out.string("group", f.group);
    out.string("source", f.source);
    out.optional_string("note", f.note);
    out.record("premium");
    out.number("low", f.premium.low);
    out.number("high", f.premium.high);
    write_strings(out, "occupations", f.occupations);
  }
}

void write_compensation_norms(ResultWriter& out, const Dataset& data) {
  out.count("compensationNorms", data.compensation_norms.size());
  for (const CompensationNorm& n : data.compensation_norms) {
    out.string("id", n.id);
    out.string("component", n.component);
    out.string("appliesTo", n.applies_to);
    out.string("label", n.label);
    out.number("low", n.low);
    out.number("high", n.high);
    out.string("source", n.source);
  }
}

void write_published_estimates(ResultWriter& out, const Dataset& data) {
  out.count("publishedEstimates", data.published_estimates.size());
  for (const PublishedEstimate& e : data.published_estimates) {
    out.string("publisher", e.publisher);
    out.string("role", e.role);
    out.string("statistic", e.statistic);
    out.optional_number("value", e.value);
    out.optional_number("low", e.low);
    out.optional_number("high", e.high);
    out.optional_string("asOf", e.as_of);
    out.string("area", e.area);
    out.string("source", e.source);
  }
}

void write_parity_table(ResultWriter& out, Field name, const PriceParityTable& t) {
  out.record(name);
  out.string("source", t.source);
  out.number("year", t.year);
  out.count("values", t.values.size());
  for (const auto& [code, rpp] : t.values) {
    out.string("values", code);
    out.number("values", rpp);
  }
}

}  // namespace

void write_error(ResultWriter& out, const Error& e) {
  out.string("code", e.code);
  out.string("message", e.message);
}

void write_distribution(ResultWriter& out, Field name, const AreaDistribution& d) {
  out.record(name);
  out.string("occupation", d.occupation);
  out.string("occupationTitle", d.occupation_title);
  out.string("area", d.area);
  out.string("areaName", d.area_name);
  out.string("areaKind", to_string(d.area_kind));
  write_points(out, "points", d.distribution.points());
  for (bool estimated : d.estimated) out.flag("estimatedPoints", estimated);
  out.string("method", to_string(d.method));
  write_strings(out, "sources", d.sources);
  write_strings(out, "notes", d.notes);
  out.optional_number("mean", d.mean);
  out.optional_number("employment", d.employment);
  out.string("release", d.release);
  out.number("impliedMean", d.implied_mean);
  if (out.present("levels", d.levels.has_value())) {
    for (double level : d.levels->annual) out.number("annual", level);
    out.string("source", d.levels->source);
    out.string("wageYear", d.levels->wage_year);
  }
}

void write_estimate(ResultWriter& out, const Estimate& e, double offer) {
  out.number("low", e.low);
  out.number("typical", e.typical);
  out.number("high", e.high);
  write_points(out, "profile", e.profile.points());
  out.number("band", e.band_low);
  out.number("band", e.band_high);
  out.number("bandSalaries", e.band_salary_low);
  out.number("bandSalaries", e.band_salary_high);
  out.record("multiplier");
  out.number("low", e.multiplier_low);
  out.number("typical", e.multiplier_typical);
  out.number("high", e.multiplier_high);
  write_distribution(out, "base", *e.base);
  out.count("factors", e.factors.size());
  for (const AppliedFactor& f : e.factors) {
    out.string("kind", f.kind);
    out.string("id", f.id);
    out.string("label", f.label);
    out.string("group", f.group);
    out.string("source", f.source);
    out.string("note", f.note);
    out.number("low", f.low);
    out.number("typical", f.typical);
    out.number("high", f.high);
    out.number("weight", f.weight);
    out.flag("applied", f.applied);
  }
  out.count("steps", e.steps.size());
  for (const EstimateStep& s : e.steps) {
    out.string("kind", s.kind);
    out.string("id", s.id);
    out.number("typical", s.typical);
  }
  write_strings(out, "notes", e.notes);
  if (out.present("offer", !std::isnan(offer))) {
    out.number("salary", offer);
    out.number("percentileInProfile", e.profile.percentile_of(offer));
    out.number("percentileInArea", e.base->distribution.percentile_of(offer));
  }
}

void write_cost_of_living(ResultWriter& out, const CostOfLiving& c) {
  out.number("salary", c.salary);
  out.number("equivalent", c.equivalent);
  out.number("ratio", c.ratio);
  write_place(out, "from", c.from);
  write_place(out, "to", c.to);
}

void write_take_home(ResultWriter& out, const TakeHome& t, const std::string& filing_status) {
  out.number("gross", t.gross);
  out.number("pretaxRetirement", t.pretax_retirement);
  out.number("hsa", t.hsa);
  out.number("fsa", t.fsa);
  out.number("federalTaxableIncome", t.federal_taxable_income);
  out.number("stateTaxableIncome", t.state_taxable_income);
  out.number("federalIncomeTax", t.federal_income_tax);
  out.number("socialSecurity", t.social_security);
  out.number("medicare", t.medicare);
  out.number("additionalMedicare", t.additional_medicare);
  out.number("stateIncomeTax", t.state_income_tax);
  out.number("statePayrollTax", t.state_payroll_tax);
  out.number("localIncomeTax", t.local_income_tax);
  out.number("totalTax", t.total_tax);
  out.number("net", t.net);
  out.number("effectiveRate", t.effective_rate);
  out.number("federalMarginalRate", t.federal_marginal_rate);
  out.number("stateMarginalRate", t.state_marginal_rate);
  out.string("state", t.state);
  out.string("locality", t.locality);
  out.string("localityName", t.locality_name);
  out.number("year", t.year);
  out.string("filingStatus", filing_status);
  // A cap of 0: the data has no limit for it (null in JavaScript).
  const ContributionCaps& c = t.caps;
  auto cap = [](double v) { return v > 0 ? std::optional<double>(v) : std::nullopt; };
  out.record("caps");
  out.optional_number("retirement", cap(c.retirement));
  out.optional_number("hsa", cap(c.hsa));
  out.optional_number("fsa", cap(c.fsa));
  out.optional_string("retirementSource", c.retirement_source);
  out.optional_string("hsaSource", c.hsa_source);
  out.optional_string("fsaSource", c.fsa_source);
  out.count("lines", t.lines.size());
  for (const TaxLine& line : t.lines) {
    out.string("id", line.id);
    out.string("label", line.label);
    out.number("amount", line.amount);
    out.string("source", line.source);
    out.string("kind", line.kind);
  }
  out.count("details", t.details.size());
  for (const TaxDetail& d : t.details) {
    out.string("id", d.id);
    out.string("label", d.label);
    out.string("kind", d.kind);
    out.string("tax", d.tax);
    out.number("amount", d.amount);
    out.string("source", d.source);
  }
  write_strings(out, "notes", t.notes);
}

void write_localities(ResultWriter& out, const AreaLocalities& a, const std::string& area, int year) {
  out.string("area", area);
  out.string("state", a.state ? a.state->code : "");
  out.string("stateName", a.state ? a.state->name : "");
  out.number("year", year);
  out.flag("required", a.places && a.places->required);
  const size_t n = a.places ? a.places->localities.size() : 0;
  out.count("places", n);
  for (size_t i = 0; i < n; ++i) {
    const Locality& l = a.places->localities[i];
    out.string("id", l.id);
    out.string("name", l.name);
    out.string("kind", l.kind);
    out.optional_string("note", l.note);
    out.count("taxes", l.taxes.size());
    for (const LocalTax& t : l.taxes) {
      out.string("id", t.id);
      out.string("label", t.label);
      out.string("source", t.source);
      out.optional_string("note", t.note);
    }
  }
}

void write_total_comp(ResultWriter& out, const TotalCompensation& c) {
  out.number("base", c.base);
  out.number("bonus", c.bonus);
  out.number("equity", c.equity);
  out.number("benefits", c.benefits);
  out.number("retirementMatch", c.retirement_match);
  out.number("total", c.total);
  out.count("lines", c.lines.size());
  for (const CompensationLine& line : c.lines) {
    out.string("id", line.id);
    out.string("label", line.label);
    out.number("amount", line.amount);
  }
}

void write_listings(ResultWriter& out, const Dataset& data) {
  out.string("version", data.version);
  write_sources(out, data);
  write_occupations(out, data);
  write_areas(out, data);
  write_experience_levels(out, data);
  write_factors(out, data);
  write_compensation_norms(out, data);
  write_published_estimates(out, data);
  out.count("taxYears", data.tax.federal.size());
  for (const auto& [year, table] : data.tax.federal) out.number("taxYears", year);
  out.record("priceParities");
  write_parity_table(out, "states", data.state_parities);
  write_parity_table(out, "metros", data.metro_parities);
}

}  // namespace salary
