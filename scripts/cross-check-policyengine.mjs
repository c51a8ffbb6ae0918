// An independent cross-check of the state payroll programs (data/tax/state-payroll-2025-2026.json:
// employee rates, wage bases, yearly maxima) against PolicyEngine US's parameter files, read from a copy of that repository if you have one:
//   node scripts/cross-check-policyengine.mjs PATH
// PATH: a checkout of github.com/PolicyEngine/policyengine-us, or its git directory (a mirror is
// read with `git show HEAD:…`). Prints, per program and year, our figure and PolicyEngine's in
// effect on January 1, with "same" or "differs"; each program's
// `cross_check` note says why a difference is expected (PolicyEngine keeps placeholders where the
// agency has published the year's figure). Informational: not part of the test suite, which
// depends on nothing outside the repository; always exits 0 unless PATH is unreadable.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const where = process.argv[2];
if (!where) {
  console.error('usage: node scripts/cross-check-policyengine.mjs PATH-TO-POLICYENGINE-US (a checkout or its git directory)');
  process.exit(2);
}
const checkout = existsSync(join(where, 'policyengine_us'));
const read = (path) => {
  try {
    return checkout ? readFileSync(join(where, path), 'utf8')
      : execFileSync('git', [`--git-dir=${where}`, 'show', `HEAD:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};
if (!read('policyengine_us/parameters/gov/hhs/fpg.yaml')) {
  console.error(`cross-check: ${where} is not a copy of policyengine-us`);
  process.exit(2);
}

/** A parameter file's top-level `values:` (date → number), the one shape these files take. */
function values(text) {
  const out = [];
  let inValues = false;
  for (const line of text.split('\n')) {
    if (/^values:\s*$/.test(line)) inValues = true;
    else if (/^\S/.test(line)) inValues = false;
    else if (inValues) {
      const m = /^\s+(\d{4}-\d{2}-\d{2}):\s*([-\d._e]+)/.exec(line);
      if (m) out.push([m[1], Number(m[2].replace(/_/g, ''))]);
    }
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}
const at = (series, date) => series.filter(([d]) => d <= date).at(-1)?.[1] ?? null;

// What PolicyEngine says of each program we have, as the employee's rate (after any employee
// share), wage base and yearly maximum: each a function of a reader of its parameters at a date
// (`pe(path)`, a path under parameters/gov/states/). Programs PolicyEngine has no file for are
// left out (their cross_check notes say so).
const SPECS = {
  ca_sdi: { rate: (pe) => pe('ca/tax/payroll/disability/employee_rate.yaml') },
  co_famli: { rate: (pe) => pe('co/tax/payroll/famli/employee_rate.yaml') },
  ct_paid_leave: { rate: (pe) => pe('ct/tax/payroll/paid_leave/employee_rate.yaml') },
  de_paid_leave: {
    rate: (pe) => ['medical_rate', 'parental_rate', 'family_caregiver_rate']
      .reduce((sum, f) => sum + pe(`de/tax/payroll/paid_leave/${f}.yaml`), 0) * pe('de/tax/payroll/paid_leave/employee_share.yaml'),
  },
  ma_pfml: {
    rate: (pe) => pe('ma/tax/payroll/paid_leave/family_rate.yaml')
      + pe('ma/tax/payroll/paid_leave/medical_rate.yaml') * pe('ma/tax/payroll/paid_leave/medical_employee_share.yaml'),
  },
  me_pfml: { rate: (pe) => pe('me/tax/payroll/paid_leave/employee_rate.yaml') },
  mn_paid_leave: { rate: (pe) => pe('mn/tax/payroll/paid_leave/employee_rate.yaml') },
  nj_tdi: { rate: (pe) => pe('nj/tax/payroll/temporary_disability_insurance/employee_rate.yaml'),
    wageBase: (pe) => pe('nj/tax/payroll/temporary_disability_insurance/taxable_wage_base.yaml') },
  nj_fli: { rate: (pe) => pe('nj/tax/payroll/family_leave_insurance/employee_rate.yaml') },
  ny_disability: { rate: (pe) => pe('ny/tax/payroll/disability_benefits/employee_rate.yaml'),
    annualMax: (pe) => pe('ny/tax/payroll/disability_benefits/annual_max_contribution.yaml') },
  ny_pfl: { rate: (pe) => pe('ny/tax/payroll/paid_family_leave/employee_rate.yaml'),
    annualMax: (pe) => pe('ny/tax/payroll/paid_family_leave/annual_max_contribution.yaml') },
  or_paid_leave: { rate: (pe) => pe('or/tax/payroll/paid_leave/employee_rate.yaml') },
  or_transit: { rate: (pe) => pe('or/tax/payroll/statewide_transit/employee_rate.yaml') },
  pa_unemployment: { rate: (pe) => pe('pa/tax/payroll/unemployment/employee_rate.yaml') },
  ri_tdi: { rate: (pe) => pe('ri/tax/payroll/temporary_disability_insurance/employee_rate.yaml'),
    wageBase: (pe) => pe('ri/tax/payroll/temporary_disability_insurance/taxable_wage_base.yaml') },
  vt_child_care: { rate: (pe) => pe('vt/tax/payroll/child_care/employee_rate.yaml') },
  wa_pfml: { rate: (pe) => pe('wa/tax/payroll/paid_leave/total_rate.yaml') * (1 - pe('wa/tax/payroll/paid_leave/employer_share.yaml')) },
  wa_cares: { rate: (pe) => pe('wa/tax/payroll/long_term_care/employee_rate.yaml') },
};

const parsed = new Map();
const reader = (date) => (path) => {
  if (!parsed.has(path)) {
    const text = read(`policyengine_us/parameters/gov/states/${path}`);
    if (!text) throw new Error(`no ${path} in this copy of policyengine-us`);
    parsed.set(path, values(text));
  }
  const v = at(parsed.get(path), date);
  if (v === null) throw new Error(`${path} has no value on ${date}`);
  return v;
};

const doc = JSON.parse(readFileSync(join(root, 'data/tax/state-payroll-2025-2026.json'), 'utf8'));
const rows = [];
const money = (x) => (x === undefined || x === null ? '—' : `$${Math.round(x * 100) / 100}`);
const pct = (x) => (x === undefined || x === null ? '—' : `${+(x * 100).toFixed(4)} %`);
const near = (a, b) => a !== undefined && b !== undefined && Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
for (const p of doc.programs) {
  const spec = SPECS[p.id];
  for (const [year, y] of Object.entries(p.years)) {
    if (!spec) { rows.push({ id: p.id, year, what: 'program', ours: '', theirs: '', verdict: 'PolicyEngine has none' }); continue; }
    const pe = reader(`${year}-01-01`);
    const ours = {
      rate: y.rate * (y.employee_share ?? 1),
      wageBase: typeof y.wage_base === 'number' ? y.wage_base : undefined,
      annualMax: y.annual_max ?? (y.weekly_max === undefined ? undefined : 52 * y.weekly_max),
    };
    for (const what of ['rate', 'wageBase', 'annualMax']) {
      if (!spec[what]) continue;
      let theirs;
      try { theirs = spec[what](pe); } catch (e) { rows.push({ id: p.id, year, what, ours: '', theirs: '', verdict: e.message }); continue; }
      const show = what === 'rate' ? pct : money;
      rows.push({ id: p.id, year, what, ours: show(ours[what]), theirs: show(theirs), verdict: near(ours[what], theirs) ? 'same' : 'differs' });
    }
  }
}
for (const r of rows) console.log(`${r.id.padEnd(24)} ${r.year}  ${r.what.padEnd(9)} ours ${r.ours.padStart(10)}  PolicyEngine ${r.theirs.padStart(10)}  ${r.verdict}`);
const count = (v) => rows.filter((r) => r.verdict === v);
console.log(`\n${count('same').length} same, ${count('differs').length} differ`
  + `${count('differs').length ? ` (${count('differs').map((r) => `${r.id} ${r.year} ${r.what}`).join(', ')}: each program's cross_check note says why)` : ''}`
  + `, ${rows.length - count('same').length - count('differs').length} not compared`);
