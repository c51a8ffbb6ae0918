// What a panel gets (web/ui/figures.js), computed under Node with no DOM: the shared figures for a
// widget's inputs, checked against the JS API called directly, and what happens to a place, a pay
// or a profile that cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../dist/salary-core.mjs';
import { figures, makeMemo, MAX_PAY } from '../../web/ui/figures.js';

const calc = await load();
const DEFAULT_WHERE = { occupation: '15-1252', area: 'US' };
/** A widget's `state` with every field the figures read. */
const inputs = (over = {}) => ({
  salary: null, period: 'annual', occupation: '15-1252', area: 'US', experience: '', specialization: '', companyType: '',
  skills: [], technologies: [], certifications: [], ...over,
});

test('a salary in a state: its percentile there and nationally, and the profile\'s estimate', () => {
  const f = figures(calc, inputs({ salary: 150000, area: 'TX', experience: 'senior', skills: ['go'] }), { last: { where: DEFAULT_WHERE } });
  assert.deepEqual(f.where, { occupation: '15-1252', area: 'TX' });
  assert.equal(f.salary, 150000);
  assert.equal(f.pay, 150000);
  assert.equal(f.base.area.percentile, calc.percentileOf(150000, { area: 'TX' }).percentile);
  assert.equal(f.base.national.percentile, calc.percentileOf(150000, { area: 'US' }).percentile);
  assert.deepEqual(f.base.distribution, calc.salaryAt(50, { area: 'TX' }).distribution);
  // Only the profile fields that are set go to estimate().
  assert.deepEqual(f.profile, { occupation: '15-1252', area: 'TX', skills: ['go'], technologies: [], certifications: [], experience: 'senior' });
  assert.deepEqual(f.base.estimate, calc.estimate(f.profile));
  assert.deepEqual(f.errors, {});
  assert.deepEqual(f.last, { where: { occupation: '15-1252', area: 'TX' }, pay: { salary: 150000, period: 'annual' } });
});

test('hourly pay becomes a year\'s salary at 40 hours a week', () => {
  // 52 weeks × 40 hours = 2,080 hours; 50 × 2,080 = 104,000.
  const f = figures(calc, inputs({ salary: 50, period: 'hourly' }));
  assert.equal(f.salary, 104000);
  assert.equal(f.hoursPerWeek, 40);
  assert.equal(figures(calc, inputs({ salary: 104000 })).hoursPerWeek, null);
});

test('no pay entered: the pay-based panels use the estimate\'s typical pay', () => {
  const f = figures(calc, inputs({ area: 'WA' }));
  assert.equal(f.salary, null);
  assert.equal(f.base.area, null);
  assert.equal(f.pay, calc.estimate({ area: 'WA', skills: [], technologies: [], certifications: [] }).typical);
});

test('a place with no figure: the message goes to the area field, and the last place that worked stays', () => {
  const last = { where: { occupation: '15-1252', area: 'CA' } };
  const f = figures(calc, inputs({ salary: 120000, area: 'ZZ' }), { last });
  assert.match(f.errors.area, /unknown area "ZZ"/);
  assert.deepEqual(f.where, last.where);
  assert.equal(f.base.area.percentile, calc.percentileOf(120000, { area: 'CA' }).percentile);
  assert.deepEqual(f.last.where, last.where);
  // An unknown occupation is the occupation field's.
  assert.match(figures(calc, inputs({ occupation: '99-9999', area: 'TX' }), { last }).errors.occupation, /unknown occupation/);
});

test('a pay beyond a billion a year is refused, and the last pay that worked stays in use', () => {
  const last = { where: DEFAULT_WHERE, pay: { salary: 90000, period: 'annual' } };
  // 600,000 an hour × 2,080 hours = 1,248,000,000 a year.
  const f = figures(calc, inputs({ salary: 600000, period: 'hourly' }), { last });
  assert.ok(1248000000 > MAX_PAY);
  assert.match(f.errors.salary, /more than \$1,000,000,000 a year/);
  assert.equal(f.salary, 90000);
  assert.equal(f.inputs.salary, 90000);
  assert.deepEqual(f.last.pay, last.pay);
});

test('estimates and medians are computed once per profile and place while the data stays', () => {
  const memo = makeMemo();
  const a = figures(calc, inputs({ salary: 100000, area: 'NY' }), { memo });
  const b = figures(calc, inputs({ salary: 130000, area: 'NY' }), { memo });
  assert.equal(a.base.estimate, b.base.estimate, 'the pay does not change the estimate');
  assert.equal(a.estimate({ ...a.profile, experience: 'mid' }), b.estimate({ ...b.profile, experience: 'mid' }));
  assert.equal(a.median('NY'), calc.salaryAt(50, { area: 'NY' }).salary);
  assert.equal(a.median('ZZ'), null);
});
