#include "calculator.hpp"

#include <cmath>
#include <vector>

#include "records.hpp"
#include "salary/dataset_binary.hpp"
#include "salary/distribution.hpp"

namespace salary {

namespace {

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

}  // namespace

bool Calculator::load_snapshot(const std::string& bytes) {
  auto data = unpack_dataset(bytes);
  if (!data) return fail(data.error());
  replace_data(std::move(data.value()));
  out_.clear();
  return succeed();
}

bool Calculator::load_core_snapshot(const std::string& bytes) {
  auto data = unpack_core(bytes);
  if (!data) return fail(data.error());
  replace_data(std::move(data.value()));
  out_.clear();
  return succeed();
}

bool Calculator::load_extras(const std::string& bytes) {
  if (auto error = unpack_extras(bytes, data_)) return fail(*error);
  out_.clear();
  return succeed();
}

bool Calculator::load_areas(const std::string& bytes) {
  distributions_.clear();  // a wage area's figures depend on the part: never keep older ones
  if (auto error = unpack_areas(bytes, data_)) return fail(*error);
  out_.clear();
  return succeed();
}

bool Calculator::percentile_of(double salary, const std::string& occupation, const std::string& area) {
  if (auto e = check_salary("salary", salary)) return fail(*e);
  auto d = distributions_.get(data_, occupation, area);
  if (!d) return fail(d.error());
  out_.clear();
  out_.number("salary", salary);
  out_.number("percentile", (*d)->distribution.percentile_of(salary));
  write_distribution(out_, "distribution", **d);
  return succeed();
}

bool Calculator::salary_at(double percentile, const std::string& occupation, const std::string& area) {
  if (!std::isfinite(percentile) || percentile <= 0 || percentile >= 100)
    return fail(make_error(code::kInvalidNumber, "percentile must be a number greater than 0 and less than 100"));
  auto d = distributions_.get(data_, occupation, area);
  if (!d) return fail(d.error());
  out_.clear();
  out_.number("percentile", percentile);
  out_.number("salary", (*d)->distribution.salary_at(percentile));
  write_distribution(out_, "distribution", **d);
  return succeed();
}

bool Calculator::estimate(const std::string& occupation, const std::string& area, const std::string& experience,
                          const std::string& specialization, const std::string& company_type,
                          const std::string& skills, const std::string& technologies,
                          const std::string& certifications, double offer) {
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

bool Calculator::density_curve(const std::string& occupation, const std::string& area, double from, double to,
                               int samples) {
  if (!(from >= 0 && to > from && to <= 1e9) || samples < 2 || samples > 2000)
    return fail(make_error(code::kInvalidNumber, "densityCurve needs 0 <= from < to <= 1e9 and 2 to 2000 samples"));
  auto d = distributions_.get(data_, occupation, area);
  if (!d) return fail(d.error());
  out_.clear();
  out_.count("densities", static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i)
    out_.number("densities", (*d)->distribution.density(from + (to - from) * i / (samples - 1)));
  return succeed();
}

bool Calculator::cost_of_living(double salary, const std::string& from, const std::string& to) {
  auto r = salary::cost_of_living(data_, salary, from, to);
  if (!r) return fail(r.error());
  out_.clear();
  write_cost_of_living(out_, r.value());
  return succeed();
}

bool Calculator::take_home(double salary, const std::string& area, int year, const std::string& filing_status,
                           const std::string& locality, double pretax_retirement, int age, double hsa,
                           const std::string& hsa_coverage, double fsa,
                           const std::string& residence_state) {
  auto status = parse_filing_status(filing_status);
  if (!status)
    return fail(make_error(code::kInvalidArgument,
                           "filingStatus must be single, joint, separate or head_of_household, not \"" +
                               filing_status + "\""));
  auto coverage = parse_hsa_coverage(hsa_coverage);
  if (!coverage)
    return fail(make_error(code::kInvalidArgument, "hsaCoverage must be self or family, not \"" + hsa_coverage + "\""));
  TakeHomeInput in;
  in.salary = salary;
  in.area = area;
  in.year = year;
  in.filing_status = *status;
  in.locality = locality;
  in.pretax_retirement = pretax_retirement;
  in.age = age;
  in.hsa = hsa;
  in.hsa_coverage = *coverage;
  in.fsa = fsa;
  in.residence_state = residence_state;
  auto r = salary::take_home(data_, in);
  if (!r) return fail(r.error());
  out_.clear();
  write_take_home(out_, r.value(), filing_status);
  return succeed();
}

bool Calculator::localities(const std::string& area, int year) {
  auto r = area_localities(data_, area, year);
  if (!r) return fail(r.error());
  out_.clear();
  write_localities(out_, r.value(), area, year);
  return succeed();
}

bool Calculator::total_comp(double base, double bonus_percent, double equity_grant, double equity_vesting_years,
                            double equity_annual, double benefits, double retirement_match_percent) {
  CompensationParts parts{base, bonus_percent, equity_grant, equity_vesting_years,
                          equity_annual, benefits, retirement_match_percent};
  auto r = total_compensation(parts);
  if (!r) return fail(r.error());
  out_.clear();
  write_total_comp(out_, r.value());
  return succeed();
}

bool Calculator::convert(double amount, const std::string& from, const std::string& to, double hours_per_week) {
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
  out_.number("amount", amount);
  out_.string("from", from);
  out_.string("to", to);
  out_.number("value", r.value());
  out_.number("hoursPerWeek", hours_per_week);
  return succeed();
}

bool Calculator::listings() {
  out_.clear();
  write_listings(out_, data_);
  return succeed();
}

void Calculator::replace_data(Dataset data) {
  data_ = std::move(data);
  distributions_.clear();
}

bool Calculator::succeed() {
  out_.header();
  return true;
}

bool Calculator::fail(const Error& e) {
  out_.clear();
  write_error(out_, e);
  out_.header();
  return false;
}

}  // namespace salary
