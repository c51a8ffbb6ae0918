#include "income_tax_rules.hpp"

#include <algorithm>
#include <cmath>

namespace salary::detail {
namespace {

const char* detail_kind(TaxItemKind kind) {
  switch (kind) {
    case TaxItemKind::kCredit: return "credit";
    case TaxItemKind::kAddition: return "addition";
    case TaxItemKind::kBracketRecapture: return "recapture";
    case TaxItemKind::kIncomeAddition: return "income_addition";
    default: return "deduction";
  }
}

double income_for(const Phase& p, const Incomes& in) {
  switch (p.income) {
    case PhaseIncome::kFederalAgi: return in.federal_agi;
    case PhaseIncome::kTaxableIncome: return in.taxable;
    case PhaseIncome::kAgi: break;
  }
  return in.agi;
}

// Rounds half up, as the tax forms do, after dropping the floating-point noise of products like
// 27,900 x 5.4 % (1,506.5999…), so that an exact half is a half.
double round_half_up(double x) { return std::round(std::round(x * 1e6) / 1e6); }

// Whole steps (or parts of one) of `step` in `excess`: $1 over the start is one step.
double steps(double excess, double step) { return excess > 0 ? std::ceil(excess / step - 1e-12) : 0; }

// New York's supplemental tax (Tax Law § 601(d-1); Form IT-201 instructions, tax computation
// worksheets): above the AGI threshold the benefit of the brackets below the top one reached is
// taken back, in full once the AGI is `phase_in` above the bracket's start. The taxable income
// picks the bracket; the share taken back is (AGI − start) / phase_in, rounded to four decimals.
double recaptured_tax(const Schedule& s, const TaxItem& item, double taxable, double agi) {
  const double regular = tax_on(s, taxable);
  if (agi <= item.agi_threshold || s.empty()) return regular;
  auto bracket_of = [&](double x, bool strict) {
    size_t k = 0;
    for (size_t i = 1; i < s.size(); ++i)
      if (strict ? s[i].threshold < x : s[i].threshold <= x) k = i;
    return k;
  };
  const size_t first = bracket_of(item.agi_threshold, false);
  if (agi > s.back().threshold) return taxable * s.back().rate;  // the top rate on everything
  const size_t k = std::max(first, bracket_of(taxable, true));
  const double start = k == first ? item.agi_threshold : s[k].threshold;
  double base = 0;  // what the brackets below k gave back already, in whole dollars as the forms do
  if (k > first) base = round_half_up(s[k - 1].threshold * s[k - 1].rate - tax_on(s, s[k - 1].threshold));
  const double full = taxable * s[k].rate;
  if (agi >= start + item.phase_in) return full;
  const double share = round_half_up((agi - start) / item.phase_in * 10000) / 10000;
  return regular + base + (full - regular - base) * share;
}

}  // namespace

double band_value(const Schedule& bands, double income) {
  double value = bands.empty() ? 0 : bands.front().rate;
  for (size_t i = 1; i < bands.size(); ++i)
    if (income > bands[i].threshold) value = bands[i].rate;
  return value;
}

double phased_amount(const TaxItem& item, bool joint, const Incomes& in) {
  const Phase& p = item.phase;
  double amount = item.amount ? item.amount->of(joint) : 0;
  if (!item.schedule_single.empty()) amount = tax_on(joint ? item.schedule_joint : item.schedule_single, in.taxable);
  const double income = income_for(p, in);
  const double floor = p.floor.of(joint);
  switch (p.kind) {
    case PhaseKind::kNone: break;
    case PhaseKind::kLinear:
      amount = std::max(floor, amount - tax_on(joint ? p.rates_joint : p.rates_single, income));
      break;
    case PhaseKind::kSteps: {
      const double n = steps(income - p.start.of(joint), p.step.of(joint));
      if (item.kind == TaxItemKind::kAddition) amount = std::min(amount, n * p.per_step.of(joint));
      else amount = std::max(floor, amount - n * p.per_step.of(joint));
      break;
    }
    case PhaseKind::kBands: amount = band_value(joint ? p.bands_joint : p.bands_single, income); break;
    case PhaseKind::kCliff:
      if (income > p.start.of(joint)) amount = 0;
      break;
  }
  return std::max(0.0, amount);
}

double wages_after(const PretaxExclusions& p, double salary, double retirement, double hsa, double fsa) {
  return salary - (p.retirement ? retirement : 0) - (p.hsa ? hsa : 0) - (p.fsa ? fsa : 0);
}

StateIncomeTax state_income_tax(const StateTax& st, const EarnerIncome& in) {
  StateIncomeTax out;
  const bool joint = in.joint;
  out.agi = wages_after(st.pretax, in.salary, in.retirement, in.hsa, in.fsa);
  Incomes incomes{out.agi, in.federal_agi, 0};
  auto add = [&](const TaxItem& item, double amount) {
    out.details.push_back({item.id, item.label, item.source, detail_kind(item.kind), "state_income_tax", amount});
  };
  double start = st.base == StateTaxBase::kFederalTaxableIncome ? in.federal_taxable_raw : out.agi;
  const std::optional<double>& standard = joint ? st.standard_deduction_joint : st.standard_deduction_single;
  double deductions = standard.value_or(0);
  bool any_deduction = standard.has_value() || st.base == StateTaxBase::kFederalTaxableIncome;
  for (const TaxItem& item : st.items) {
    double amount = 0;
    switch (item.kind) {
      case TaxItemKind::kDeduction: amount = phased_amount(item, joint, incomes); break;
      case TaxItemKind::kFederalTaxDeduction: {
        amount = in.federal_income_tax * (item.share.empty() ? 1 : band_value(item.share, out.agi));
        if (item.amount) amount = std::min(amount, phased_amount(item, joint, incomes));
        break;
      }
      case TaxItemKind::kPayrollTaxDeduction: amount = std::min(in.fica_paid, item.amount->of(joint)); break;
      case TaxItemKind::kIncomeAddition:
        amount = phased_amount(item, joint, incomes);
        deductions -= amount;
        add(item, amount);
        continue;
      default: continue;
    }
    any_deduction = true;
    deductions += amount;
    add(item, amount);
  }
  out.deducts_nothing = !any_deduction && st.items.empty() && st.type != StateTaxType::kNone;
  const double taxable_raw = start - deductions;
  out.taxable = std::max(0.0, taxable_raw);
  incomes.taxable = out.taxable;
  if (st.type == StateTaxType::kNone) return out;

  const Schedule& schedule = joint && !st.joint.empty() ? st.joint : st.single;
  double tax = st.type == StateTaxType::kFlat ? st.flat_rate * out.taxable : tax_on(schedule, out.taxable);
  for (const TaxItem& item : st.items)
    if (item.kind == TaxItemKind::kBracketRecapture) {
      const double recaptured = recaptured_tax(schedule, item, out.taxable, out.agi);
      add(item, recaptured - tax);
      tax = recaptured;
    }
  tax += tax_on(st.surtax, out.taxable);
  for (const TaxItem& item : st.items)
    if (item.kind == TaxItemKind::kAddition) {
      const double amount = phased_amount(item, joint, incomes);
      tax += amount;
      add(item, amount);
    }
  for (const TaxItem& item : st.items)
    if (item.kind == TaxItemKind::kCredit) {
      const double amount = std::min(tax, phased_amount(item, joint, incomes));  // non-refundable
      tax -= amount;
      add(item, amount);
    }
  out.tax = tax;
  return out;
}

double local_income_tax(const LocalTax& t, const EarnerIncome& in, const StateIncomeTax& state,
                        std::vector<TaxDetail>& details) {
  const bool joint = in.joint;
  double base = 0;
  switch (t.base) {
    case LocalBase::kStateTaxableIncome: base = state.taxable; break;
    case LocalBase::kStateTax: base = state.tax; break;
    case LocalBase::kWages: base = wages_after(t.pretax, in.salary, in.retirement, in.hsa, in.fsa); break;
    case LocalBase::kNone: break;
  }
  base = std::max(0.0, base - t.exemption.of(joint));
  double tax = t.rate * base;
  if (!t.brackets_single.empty()) tax = tax_on(joint ? t.brackets_joint : t.brackets_single, base);
  if (!t.bands_single.empty()) tax = band_value(joint ? t.bands_joint : t.bands_single, base) * base;
  if (in.salary > t.fixed_above.of(joint)) tax += t.fixed.of(joint);
  const Incomes incomes{state.agi, in.federal_agi, base};
  for (const TaxItem& credit : t.credits) {
    const double amount = std::min(tax, phased_amount(credit, joint, incomes));
    tax -= amount;
    details.push_back({credit.id, credit.label, credit.source, "credit", t.id, amount});
  }
  return tax;
}

double payroll_contribution(const PayrollProgram& p, const Wages& w) {
  if (w.gross <= 0) return 0;  // no pay, no hours worked: nothing is withheld
  double wages = w.gross;
  switch (p.wages) {
    case PayrollWages::kFica: wages = w.fica; break;
    case PayrollWages::kFederal: wages = w.federal; break;
    case PayrollWages::kState: wages = w.state; break;
    case PayrollWages::kGross: break;
  }
  if (p.wage_base) wages = std::min(wages, *p.wage_base);
  double amount = p.rate * std::max(0.0, wages);
  if (p.annual_max) amount = std::min(amount, *p.annual_max);
  const double share_of_year = std::min(1.0, w.gross / (kHoursPerYear * kFederalMinimumWage));
  return amount + (p.per_hour * kHoursPerYear + p.per_year) * share_of_year;
}

}  // namespace salary::detail
