// Every exported function × every kind of bad value: each call throws a SalaryError whose message
// names the argument, and the very next good call answers correctly (the wasm module survives).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, SalaryError } from '../../dist/salary-core.mjs';

const calculator = await load();

// Values that are wrong for any number argument.
const badNumbers = [NaN, Infinity, -Infinity, -1, 1e308, -1e308, '120000', 'abc', '', undefined, null, true, {}, [], [1], () => 1, 10n];
// Values that are wrong for any code argument (area, occupation, ids…).
const badCodes = ['ZZ', 'us', '99-9999', '', ' US', 'US\u0000', '<script>', 'x'.repeat(500), 42, null, true, {}, [], NaN];

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
    { arg: 'equityVestingYears', kind: 'number', extra: [0, 11], put: (v) => [{ base: 1, equityVestingYears: v }], skip: [undefined] },
    { arg: 'benefits', kind: 'number', put: (v) => [{ base: 1, benefits: v }], skip: [undefined] },
    { arg: 'retirementMatchPercent', kind: 'number', put: (v) => [{ base: 1, retirementMatchPercent: v }], skip: [undefined] },
  ] },
  { fn: 'convert', good: () => [50, 'hourly', 'annual'], args: [
    { arg: 'amount', kind: 'number', put: (v) => [v, 'hourly', 'annual'] },
    { arg: 'from', kind: 'code', put: (v) => [50, v, 'annual'] },
    { arg: 'to', kind: 'code', put: (v) => [50, 'hourly', v] },
    { arg: 'hoursPerWeek', kind: 'number', extra: [0, 169], put: (v) => [50, 'hourly', 'annual', { hoursPerWeek: v }], skip: [undefined] },
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
