// Every exported function × every kind of bad value: each call throws a SalaryError whose message
// names the argument, and the very next good call answers correctly (the wasm module survives).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, SalaryError, MAX_DATASET_BYTES } from '../../dist/salary-core.mjs';

const calculator = await load();

// Values that are wrong for any number argument.
const badNumbers = [NaN, Infinity, -Infinity, -1, 1e308, -1e308, '120000', 'abc', '', undefined, null, true, {}, [], [1], () => 1, 10n];
// Values that are wrong for any code argument (area, occupation, ids…).
// Half a UTF-16 surrogate pair on its own ('\ud800') has no UTF-8 form: it reached the core as
// another character, and the message echoed that one.
const badCodes = ['ZZ', 'us', '99-9999', '', ' US', 'US\u0000', '<script>', 'x'.repeat(500), 'T\ud800X', '\udc00', 42, null, true, {}, [], NaN];

// Each function: a good call, and for each argument a way to substitute a bad value.
// `arg` names what the message must mention.
const cases = [
  { fn: 'percentileOf', good: () => [120000, { area: 'TX' }], args: [
    { arg: 'salary', kind: 'number', put: (v) => [v, { area: 'TX' }] },
    { arg: 'area', kind: 'code', put: (v) => [120000, { area: v }] },
    { arg: 'occupation', kind: 'code', put: (v) => [120000, { occupation: v }] },
  ] },
  { fn: 'salaryAt', good: () => [50, { area: 'TX' }], args: [
    { arg: 'percentile', kind: 'number', extra: [0, 100, 101], put: (v) => [v, { area: 'TX' }] },
    { arg: 'area', kind: 'code', put: (v) => [50, { area: v }] },
    { arg: 'occupation', kind: 'code', put: (v) => [50, { occupation: v }] },
  ] },
  { fn: 'estimate', good: () => [{ area: 'TX', experience: 'senior' }], args: [
    { arg: 'area', kind: 'code', put: (v) => [{ area: v }] },
    { arg: 'occupation', kind: 'code', put: (v) => [{ occupation: v }] },
    { arg: 'experience', kind: 'code', put: (v) => [{ experience: v }], skip: [''] }, // '' means any
    { arg: 'specialization', kind: 'code', put: (v) => [{ specialization: v }], skip: [''] },
    { arg: 'companyType', kind: 'code', put: (v) => [{ companyType: v }], skip: [''], name: /company_?type/i },
    { arg: 'skills', kind: 'code', put: (v) => [{ skills: [v] }] },
    { arg: 'technologies', kind: 'code', put: (v) => [{ technologies: [v] }] },
    { arg: 'certifications', kind: 'code', put: (v) => [{ certifications: [v] }] },
    { arg: 'offer', kind: 'number', put: (v) => [{ offer: v }], skip: [undefined, null] },
  ] },
  { fn: 'totalComp', good: () => [{ base: 150000, bonusPercent: 10 }], args: [
    { arg: 'base', kind: 'number', put: (v) => [{ base: v }] },
    { arg: 'bonusPercent', kind: 'number', extra: [1001], put: (v) => [{ base: 1, bonusPercent: v }], skip: [undefined] },
    { arg: 'equityGrant', kind: 'number', put: (v) => [{ base: 1, equityGrant: v }], skip: [undefined] },
    { arg: 'equityVestingYears', kind: 'number', extra: [0, 11, 1e-300, 0.09], put: (v) => [{ base: 1, equityGrant: 1e9, equityVestingYears: v }], skip: [undefined] },
    { arg: 'benefits', kind: 'number', put: (v) => [{ base: 1, benefits: v }], skip: [undefined] },
    { arg: 'retirementMatchPercent', kind: 'number', put: (v) => [{ base: 1, retirementMatchPercent: v }], skip: [undefined] },
  ] },
  { fn: 'convert', good: () => [50, 'hourly', 'annual'], args: [
    { arg: 'amount', kind: 'number', put: (v) => [v, 'hourly', 'annual'] },
    { arg: 'from', kind: 'code', put: (v) => [50, v, 'annual'] },
    { arg: 'to', kind: 'code', put: (v) => [50, 'hourly', v] },
    { arg: 'hoursPerWeek', kind: 'number', extra: [0, 169, 1e-9, 0.5], put: (v) => [50, 'hourly', 'annual', { hoursPerWeek: v }], skip: [undefined] },
  ] },
  { fn: 'costOfLiving', good: () => [100000, 'CA', 'TX'], args: [
    { arg: 'salary', kind: 'number', put: (v) => [v, 'CA', 'TX'] },
    { arg: 'fromArea', kind: 'code', put: (v) => [100000, v, 'TX'], name: /fromArea|area/ },
    { arg: 'toArea', kind: 'code', put: (v) => [100000, 'CA', v], name: /toArea|area/ },
  ] },
  { fn: 'takeHome', good: () => [{ salary: 120000, area: 'CA' }], args: [
    { arg: 'salary', kind: 'number', put: (v) => [{ salary: v, area: 'CA' }] },
    { arg: 'area', kind: 'code', put: (v) => [{ salary: 1, area: v }] },
    { arg: 'year', kind: 'number', extra: [2031, 2025.5, 1999], put: (v) => [{ salary: 1, year: v }], skip: [undefined] },
    { arg: 'filingStatus', kind: 'code', put: (v) => [{ salary: 1, filingStatus: v }] },
    { arg: 'retirementContribution', kind: 'number', extra: [200], put: (v) => [{ salary: 100, retirementContribution: v }], skip: [undefined] },
    // Above the 2026 limit of $24,500 (or $32,500 from 50): over_limit, naming the 401(k).
    { arg: 'retirementContribution', kind: 'number', extra: [24501], name: /401\(k\)|retirementContribution/,
      put: (v) => [{ salary: 120000, year: 2026, retirementContribution: v }], skip: [undefined] },
    { arg: 'locality', kind: 'code', put: (v) => [{ salary: 120000, area: 'NY', locality: v }], skip: ['', null] }, // none
    { arg: 'age', kind: 'number', extra: [13, 121, 30.5], put: (v) => [{ salary: 120000, age: v }], skip: [undefined, null] },
    // 2026 HSA limits: $4,400 self-only, $8,750 family; health FSA $3,400.
    { arg: 'hsa', kind: 'number', extra: [4401, 120001], put: (v) => [{ salary: 120000, year: 2026, hsa: v }], skip: [undefined] },
    { arg: 'hsaCoverage', kind: 'code', put: (v) => [{ salary: 120000, hsa: 5000, hsaCoverage: v }], skip: [undefined] },
    { arg: 'fsa', kind: 'number', extra: [3401], put: (v) => [{ salary: 120000, year: 2026, fsa: v }], skip: [undefined] },
  ] },
  { fn: 'localities', good: () => ['MD'], args: [
    { arg: 'area', kind: 'code', put: (v) => [v] },
    { arg: 'year', kind: 'number', extra: [2031, 2025.5], put: (v) => ['MD', { year: v }], skip: [undefined] },
  ] },
];

const goodResults = Object.fromEntries(cases.map((c) => [c.fn, JSON.stringify(calculator[c.fn](...c.good()))]));
let tried = 0;

for (const c of cases) {
  test(`${c.fn}: every bad value of every argument`, () => {
    for (const a of c.args) {
      const values = [...(a.kind === 'number' ? badNumbers : badCodes), ...(a.extra ?? [])]
        .filter((v) => !(a.skip ?? []).some((s) => Object.is(s, v)));
      for (const value of values) {
        const label = `${c.fn} ${a.arg}=${typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : String(value)}`;
        let thrown = null;
        try {
          calculator[c.fn](...a.put(value));
        } catch (e) {
          thrown = e;
        }
        tried += 1;
        assert.ok(thrown instanceof SalaryError, `${label}: expected a SalaryError, got ${thrown}`);
        assert.match(thrown.code, /^[a-z_]+$/, label);
        assert.match(thrown.message, a.name ?? new RegExp(a.arg.replace(/([A-Z])/g, '_?$1'), 'i'), `${label}: "${thrown.message}" does not name ${a.arg}`);
        // The module keeps answering correctly right after the error.
        assert.equal(JSON.stringify(calculator[c.fn](...c.good())), goodResults[c.fn], `${label}: next call differs`);
      }
    }
  });
}

test('the matrix is large enough to mean something', () => {
  assert.ok(tried > 350, `only ${tried} bad calls tried`);
  console.log(`bad-input matrix: ${tried} bad calls, all rejected with a SalaryError naming the argument`);
});

// ---- issue 14, item 6: each of these threw something else before ----
test('a lone surrogate is echoed escaped, as given, not as the character the core would have seen', () => {
  assert.throws(() => calculator.percentileOf(100000, { area: 'T\ud800X' }),
    { name: 'SalaryError', code: 'invalid_argument', message: 'area is not Unicode text, got "T\\ud800X"' });
  assert.throws(() => calculator.estimate({ skills: ['go', '\udfff'] }), { message: 'skills[1] is not Unicode text, got "\\udfff"' });
  // A whole pair is text: an unknown area, named as given.
  assert.throws(() => calculator.percentileOf(100000, { area: '\ud83d\ude00' }), { code: 'unknown_area', message: 'unknown area "\ud83d\ude00"' });
});

test('a grant over a vanishing vesting period blames the vesting period, not base', () => {
  assert.throws(() => calculator.totalComp({ base: 150000, equityGrant: 1e9, equityVestingYears: 1e-300 }),
    { code: 'invalid_number', message: 'equityVestingYears must be at least 0.1 and at most 10, got 1e-300' });
  // 1e9 / 0.1 = 1e10 a year: the most the API can be asked for, and finite.
  assert.equal(calculator.totalComp({ base: 0, equityGrant: 1e9, equityVestingYears: 0.1 }).equity, 1e10);
});

test('hours per week are human: at least 1 (1e-9 made any wage a trillion dollars an hour)', () => {
  assert.throws(() => calculator.convert(120000, 'annual', 'hourly', { hoursPerWeek: 1e-9 }),
    { code: 'invalid_number', message: 'hoursPerWeek must be at least 1 and at most 168, got 1e-9' });
  // 120,000 / (52 × 1) = 2,307.69 an hour at one hour a week.
  assert.ok(Math.abs(calculator.convert(120000, 'annual', 'hourly', { hoursPerWeek: 1 }).value - 2307.6923) < 1e-4);
});

test('a disposed Calculator throws a SalaryError (code disposed), not a TypeError', async () => {
  const c = await load();
  c.dispose();
  c.dispose(); // twice is fine
  for (const call of [() => c.percentileOf(100000), () => c.salaryAt(50), () => c.estimate({}), () => c.totalComp({ base: 1 }),
    () => c.convert(1, 'annual', 'monthly'), () => c.costOfLiving(1, 'CA', 'TX'), () => c.takeHome({ salary: 1 })]) {
    assert.throws(call, { name: 'SalaryError', code: 'disposed', message: 'the Calculator was disposed' });
  }
  assert.ok(calculator.percentileOf(135980).percentile > 49, 'another Calculator is unaffected'); // the May 2025 national median
});

test('a dataset object that refers to itself (or holds a BigInt) is a SalaryError, not a TypeError', async () => {
  const looped = { format: 'salary-dataset/1' };
  looped.self = looped;
  await assert.rejects(load({ dataset: looped }), (e) => e instanceof SalaryError && e.code === 'invalid_argument'
    && /^dataset cannot be written as JSON: .*circular/i.test(e.message));
  await assert.rejects(load({ dataset: { n: 1n } }), (e) => e instanceof SalaryError && /BigInt/.test(e.message));
  await assert.rejects(load({ dataset: 42 }), { code: 'invalid_argument', message: 'dataset must be JSON text, bytes or an object, got 42' });
  await assert.rejects(load({ dataset: ' '.repeat(MAX_DATASET_BYTES + 1) }), { code: 'dataset_value' });
});

test("SalaryError keeps its name through minification (dist/ is minified)", () => {
  const e = new SalaryError('x', 'y');
  assert.equal(SalaryError.name, 'SalaryError');
  assert.equal(e.constructor.name, 'SalaryError');
  assert.equal(e.name, 'SalaryError');
  assert.equal(String(e), 'SalaryError: y');
});
