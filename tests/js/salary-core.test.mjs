// The JS API (dist/salary-core.mjs) in Node: results, defaults, errors, and a golden file of
// computed figures that must not drift silently. Update the golden file on purpose with
//   UPDATE_GOLDEN=1 node --test tests/js/salary-core.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { load, SalaryError } from '../../dist/salary-core.mjs';

const calculator = await load();
const goldenPath = new URL('../data/golden-results.json', import.meta.url);

function throwsSalaryError(fn, code, messagePart) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof SalaryError, `expected a SalaryError, got ${e}`);
    assert.equal(e.code, code);
    if (messagePart) assert.match(e.message, messagePart);
    return true;
  });
}

test('percentileOf: published points are exact, defaults are 15-1252 in the US, May 2025', () => {
  const r = calculator.percentileOf(135980);
  assert.equal(r.distribution.occupation, '15-1252');
  assert.equal(r.distribution.area, 'US');
  assert.ok(Math.abs(r.percentile - 50) < 1e-9);
  assert.deepEqual(r.distribution.points, { p10: 82460, p25: 105210, p50: 135980, p75: 171980, p90: 214670 });
  assert.deepEqual(r.distribution.sources, ['bls-oews-2025']);
  assert.equal(r.distribution.release, 'BLS OEWS May 2025');
  assert.ok(Math.abs(r.distribution.impliedMean - 148100) < 15, 'the curve has the BLS mean');
});

test('a state result names its release and how far the national median moved since', () => {
  const d = calculator.percentileOf(120000, { area: 'TX' }).distribution;
  assert.equal(d.release, 'BLS OEWS May 2024');
  assert.match(d.notes.join(' '), /national ones are BLS OEWS May 2025, a release newer\. The national median moved \$132,270 \(May 2023\) → \$133,080 \(May 2024\) → \$135,980 \(May 2025\), \+2\.2 % in the latest year/);
});

test("densityCurve: the core's own density, the slope of percentileOf", () => {
  const c = calculator.densityCurve(60000, 300000, { area: 'TX', samples: 5 });
  assert.equal(c.densities.length, 5);
  for (const [i, f] of c.densities.entries()) {
    const w = 60000 + 60000 * i, h = 1;
    const slope = (calculator.percentileOf(w + h, { area: 'TX' }).percentile - calculator.percentileOf(w - h, { area: 'TX' }).percentile) / 200;
    assert.ok(Math.abs(f - slope) <= 1e-6 * f, `${w}: ${f} vs ${slope}`);
  }
  assert.throws(() => calculator.densityCurve(2, 1), { code: 'invalid_number' });
});

test('salaryAt inverts percentileOf within $1', () => {
  for (const area of ['US', 'TX', 'CA', '41940']) {
    for (const salary of [40000, 95000, 150000, 260000, 600000]) {
      const p = calculator.percentileOf(salary, { area }).percentile;
      const back = calculator.salaryAt(p, { area }).salary;
      assert.ok(Math.abs(back - salary) < 1, `${area} ${salary} → ${p} → ${back}`);
    }
  }
});

test('a state distribution equals its BLS row; top-coded points are marked', () => {
  const tx = calculator.percentileOf(100000, { area: 'TX' }).distribution;
  assert.deepEqual(tx.points, { p10: 79490, p25: 102060, p50: 130500, p75: 160240, p90: 174710 });
  const ca = calculator.percentileOf(100000, { area: 'CA' }).distribution;
  assert.deepEqual(ca.estimatedPoints, ['p90']);
  assert.equal(ca.method, 'top_coded_estimate');
  assert.ok(ca.points.p90 >= 239200);
});

test('estimate: range, factors with sources, offer placement', () => {
  const e = calculator.estimate({ area: 'TX', experience: 'senior', specialization: 'cloud', skills: ['go'], offer: 150000 });
  assert.ok(e.low < e.typical && e.typical < e.high);
  assert.deepEqual(e.factors.map((f) => f.id), ['senior', 'cloud', 'go']);
  assert.deepEqual(e.factors.map((f) => f.weight), [1, 1, 0.5], 'Go, the smaller premium, counts half');
  for (const f of e.factors) assert.ok(calculator.sources().some((s) => s.id === f.source), f.source);
  assert.ok(e.offer.percentileInProfile > 0 && e.offer.percentileInProfile < 100);
  assert.ok(e.offer.percentileInArea > e.offer.percentileInProfile, 'a senior cloud profile places 150k lower than the whole state does');
});

test('convert: hourly median × 2,080 is the annual median', () => {
  assert.equal(calculator.convert(63.98, 'hourly', 'annual').value, 63.98 * 2080);
  assert.equal(calculator.convert(120000, 'annual', 'monthly').value, 10000);
  assert.equal(calculator.convert(100, 'hourly', 'annual', { hoursPerWeek: 20 }).value, 104000);
});

test('costOfLiving is symmetric and labels each year', () => {
  const there = calculator.costOfLiving(120000, 'CA', '41940');
  const back = calculator.costOfLiving(there.equivalent, '41940', 'CA');
  assert.ok(Math.abs(back.equivalent - 120000) < 1e-6);
  assert.equal(there.from.year, 2023);
  assert.equal(there.to.year, 2024);
});

test('takeHome: line items add up, notes say what is not modelled', () => {
  const t = calculator.takeHome({ salary: 120000, area: 'TX', year: 2026 });
  assert.equal(t.stateIncomeTax, 0);
  const taxes = t.lines.filter((l) => l.id !== 'pretax_retirement').reduce((s, l) => s + l.amount, 0);
  assert.ok(Math.abs(taxes - t.totalTax) < 1e-6);
  assert.ok(Math.abs(t.gross - t.totalTax - t.pretaxRetirement - t.net) < 1e-6);
  assert.ok(t.notes.some((n) => /local/i.test(n)));
});

test('takeHome: a New York City resident with every contribution; the localities of a state', () => {
  // 2026, joint, $140,000, 55 years old: 401(k) $32,500 (with the $8,000 catch-up, pre-tax since
  // the wages are under $150,000), family HSA $9,750 ($8,750 + $1,000 catch-up from 55), health
  // FSA $3,400: each exactly at its limit.
  const t = calculator.takeHome({ salary: 140000, area: 'NY', year: 2026, filingStatus: 'joint', locality: 'nyc',
    retirementContribution: 32500, age: 55, hsa: 9750, hsaCoverage: 'family', fsa: 3400 });
  assert.equal(t.locality, 'nyc');
  assert.equal(t.localityName, 'New York City');
  assert.deepEqual(t.caps, { retirement: 32500, hsa: 9750, fsa: 3400,
    retirementSource: t.caps.retirementSource, hsaSource: t.caps.hsaSource, fsaSource: t.caps.fsaSource });
  assert.ok(t.caps.retirementSource && t.caps.hsaSource && t.caps.fsaSource);
  const kinds = Object.fromEntries(t.lines.map((l) => [l.id, l.kind]));
  assert.equal(kinds.ny_pfl, 'state_payroll');
  assert.equal(kinds.nyc_income_tax, 'local');
  assert.equal(kinds.hsa, 'pretax');
  const sum = (kind) => t.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
  assert.ok(Math.abs(sum('state_payroll') - t.statePayrollTax) < 1e-6);
  assert.ok(Math.abs(sum('local') - t.localIncomeTax) < 1e-6);
  assert.ok(Math.abs(t.gross - t.totalTax - 32500 - 9750 - 3400 - t.net) < 1e-6);
  // Every line of tax cites a source the listings know.
  const sources = new Set(calculator.sources().map((x) => x.id));
  for (const line of t.lines.filter((l) => l.kind !== 'pretax')) assert.ok(sources.has(line.source), line.id);
  for (const d of t.details) assert.ok(sources.has(d.source) && d.tax, d.id);

  const md = calculator.localities('MD', { year: 2026 });
  assert.equal(md.required, true);
  assert.equal(md.places.length, 24);  // 23 counties and Baltimore City
  assert.ok(md.places.every((p) => p.taxes.length > 0 && sources.has(p.taxes[0].source)));
  assert.deepEqual(calculator.localities('TX').places, []);
  assert.equal(calculator.localities('US').state, '');
  const ny = calculator.localities('35620', { year: 2025 });  // New York-Newark-Jersey City: New York's
  assert.deepEqual(ny.places.map((p) => p.id), ['nyc', 'yonkers']);
  throwsSalaryError(() => calculator.takeHome({ salary: 1, area: 'TX', locality: 'nyc' }), 'unknown_locality', /Texas/);
  throwsSalaryError(() => calculator.takeHome({ salary: 100000, hsa: 60000, fsa: 50000 }), 'exceeds_salary', /hsa/);
  throwsSalaryError(() => calculator.takeHome({ salary: 140000, year: 2026, retirementContribution: 32500, age: 49 }),
    'over_limit', /\$24,500 at age 49/);
  // From 2026 the catch-up of an earner above $150,000 of FICA wages must be Roth, not pre-tax.
  throwsSalaryError(() => calculator.takeHome({ salary: 250000, year: 2026, retirementContribution: 32500, age: 55 }),
    'over_limit', /must be Roth/);
});

test('totalComp annualizes equity', () => {
  const c = calculator.totalComp({ base: 150000, bonusPercent: 10, equityGrant: 200000, equityVestingYears: 4 });
  assert.equal(c.bonus, 15000);
  assert.equal(c.equity, 50000);
  assert.equal(c.total, 215000);
});

test('listings cover the menus', () => {
  assert.deepEqual(calculator.occupations().map((o) => o.code), ['15-1252', '15-1253', '15-1254', '15-2051']);
  assert.equal(calculator.areas('state').length, 51);
  assert.equal(calculator.areas('metro').length + calculator.areas('nonmetro').length, 530);
  const austin = calculator.areas('metro').find((a) => a.code === '12420');
  assert.deepEqual(austin.states, ['TX']);
  assert.ok(austin.counties.includes('Travis County, TX'));
  assert.deepEqual(calculator.experienceLevels().map((l) => l.id), ['entry', 'mid', 'senior', 'staff']);
  assert.deepEqual(calculator.taxYears(), [2025, 2026]);
  assert.ok(calculator.publishedEstimates().some((e) => e.publisher === 'Glassdoor'));
  const copy = calculator.sources();
  copy.pop();
  assert.equal(calculator.sources().length, copy.length + 1, 'listings are copies');
});

test('bad input throws a SalaryError naming the argument, and the next call works', () => {
  throwsSalaryError(() => calculator.percentileOf(NaN), 'invalid_number', /salary/);
  throwsSalaryError(() => calculator.percentileOf('120000'), 'invalid_number', /salary must be a finite number, got "120000"/);
  throwsSalaryError(() => calculator.percentileOf(-1), 'invalid_number', /salary/);
  throwsSalaryError(() => calculator.percentileOf(1e308), 'invalid_number', /salary/);
  throwsSalaryError(() => calculator.percentileOf(100000, { area: 'ZZ' }), 'unknown_area', /"ZZ"/);
  throwsSalaryError(() => calculator.percentileOf(100000, { area: 'western-europe' }), 'range_only', /Western Europe/);
  throwsSalaryError(() => calculator.salaryAt(100), 'invalid_number', /percentile/);
  throwsSalaryError(() => calculator.estimate({ skills: 'go' }), 'invalid_argument', /skills/);
  throwsSalaryError(() => calculator.estimate({ skills: ['cobol'] }), 'unknown_factor', /cobol/);
  throwsSalaryError(() => calculator.takeHome({ salary: 1, year: 2031 }), 'unknown_year', /2031/);
  throwsSalaryError(() => calculator.takeHome({ salary: 1, filingStatus: 'married' }), 'invalid_argument', /filingStatus/);
  throwsSalaryError(() => calculator.convert(1, 'yearly', 'annual'), 'invalid_argument', /from/);
  assert.ok(Math.abs(calculator.percentileOf(135980).percentile - 50) < 1e-9);
});

test('load: one wasm instance, custom datasets, clear dataset errors', async () => {
  const text = readFileSync(new URL('../../data/salary-data.json', import.meta.url), 'utf8');
  const custom = JSON.parse(text);
  custom.occupations['15-1252'].areas.US.p50 = 140000;
  const other = await load({ dataset: custom });
  assert.ok(Math.abs(other.percentileOf(140000).percentile - 50) < 1e-9);
  assert.ok(Math.abs(calculator.percentileOf(135980).percentile - 50) < 1e-9, 'the first calculator is unaffected');
  await assert.rejects(load({ dataset: '{"format": ' }), (e) => e instanceof SalaryError && e.code === 'dataset_syntax');
  custom.occupations['15-1252'].areas.US.p75 = 100;
  await assert.rejects(load({ dataset: custom }), (e) => e.code === 'dataset_order'
    && e.message === '/occupations/15-1252/areas/US/p75: must be > p50 (100 <= 140000)');
  await assert.rejects(load({ dataset: 42 }), (e) => e.code === 'invalid_argument');
});

test('lazy load: national and state figures first, tax tables and metro areas on demand', async () => {
  const lazy = await load({ lazy: true });
  assert.equal(lazy.extrasLoaded, false);
  assert.equal(lazy.areasLoaded, false);
  assert.ok(Math.abs(lazy.percentileOf(135980).percentile - 50) < 1e-9);
  throwsSalaryError(() => lazy.takeHome({ salary: 100000 }), 'not_loaded', /loadExtras/);
  throwsSalaryError(() => lazy.localities('NY'), 'not_loaded', /loadExtras/);
  throwsSalaryError(() => lazy.costOfLiving(100000, 'CA', 'TX'), 'not_loaded', /loadExtras/);
  throwsSalaryError(() => lazy.totalComp({ base: 100000 }), 'not_loaded', /totalComp needs the full module: await calculator.loadExtras/);
  // A metro's code before the areas are in: not_loaded (load them and ask again), not unknown_area.
  throwsSalaryError(() => lazy.estimate({ area: '41940' }), 'not_loaded', /"41940" is a metro or nonmetro area code: await calculator.loadAreas\(\)/);
  throwsSalaryError(() => lazy.percentileOf(1, { area: '4800001' }), 'not_loaded', /loadAreas/);
  assert.equal(lazy.areas('metro').length, 0);
  await Promise.all([lazy.loadExtras(), lazy.loadExtras(), lazy.loadAreas()]);
  assert.equal(lazy.extrasLoaded, true);
  assert.equal(lazy.areasLoaded, true);
  assert.equal(lazy.areas('metro').length, calculator.areas('metro').length);
  assert.deepEqual(lazy.estimate({ area: '41940' }), calculator.estimate({ area: '41940' }));
  assert.deepEqual(lazy.takeHome({ salary: 120000, area: 'TX' }), calculator.takeHome({ salary: 120000, area: 'TX' }));
  assert.deepEqual(lazy.costOfLiving(1, 'CA', '10180'), calculator.costOfLiving(1, 'CA', '10180'));
  // The wage figures keep working in the full module it moved to, from the same data.
  assert.deepEqual(lazy.estimate({ area: '41940', experience: 'senior' }), calculator.estimate({ area: '41940', experience: 'senior' }));
  assert.deepEqual(lazy.localities('MD'), calculator.localities('MD'));
  assert.deepEqual(lazy.totalComp({ base: 150000, bonusPercent: 10 }), calculator.totalComp({ base: 150000, bonusPercent: 10 }));
  throwsSalaryError(() => lazy.percentileOf(1, { area: '99999' }), 'unknown_area', /"99999"/);
  lazy.dispose();
});

test('the default module reads the core part only: the areas, like the extras, move a calculator to the full module', async () => {
  // The default module has no code to read the extras or the areas (docs/performance.md).
  const glue = await import('../../dist/salary-core-node-glue.mjs');
  const module = await glue.default({ wasmBinary: readFileSync(new URL('../../dist/salary-core.wasm', import.meta.url)) });
  for (const method of ['loadAreas', 'loadExtras', 'takeHome', 'costOfLiving', 'localities', 'totalComp']) {
    assert.equal(module.Calculator.prototype[method], undefined, method);
  }
  const lazy = await load({ lazy: true });
  const texas = lazy.estimate({ area: 'TX', experience: 'senior' });
  const loading = lazy.loadAreas();
  // Meanwhile the calculator keeps computing, with the default module.
  assert.deepEqual(lazy.estimate({ area: 'TX', experience: 'senior' }), texas);
  await loading;
  assert.equal(lazy.areasLoaded, true);
  assert.equal(lazy.extrasLoaded, false);
  assert.deepEqual(lazy.estimate({ area: 'TX', experience: 'senior' }), texas, 'the same figures in the full module');
  assert.deepEqual(lazy.percentileOf(150000, { area: '42660' }), calculator.percentileOf(150000, { area: '42660' }));
  assert.deepEqual(lazy.prevailingWage({ area: '42660', salary: 150000 }), calculator.prevailingWage({ area: '42660', salary: 150000 }));
  throwsSalaryError(() => lazy.takeHome({ salary: 100000 }), 'not_loaded', /loadExtras/);
  await lazy.loadExtras(); // into the full module it is in already
  assert.deepEqual(lazy.takeHome({ salary: 120000, area: '42660' }), calculator.takeHome({ salary: 120000, area: '42660' }));
  assert.deepEqual(lazy.percentileOf(150000, { area: '42660' }), calculator.percentileOf(150000, { area: '42660' }));
  lazy.dispose();
  // Disposed while a part loads: the part rejects, and nothing is left half loaded.
  const disposed = await load({ lazy: true });
  const part = disposed.loadAreas();
  disposed.dispose();
  await assert.rejects(part, (e) => e instanceof SalaryError && e.code === 'disposed');
  throwsSalaryError(() => disposed.percentileOf(1), 'disposed');
});

test('the ten metros the seed articles name each give a percentile, an estimate, cost of living, take-home pay and the four levels', () => {
  const metros = { 41940: 'San Jose', 42660: 'Seattle', 41860: 'San Francisco', 35620: 'New York', 14460: 'Boston',
    47900: 'Washington', 14500: 'Boulder', 12420: 'Austin', 39580: 'Raleigh', 19740: 'Denver' };
  for (const [area, name] of Object.entries(metros)) {
    const p = calculator.percentileOf(150000, { area });
    assert.ok(p.percentile > 0 && p.percentile < 100, name);
    assert.ok(p.distribution.areaName.startsWith(name.split(' ')[0]), p.distribution.areaName);
    assert.ok(['dol_levels', 'dol_levels_bls_median'].includes(p.distribution.method), `${name}: ${p.distribution.method}`);
    assert.deepEqual(p.distribution.estimatedPoints, ['p10', 'p25', 'p50', 'p75', 'p90'], 'every point modelled');
    assert.ok(p.distribution.sources.includes('dol-oflc-2025-26'));
    assert.ok(calculator.estimate({ area, experience: 'senior' }).typical > 0, name);
    assert.ok(calculator.costOfLiving(150000, area, 'US').from.rpp > 0, name);
    assert.ok(calculator.takeHome({ salary: 150000, area }).net > 0, name);
    assert.equal(calculator.prevailingWage({ area }).levels.length, 4, name);
  }
  // Web developers: no DOL levels; San Jose's curve is California's scaled to BLS's median.
  const web = calculator.salaryAt(50, { occupation: '15-1254', area: '41940' });
  assert.equal(web.distribution.method, 'bls_median');
  assert.ok(Math.abs(web.salary - 161750) < 1e-6);
  assert.match(web.distribution.notes[0], /DOL publishes no prevailing wage levels for Web Developers/);
});

test('metro and nonmetro areas: prevailing wage levels, cost of living, take-home by state lived in', () => {
  // oflc_alc_2025-26_levels_selected.csv, 1000005 (Sussex County, DE), 15-1252: 89149, 107078,
  // 125029, 142958 a year; per hour ÷ 2,080 = 42.86, 51.48, 60.11, 68.73. $110,000 meets Level II.
  const w = calculator.prevailingWage({ area: '1000005', salary: 110000 });
  assert.deepEqual(w.levels, [
    { level: 1, annual: 89149, hourly: 42.86 }, { level: 2, annual: 107078, hourly: 51.48 },
    { level: 3, annual: 125029, hourly: 60.11 }, { level: 4, annual: 142958, hourly: 68.73 }]);
  assert.equal(w.levelMet, 2);
  assert.equal(w.source, 'dol-oflc-2025-26');
  assert.equal(w.wageYear, 'July 2025 – June 2026');
  assert.equal(calculator.prevailingWage({ area: '1000005' }).salary, null);
  throwsSalaryError(() => calculator.prevailingWage({ area: 'TX' }), 'no_data', /per metro or nonmetro area/);
  throwsSalaryError(() => calculator.prevailingWage({ area: '41940', occupation: '15-1254' }), 'no_data', /Web Developers/);
  throwsSalaryError(() => calculator.prevailingWage({ area: '41940', salary: -1 }), 'invalid_number', /salary/);
  throwsSalaryError(() => calculator.prevailingWage({ area: 'ZZ' }), 'unknown_area', /"ZZ"/);

  // PARPP 2024, Texas (Nonmetropolitan Portion): 87.835; the result says whose price level it is.
  const westTexas = calculator.costOfLiving(100000, '4800001', 'TX').from;
  assert.equal(westTexas.rpp, 87.835);
  assert.match(westTexas.note, /Texas's nonmetropolitan part's/);
  assert.equal(calculator.costOfLiving(100000, '12420', 'TX').from.note, null);

  const ny = calculator.takeHome({ salary: 150000, area: '35620' });
  const nj = calculator.takeHome({ salary: 150000, area: '35620', residenceState: 'NJ' });
  assert.equal(ny.state, 'NY');
  assert.equal(nj.state, 'NJ');
  assert.equal(nj.stateIncomeTax, calculator.takeHome({ salary: 150000, area: 'NJ' }).stateIncomeTax);
  throwsSalaryError(() => calculator.takeHome({ salary: 1, area: '35620', residenceState: 'CT' }), 'invalid_argument', /residenceState "CT"/);
  throwsSalaryError(() => calculator.takeHome({ salary: 1, area: '41980' }), 'no_data', /Puerto Rico/);
});

// Figures a person would see for a handful of profiles; any change must be deliberate.
function goldenFigures() {
  const round = (x) => Math.round(x * 100) / 100;
  const out = {};
  for (const [name, profile] of Object.entries({
    'US any': {},
    'TX senior': { area: 'TX', experience: 'senior' },
    'CA staff cloud+aws': { area: 'CA', experience: 'staff', specialization: 'cloud', certifications: ['aws-sa-pro'] },
    'San Jose entry': { area: '41940', experience: 'entry' },
    'NY mid large-tech go': { area: 'NY', experience: 'mid', companyType: 'large-tech', skills: ['go', 'python'] },
    'WA web developers': { occupation: '15-1254', area: 'WA' },
  })) {
    const e = calculator.estimate(profile);
    out[`estimate ${name}`] = { low: round(e.low), typical: round(e.typical), high: round(e.high),
      profile: Object.fromEntries(Object.entries(e.profile).map(([k, v]) => [k, round(v)])) };
  }
  for (const [salary, area] of [[120000, 'TX'], [250000, 'CA'], [180000, '42660'], [60000, 'US']]) {
    out[`percentile ${salary} ${area}`] = round(calculator.percentileOf(salary, { area }).percentile * 100) / 100;
  }
  for (const [salary, area, filingStatus] of [[120000, 'TX', 'single'], [150000, 'CA', 'single'], [200000, 'NY', 'joint'], [95000, 'IL', 'head_of_household']]) {
    const t = calculator.takeHome({ salary, area, filingStatus, year: 2026 });
    out[`take-home ${salary} ${area} ${filingStatus}`] = Object.fromEntries(t.lines.map((l) => [l.id, round(l.amount)]));
  }
  return out;
}

test('golden figures have not drifted', () => {
  const actual = goldenFigures();
  if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, JSON.stringify(actual, null, 1) + '\n');
  const expected = JSON.parse(readFileSync(goldenPath, 'utf8'));
  assert.deepEqual(actual, expected);
});
