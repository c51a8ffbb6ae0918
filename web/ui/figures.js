// What a panel gets: the figures every panel shares, computed from the inputs with the
// Calculator. No DOM here (tests/js/figures.test.mjs runs it under Node); panels/index.js says
// what else a panel's context holds.
import { money } from './format.js';

/** The most a year's pay may be; the core refuses larger salaries. */
export const MAX_PAY = 1e9;
const NATION = 'US';

/**
 * A cache for figures that stay the same while the dataset does: memo(kind, key, make) calls
 * make() once per kind and key (a few dozen kept per kind, then the kind starts again).
 */
export function makeMemo() {
  const kinds = new Map();
  return (kind, key, make) => {
    if (!kinds.has(kind)) kinds.set(kind, new Map());
    const m = kinds.get(kind);
    if (!m.has(key)) {
      if (m.size > 64) m.clear();
      m.set(key, make());
    }
    return m.get(key);
  };
}

/**
 * The figures for `inputs` (a widget's `state`: every field's current valid value).
 * `last` holds the place and pay that last worked ({where, pay}); a place or a pay that fails now
 * is reported in `errors` (field → message) and the last one stays in use, as for a field that does
 * not parse. Returns the figures with `last` brought up to date:
 *   where       {occupation, area} in use
 *   salary      the pay as a year's salary, or null when none is entered
 *   hoursPerWeek  the hours of a week the pay was converted with (null: not converted)
 *   pay         what the pay-based panels use: the salary, else the estimate's typical pay
 *   profile     the estimate's profile (calc.estimate's argument)
 *   base        {distribution, area, national, estimate, estimateError}: the place's
 *               distribution, the pay's percentile there and nationally, the profile's estimate
 *               (the distribution and the estimate are the same objects while the place and the
 *               profile stay the same)
 *   inputs      `inputs`, with the pay that is in use
 *   errors      field → message
 *   estimate(profile), median(area)   calc.estimate and the median pay of `area`, memoized
 */
export function figures(calc, inputs, { last = {}, memo = makeMemo() } = {}) {
  const v = { ...inputs };
  const errors = {};
  let where = { occupation: v.occupation, area: v.area };
  const distributionOf = (w) => memo('distribution', `${w.occupation}|${w.area}`, () => calc.salaryAt(50, w).distribution);
  let distribution;
  try {
    distribution = distributionOf(where);
    last = { ...last, where };
  } catch (e) {
    errors[e.code === 'unknown_occupation' || v.area === NATION ? 'occupation' : 'area'] = e.message;
    where = last.where ?? where;
    try { distribution = distributionOf(where); } catch { distribution = null; }
  }
  let hoursPerWeek = null;
  const annual = ({ salary: pay, period }) => {
    if (pay === null) return null;
    let a = pay;
    if (period !== 'annual') ({ value: a, hoursPerWeek } = calc.convert(pay, period, 'annual'));
    if (a > MAX_PAY) throw new Error(`That is more than ${money(MAX_PAY)} a year; check the amount and how often it is paid.`);
    return a;
  };
  let salary = null;
  try {
    salary = annual(v);
    last = { ...last, pay: { salary: v.salary, period: v.period } };
  } catch (e) {
    errors.salary = e.message;
    if (last.pay) {
      Object.assign(v, last.pay);
      salary = annual(v);
    }
  }
  const profile = { occupation: where.occupation, area: where.area, skills: v.skills, technologies: v.technologies, certifications: v.certifications };
  for (const k of ['experience', 'specialization', 'companyType']) if (v[k]) profile[k] = v[k];
  /** calc.estimate, kept per profile (pay does not change it; several panels ask for it). */
  const estimate = (p) => memo('estimate', JSON.stringify(p), () => calc.estimate(p));
  const base = { distribution, area: null, national: null, estimate: null, estimateError: null };
  try { base.estimate = estimate(profile); } catch (e) { base.estimateError = e; }
  if (salary !== null) {
    try { base.area = calc.percentileOf(salary, where); } catch (e) { errors.salary = e.message; }
    try { base.national = calc.percentileOf(salary, { occupation: where.occupation, area: NATION }); } catch { /* no national row */ }
  }
  return {
    where, salary, profile, base, inputs: v, errors, last, estimate, hoursPerWeek,
    pay: salary ?? base.estimate?.typical ?? distribution?.points.p50 ?? 0,
    median: (area) => memo('median', `${where.occupation}|${area}`, () => {
      try {
        return calc.salaryAt(50, { occupation: where.occupation, area }).salary;
      } catch {
        return null; // no data for that state
      }
    }),
  };
}
