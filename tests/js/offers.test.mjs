// The offers API (dist/salary-offers.mjs): worked cases whose every expected figure is computed
// here by hand from the cited tables (IRS Rev. Proc. 2025-32 for 2026, as in data/salary-data.json
// under tax.federal; the states' 2026 rates under tax.states; BEA Regional Price Parities), not
// by the code under test; the differences in words; and bad offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, SalaryError } from '../../dist/salary-core.mjs';
import { compareOffers, MAX_OFFERS, PAYCHECK_PERIODS } from '../../dist/salary-offers.mjs';

const calc = await load();
const near = (actual, expected, what, tolerance = 0.01) => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

// 2026 federal, single (Rev. Proc. 2025-32): standard deduction $16,100; brackets 10 % to $12,400,
// 12 % to $50,400, 22 % to $105,700, 24 % to $201,775. Social Security 6.2 % up to $184,500;
// Medicare 1.45 %. Texas and Florida tax no wages. BEA metro RPPs, 2024: Austin-Round Rock-San
// Marcos 98.066, Miami-Fort Lauderdale-West Palm Beach 114.155, Raleigh-Cary 98.157.
test('Austin at $150,000 against Miami at $160,000 with a $10,000 sign-on bonus (2026, single)', () => {
  const r = compareOffers(calc, [
    { area: '12420', base: 150000 },
    { area: '33100', base: 160000, signOnBonus: 10000 },
  ], { year: 2026 });
  const [austin, miami] = r.offers;
  // Austin: taxable 150,000 − 16,100 = 133,900; tax 1,240 + 4,560 + 12,166 + 24 % × 28,200 (6,768)
  // = 24,734; Social Security 9,300; Medicare 2,175. Net 150,000 − 36,209 = 113,791.
  assert.equal(austin.takeHome.steadyState, 113791);
  assert.equal(austin.buyingPower.steadyState, 113791, 'at its own prices');
  // Miami: taxable 143,900; tax 1,240 + 4,560 + 12,166 + 24 % × 38,200 (9,168) = 27,134; Social
  // Security 9,920; Medicare 2,320. Net 160,000 − 39,374 = 120,626.
  assert.equal(miami.takeHome.steadyState, 120626);
  // At Austin's prices: 120,626 × 98.066 / 114.155 = 103,624.98.
  near(miami.buyingPower.steadyState, 103624.98, 'Miami at Austin prices');
  // First year, with the sign-on bonus: wages 170,000, taxable 153,900; tax 1,240 + 4,560 +
  // 12,166 + 24 % × 48,200 (11,568) = 29,534; Social Security 10,540; Medicare 2,465. Net
  // 170,000 − 42,539 = 127,461; at Austin's prices 127,461 × 98.066 / 114.155 = 109,496.65.
  assert.equal(miami.takeHome.firstYear, 127461);
  near(miami.buyingPower.firstYear, 109496.65, 'first year at Austin prices');
  assert.equal(miami.totalComp.firstYear, 170000);
  assert.equal(miami.totalComp.steadyState, 160000);
  // Paychecks every two weeks (26 a year): Austin 113,791 / 26 = 4,376.58, gross 150,000 / 26 =
  // 5,769.23; Miami 120,626 / 26 = 4,639.46.
  assert.equal(austin.paycheck.perYear, 26);
  near(austin.paycheck.net, 4376.58, 'Austin paycheck');
  near(austin.paycheck.gross, 5769.23, 'Austin gross paycheck');
  near(miami.paycheck.net, 4639.46, 'Miami paycheck');
  assert.equal(r.pricesIn.area, '12420');
  assert.equal(r.pricesIn.rpp, 98.066);
  assert.equal(r.year, 2026);
  // In words, rounded to $100: 113,791 − 103,624.98 = 10,166 → $10,200; before prices 120,626 −
  // 113,791 = 6,835 → $6,800; total compensation 10,000; first year 109,496.65 − 113,791 = −4,294
  // (Austin ahead) → $4,300; paychecks 4,639.46 − 4,376.58 = 262.88 → $260 (to $10 below $1,000).
  assert.deepEqual(r.differences.map((d) => d.text), [
    'Offer A leaves you $10,200 a year more than Offer B after tax and prices (at Austin-Round Rock-San Marcos, TX prices).',
    'Before prices, Offer B takes home $6,800 a year more than Offer A after tax.',
    'Offer B pays $10,000 a year more than Offer A in total compensation (base, bonus, equity, match and benefits).',
    'In the first year, with the sign-on bonus, Offer A leaves you $4,300 more than Offer B after tax and prices.',
    'Offer B’s paycheck is $260 more than Offer A’s every two weeks after tax.',
  ]);
  assert.deepEqual(r.best, { afterTaxAndPrices: 0, afterTax: 1, totalComp: 1, firstYear: 0, paycheck: 1 });
  near(r.differences[0].amounts[1], 113791 - 103624.98, 'amount behind');
  assert.ok(r.sources.includes('irs-2025-2026') && r.sources.includes('bea-rpp-metro'));
  // DOL's prevailing wage levels for Software Developers, 2025-26 (data/oflc, annual): Austin-Round
  // Rock-San Marcos I $90,355, II $114,754, III $139,152, IV $163,550; Miami-Fort Lauderdale-West
  // Palm Beach III $138,258, IV $165,547. $150,000 ≥ 139,152 and < 163,550: Level III; $160,000 ≥
  // 138,258 and < 165,547: Level III.
  assert.deepEqual([austin.prevailingWage.levelMet, miami.prevailingWage.levelMet], [3, 3]);
  assert.deepEqual(austin.prevailingWage.levels.map((l) => l.annual), [90355, 114754, 139152, 163550]);
  assert.equal(austin.prevailingWage.source, 'dol-oflc-2025-26');
  assert.ok(r.sources.includes('dol-oflc-2025-26'));
});

test('the DOL level an offer meets: from below Level I to Level IV, and none where DOL sets none', () => {
  // Austin's levels (above): $90,000 < 90,355: below Level I; $163,550 meets Level IV exactly.
  // Abilene, TX (10180): I $66,768 … III $105,768, IV $125,278: $120,000 is Level III.
  const r = compareOffers(calc, [{ area: '12420', base: 90000 }, { area: '12420', base: 163550 }, { area: '10180', base: 120000 }]);
  assert.deepEqual(r.offers.map((o) => o.prevailingWage.levelMet), [0, 4, 3]);
  assert.equal(r.offers[2].prevailingWage.areaName, 'Abilene, TX');
  // A state: DOL sets its levels per metro or nonmetro area; so does a Web Developer's table lack Austin.
  const s = compareOffers(calc, [{ area: 'TX', base: 120000 }, { area: '12420', base: 100000 }], { profile: { occupation: '15-1254' } });
  assert.deepEqual(s.offers.map((o) => o.prevailingWage), [null, null]);
  assert.ok(s.notes.some((n) => /^Offer A: no prevailing wage level \(.*Texas/.test(n)));
  assert.ok(s.notes.some((n) => /^Offer B: no prevailing wage level \(.*Web Developers in Austin/.test(n)));
});

// North Carolina 2026: 3.99 % of wages − its standard deduction of $12,750 (single).
test('Raleigh with bonus, equity, sign-on, match and benefits (2026, single)', () => {
  const r = compareOffers(calc, [{
    area: '39580', base: 140000, bonusPercent: 10, equityGrant: 80000, signOnBonus: 20000, retirementMatchPercent: 4, benefits: 12000,
  }], { year: 2026, payPeriod: 'semimonthly' });
  const [o] = r.offers;
  // Total: 140,000 + 14,000 bonus + 80,000 / 4 = 20,000 equity + 12,000 benefits + 4 % × 140,000
  // = 5,600 match = 191,600; the first year adds 20,000: 211,600.
  assert.equal(o.totalComp.steadyState, 191600);
  assert.equal(o.totalComp.firstYear, 211600);
  // Wages: 140,000 + 14,000 + 20,000 = 174,000 (the match and benefits are not wages).
  // Federal: taxable 157,900; 1,240 + 4,560 + 12,166 + 24 % × 52,200 (12,528) = 30,494.
  // Social Security 10,788; Medicare 2,523; NC 3.99 % × (174,000 − 12,750) = 6,433.875.
  // Net 174,000 − 30,494 − 10,788 − 2,523 − 6,433.875 = 123,761.125.
  assert.equal(o.wages.steadyState, 174000);
  near(o.takeHome.steadyState, 123761.125, 'steady take-home', 1e-6);
  // First year: wages 194,000; federal taxable 177,900: 1,240 + 4,560 + 12,166 + 24 % × 72,200
  // (17,328) = 35,294; Social Security stops at the wage base: 6.2 % × 184,500 = 11,439;
  // Medicare 2,813 (under the $200,000 threshold of the additional 0.9 %); NC 3.99 % × 181,250
  // = 7,231.875. Net 194,000 − 35,294 − 11,439 − 2,813 − 7,231.875 = 137,222.125.
  near(o.takeHome.firstYear, 137222.125, 'first-year take-home', 1e-6);
  // The paycheck, twice a month (24): the base alone. Federal taxable 123,900: 1,240 + 4,560 +
  // 12,166 + 24 % × 18,200 (4,368) = 22,334; Social Security 8,680; Medicare 2,030; NC 3.99 % ×
  // 127,250 = 5,077.275. Net 101,878.725 a year: 4,244.95 a paycheck; gross 140,000 / 24 = 5,833.33.
  assert.equal(o.paycheck.perYear, 24);
  near(o.paycheck.net, 4244.95, 'semimonthly paycheck');
  near(o.paycheck.gross, 5833.33, 'semimonthly gross');
  assert.deepEqual(r.differences, [], 'one offer: nothing to compare');
  assert.ok(r.notes.some((n) => /restricted stock units/.test(n)), 'says how equity is counted');
});

// RPP by state, 2023: Texas 97.175, Tennessee 92.515, Florida 103.452. None taxes wages.
test('three offers at the same pay in three states, at Texas prices', () => {
  const r = compareOffers(calc, [{ area: 'TX', base: 120000 }, { area: 'TN', base: 120000 }, { area: 'FL', base: 120000 }], { year: 2026, pricesIn: 'TX' });
  // Each: taxable 103,900; 1,240 + 4,560 + 22 % × 53,500 (11,770) = 17,570; Social Security
  // 7,440; Medicare 1,740; net 93,250.
  for (const o of r.offers) assert.equal(o.takeHome.steadyState, 93250);
  // At Texas prices: Tennessee 93,250 × 97.175 / 92.515 = 97,947.02; Florida 93,250 × 97.175 /
  // 103.452 = 87,592.01. Tennessee ahead of Texas by 4,697 ($4,700), of Florida by 10,355 ($10,400).
  near(r.offers[1].buyingPower.steadyState, 97947.02, 'Tennessee');
  near(r.offers[2].buyingPower.steadyState, 87592.01, 'Florida');
  assert.equal(r.differences[0].text,
    'Offer B leaves you $4,700 a year more than Offer A and $10,400 more than Offer C after tax and prices (at Texas prices).');
  assert.equal(r.differences[1].text, 'Before prices, Offer A, Offer B and Offer C take home about the same after tax.');
  assert.equal(r.differences[1].aboutTheSame, true);
  assert.equal(r.differences[2].text, 'Offer A, Offer B and Offer C pay about the same in total compensation.');
  assert.equal(r.pricesIn.year, 2023);
});

// Joint 2026: standard deduction $32,200; 10 % to $24,800, 12 % to $100,800, 22 % to $211,400;
// the additional Medicare tax starts at $250,000 joint.
test('joint filers with a pre-tax 401(k); labels; the same figures as the single calls', () => {
  const r = compareOffers(calc, [{ label: 'Stay', area: 'TX', base: 200000 }, { label: 'Move', area: 'FL', base: 200000, retirementContribution: 0 }],
    { year: 2026, filingStatus: 'joint', retirementContribution: 10000, payPeriod: 'monthly' });
  // Stay: taxable 200,000 − 10,000 − 32,200 = 157,800: 2,480 + 9,120 + 22 % × 57,000 (12,540) =
  // 24,140; Social Security 6.2 % × 184,500 = 11,439; Medicare 2,900. Net 200,000 − 38,479 −
  // 10,000 (the 401(k) is not take-home) = 151,521.
  assert.equal(r.offers[0].takeHome.steadyState, 151521);
  // Move gives its own 401(k) of 0: taxable 167,800: 2,480 + 9,120 + 22 % × 67,000 (14,740) =
  // 26,340; net 200,000 − 26,340 − 11,439 − 2,900 = 159,321.
  assert.equal(r.offers[1].takeHome.steadyState, 159321);
  assert.equal(r.offers[0].label, 'Stay');
  assert.match(r.differences[1].text, /^Before prices, Move takes home \$7,800 a year more than Stay after tax\.$/);
  assert.match(r.differences.at(-1).text, /^Move’s paycheck is \$650 more than Stay’s a month after tax\.$/); // 7,800 / 12
  // Every figure is the core's own: the same as asking it directly.
  const th = calc.takeHome({ salary: 200000, area: 'TX', year: 2026, filingStatus: 'joint', retirementContribution: 10000 });
  assert.deepEqual(r.offers[0].takeHome.result, th);
  const e = calc.estimate({ area: 'TX', offer: 200000 });
  assert.equal(r.offers[0].percentile.inArea, e.offer.percentileInArea);
  assert.equal(r.offers[0].percentile.inProfile, e.offer.percentileInProfile);
});

test('the profile places each base among people like you, in each offer’s place', () => {
  const profile = { experience: 'senior', skills: ['go'] };
  const r = compareOffers(calc, [{ area: '42660', base: 190000 }, { area: '10180', base: 120000 }], { profile });
  for (const [i, area, base] of [[0, '42660', 190000], [1, '10180', 120000]]) {
    const e = calc.estimate({ ...profile, area, offer: base });
    assert.equal(r.offers[i].percentile.inProfile, e.offer.percentileInProfile);
    assert.equal(r.offers[i].percentile.typical, e.typical);
    assert.equal(r.offers[i].percentile.areaName, e.base.areaName);
  }
  assert.ok(r.offers[0].sources.includes('seed-002'));
  assert.equal(r.offers[1].takeHome.result.state, 'TX', 'a metro is taxed by its state');
});

test('a remote offer: taxed and priced where you live, its base placed where the employer is too', () => {
  const r = compareOffers(calc, [{ area: 'TX', base: 150000 }, { area: 'TX', base: 150000, remote: true, employerArea: '35620' }]);
  assert.equal(r.offers[1].takeHome.steadyState, r.offers[0].takeHome.steadyState);
  assert.equal(r.offers[1].employerPercentile.area, '35620');
  assert.equal(r.offers[1].employerPercentile.inArea, calc.estimate({ area: '35620', offer: 150000 }).offer.percentileInArea);
  assert.ok(r.notes.some((n) => /remote/.test(n)));
  assert.equal(r.differences[0].aboutTheSame, true);
  assert.match(r.differences[0].text, /^Offer A and Offer B leave you about the same after tax and prices/);
});

// Kansas City's earnings tax (kcmo-earnings-tax): 1 % of a resident's wages, taken on wages as for
// Medicare. Nothing else depends on it (Missouri's deduction is for federal income tax, not local),
// so two offers at the same pay in the Kansas City metro (taxed by Missouri, its principal state)
// differ by it alone: one living in the city, one outside it.
test('an offer’s locality: its local income tax comes off its take-home (Kansas City, 2026, single)', () => {
  const r = compareOffers(calc, [
    { area: '28140', locality: 'kansas-city', base: 120000, signOnBonus: 10000 },
    { area: '28140', base: 120000, signOnBonus: 10000 },
  ], { year: 2026 });
  const [city, outside] = r.offers;
  assert.deepEqual(city.place, { area: '28140', name: outside.place.name, state: 'MO', locality: 'kansas-city', localityName: 'Kansas City' });
  assert.deepEqual([outside.place.locality, outside.place.localityName], ['', '']);
  // 1 % × 120,000 = 1,200 a year; the first year's wages 130,000: 1,300.
  const local = city.takeHome.result.lines.find((l) => l.kind === 'local');
  assert.deepEqual([local.amount, local.source], [1200, 'kcmo-earnings-tax']);
  assert.ok(!outside.takeHome.result.lines.some((l) => l.kind === 'local'));
  near(outside.takeHome.steadyState - city.takeHome.steadyState, 1200, 'steady state');
  near(outside.takeHome.firstYear - city.takeHome.firstYear, 1300, 'first year');
  // A paycheck every two weeks: 1,200 / 26 = 46.15 less.
  near(outside.paycheck.net - city.paycheck.net, 46.15, 'a paycheck');
  assert.ok(city.sources.includes('kcmo-earnings-tax'));
  // Same place, same prices: the difference after prices is the tax's.
  assert.equal(r.differences[0].text.startsWith('Offer B leaves you $1,200 a year more than Offer A after tax and prices'), true, r.differences[0].text);
});

// Portland-Vancouver-Hillsboro, OR-WA (38900) spans two states: taxed by Oregon, its principal
// state, unless you would live in Washington. Washington, 2026, $150,000 single: federal income tax
// 24,734 (as for Austin above); Social Security 9,300; Medicare 2,175; no state income tax; paid
// family and medical leave 1.13 % × 71.43 % (the employee's share, wa-esd-pfml-2026) × 150,000 =
// 1,210.74; WA Cares 0.58 % × 150,000 = 870. Net 150,000 − 38,289.74 = 111,710.26.
test('an offer in a place spanning two states, lived in on either side', () => {
  const r = compareOffers(calc, [{ area: '38900', base: 150000 }, { area: '38900', residenceState: 'WA', base: 150000 }], { year: 2026 });
  const [oregon, washington] = r.offers;
  assert.deepEqual([oregon.place.state, washington.place.state], ['OR', 'WA']);
  near(washington.takeHome.steadyState, 111710.26, 'living in Washington');
  assert.equal(oregon.takeHome.steadyState, calc.takeHome({ salary: 150000, area: '38900', year: 2026 }).net);
  assert.ok(oregon.takeHome.steadyState < washington.takeHome.steadyState, 'Oregon taxes wages');
  // Portland's local taxes are Oregon's: not for a Washington resident.
  assert.ok(compareOffers(calc, [{ area: '38900', locality: 'portland', base: 150000 }]).offers[0].takeHome.result.lines.some((l) => l.kind === 'local'));
  throwsAt(() => compareOffers(calc, [{ area: '38900', residenceState: 'WA', locality: 'portland', base: 150000 }]), { code: 'unknown_locality', offer: 0, field: 'locality', message: /portland/ });
  throwsAt(() => compareOffers(calc, [{ area: '38900', residenceState: 'TX', base: 150000 }]), { code: 'invalid_argument', offer: 0, field: 'residenceState', message: /^offers\[0\]\.residenceState "TX" is not one of the states of Portland/ });
});

function throwsAt(fn, { code, offer, field, message }) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof SalaryError, `a SalaryError, got ${e}`);
    assert.equal(e.code, code);
    assert.equal(e.offer, offer);
    assert.equal(e.field, field);
    assert.match(e.message, message);
    return true;
  });
}

test('a bad offer gets a clear message naming the offer and the property', () => {
  const ok = { area: 'TX', base: 100000 };
  throwsAt(() => compareOffers(calc, [ok, { area: 'TX', base: -5 }]), { code: 'invalid_number', offer: 1, field: 'base', message: /^offers\[1\]\.base must be more than 0 and at most 1000000000, got -5$/ });
  throwsAt(() => compareOffers(calc, [ok, { base: 90000 }]), { code: 'missing_argument', offer: 1, field: 'area', message: /^offers\[1\]\.area: say where the job is/ });
  throwsAt(() => compareOffers(calc, [{ area: '', base: 90000 }]), { code: 'missing_argument', offer: 0, field: 'area', message: /say where the job is/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX' }]), { code: 'missing_argument', offer: 0, field: 'base', message: /^offers\[0\]\.base: enter the base salary/ });
  throwsAt(() => compareOffers(calc, [ok, { area: 'ZZ', base: 90000 }]), { code: 'unknown_area', offer: 1, field: 'area', message: /^offers\[1\]\.area: unknown area "ZZ"$/ });
  throwsAt(() => compareOffers(calc, [{ area: 'western-europe', base: 90000 }]), { code: 'range_only', offer: 0, field: 'area', message: /only for US areas/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, bonusPercent: -3 }]), { code: 'invalid_number', offer: 0, field: 'bonusPercent', message: /^offers\[0\]\.bonusPercent must be at least 0/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, equityVestingYears: 0 }]), { code: 'invalid_number', offer: 0, field: 'equityVestingYears', message: /equityVestingYears/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, signOnBonus: -1 }]), { code: 'invalid_number', offer: 0, field: 'signOnBonus', message: /signOnBonus must be at least 0/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, bonus: 5 }]), { code: 'invalid_argument', offer: 0, field: 'bonus', message: /offers\[0\]\.bonus is not one of its properties \(label, area/ });
  // A locality of another state than the offer's place (Texas has none).
  throwsAt(() => compareOffers(calc, [ok, { area: 'TX', base: 90000, locality: 'kansas-city' }]), { code: 'unknown_locality', offer: 1, field: 'locality', message: /^offers\[1\]\.locality "kansas-city" is not a Texas locality/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 9000 }], { retirementContribution: 10000 }), { code: 'exceeds_salary', offer: 0, field: 'retirementContribution', message: /must not exceed the salary/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, remote: 'yes' }]), { code: 'invalid_argument', offer: 0, field: 'remote', message: /true or false/ });
  throwsAt(() => compareOffers(calc, [{ area: 'TX', base: 90000, remote: true, employerArea: 'Gotham' }]), { code: 'unknown_area', offer: 0, field: 'employerArea', message: /Gotham/ });
  throwsAt(() => compareOffers(calc, [ok], { pricesIn: 'Atlantis' }), { code: 'unknown_area', offer: undefined, field: 'pricesIn', message: /Atlantis/ });
  throwsAt(() => compareOffers(calc, [ok], { payPeriod: 'hourly' }), { code: 'invalid_argument', offer: undefined, field: 'payPeriod', message: /weekly, biweekly, semimonthly, monthly/ });
  throwsAt(() => compareOffers(calc, [ok], { year: 1999 }), { code: 'unknown_year', offer: undefined, field: 'year', message: /1999/ });
  throwsAt(() => compareOffers(calc, [ok], { profile: { experience: 'wizard' } }), { code: 'unknown_factor', offer: undefined, field: 'profile', message: /wizard/ });
  assert.throws(() => compareOffers(calc, []), /1 to 3 offers, got 0/);
  assert.throws(() => compareOffers(calc, Array(MAX_OFFERS + 1).fill(ok)), /1 to 3 offers, got 4/);
  assert.throws(() => compareOffers(calc, 'two offers'), /must be an array/);
  assert.throws(() => compareOffers({}, [ok]), /needs a Calculator/);
  // The calculator keeps working afterwards.
  assert.equal(compareOffers(calc, [ok]).offers[0].takeHome.steadyState > 0, true);
});

test('before the extras are loaded it says so', async () => {
  const lazy = await load({ lazy: true });
  if (lazy.extrasLoaded) return; // a build that loads them at once
  throwsAt(() => compareOffers(lazy, [{ area: 'TX', base: 100000 }]), { code: 'not_loaded', offer: undefined, field: undefined, message: /loadExtras/ });
  await lazy.loadExtras();
  assert.ok(compareOffers(lazy, [{ area: 'TX', base: 100000 }]).offers[0].takeHome.steadyState > 0);
  lazy.dispose();
});

test('every paycheck period has its count from the core', () => {
  const counts = PAYCHECK_PERIODS.map((payPeriod) => compareOffers(calc, [{ area: 'TX', base: 104000 }], { payPeriod }).offers[0].paycheck);
  assert.deepEqual(counts.map((p) => p.perYear), [52, 26, 24, 12]);
  // 104,000 a year: 2,000 a week, 4,000 every two weeks, 4,333.33 twice a month, 8,666.67 a month.
  assert.deepEqual(counts.map((p) => Math.round(p.gross * 100) / 100), [2000, 4000, 4333.33, 8666.67]);
});
