// Deciding between job offers: two or three offers side by side — total compensation, take-home
// pay after tax (a year and per paycheck), that take-home at one place's prices, the base salary's
// percentile for a profile, the DOL prevailing wage level it meets where the data has one — and
// their differences in words. Every figure is a core call of the Calculator (salary-core.mjs):
// this module only chooses the calls and combines their results (sums, differences, a ranking).
// It is a module of its own, imported on demand: it adds nothing to the widget's default bundle or
// to the default wasm. Types and documentation: salary-offers.d.ts.
import { SalaryError, DEFAULTS } from './salary-core.mjs';

/** The most offers one comparison takes. */
export const MAX_OFFERS = 3;
/** The pay periods a paycheck can be given for. */
export const PAYCHECK_PERIODS = Object.freeze(['weekly', 'biweekly', 'semimonthly', 'monthly']);
/** "every two weeks": how each period is said in the differences. */
export const PERIOD_WORDS = Object.freeze({ weekly: 'a week', biweekly: 'every two weeks', semimonthly: 'twice a month', monthly: 'a month' });

const OFFER_KEYS = ['label', 'area', 'residenceState', 'locality', 'base', 'bonusPercent', 'equityGrant', 'equityVestingYears', 'equityAnnual',
  'signOnBonus', 'retirementMatchPercent', 'benefits', 'remote', 'employerArea', 'retirementContribution'];
const COMP_PARTS = ['bonusPercent', 'equityGrant', 'equityVestingYears', 'equityAnnual', 'benefits', 'retirementMatchPercent'];
const OPTION_KEYS = ['profile', 'pricesIn', 'year', 'filingStatus', 'retirementContribution', 'payPeriod'];
// A difference smaller than this (USD a year; a paycheck's: this ÷ its periods) is "about the same".
const ABOUT_THE_SAME = 100;

const NOTES = {
  equity: 'Equity is counted at its grant value spread over its vesting years, and taxed as wages when it vests, as restricted stock units are; stock options are taxed differently, and a share price may change.',
  paycheck: 'A paycheck is the base salary’s share of the year with its taxes, as if the base were the year’s only pay; a bonus, equity and a sign-on bonus are paid, and withheld, separately.',
  prices: 'At one place’s prices: each offer’s take-home × the price level there ÷ the price level of the offer’s own place (BEA Regional Price Parities, US = 100).',
  remote: 'A remote offer is taxed and priced where you would live (its place). The state an employer is in may tax a remote employee’s wages too; that is not modelled.',
};

// A Calculator from another copy of salary-core.mjs (the same package reached by another path)
// throws that copy's SalaryError class: recognized by its name too.
const isSalaryError = (e) => e instanceof SalaryError || e?.name === 'SalaryError';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
/** A difference as said in words: to $100 from $1,000 up, else to $10. */
const roughly = (v) => usd.format(Math.abs(v) >= 1000 ? Math.round(v / 100) * 100 : Math.round(v / 10) * 10);
const describe = (v) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'number' ? String(v) : typeof v);

/**
 * An error about one offer's property: the message names both ("offers[1].base must be…", from
 * the core's "base must be…"); `offer` and `field` say which.
 */
function offerError(index, field, code, message) {
  const text = message.startsWith(`${field} `) ? `offers[${index}].${message}` : `offers[${index}].${field}: ${message}`;
  return Object.assign(new SalaryError(code, text), { offer: index, field });
}

/**
 * Runs a core call for one offer's `field` (or field(error)), naming the offer and the field in any
 * SalaryError it throws.
 */
function forOffer(index, field, call) {
  try {
    return call();
  } catch (e) {
    if (!isSalaryError(e) || e.offer !== undefined) throw e;
    // The take-home's own checks concern the contributions and the locality, not the place.
    const at = { exceeds_salary: 'retirementContribution', over_limit: 'retirementContribution', unknown_locality: 'locality' }[e.code]
      || (typeof field === 'function' ? field(e) : field);
    throw offerError(index, at, e.code, e.message);
  }
}

function forOption(field, call) {
  try {
    return call();
  } catch (e) {
    if (isSalaryError(e) && e.field === undefined) e.field = field;
    throw e;
  }
}

/** `value` as an object with only `known` keys; `at` (an offer's index) goes on the error. */
function objectOf(name, value, known, at = {}) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw Object.assign(new SalaryError('invalid_argument', `${name} must be an object, got ${describe(value)}`), at);
  }
  const unknown = Object.keys(value).find((k) => !known.includes(k));
  if (unknown) {
    throw Object.assign(new SalaryError('invalid_argument', `${name}.${unknown} is not one of its properties (${known.join(', ')})`), at, { field: unknown });
  }
  return value;
}

/** Checks what the core does not: the offer's shape, its place and base, the sign-on bonus. */
function checkOffer(offer, i) {
  const o = objectOf(`offers[${i}]`, offer, OFFER_KEYS, { offer: i });
  if (o.area === undefined || o.area === null || o.area === '') {
    throw offerError(i, 'area', 'missing_argument', 'say where the job is: a state code such as "TX", a metro CBSA code such as "42660", or "US"');
  }
  if (typeof o.area !== 'string') throw offerError(i, 'area', 'invalid_argument', `area must be a place code, got ${describe(o.area)}`);
  if (o.base === undefined || o.base === null) throw offerError(i, 'base', 'missing_argument', 'enter the base salary (USD a year)');
  for (const [key, least] of [['base', 1], ['signOnBonus', 0]]) {
    const v = o[key];
    if (v === undefined && key !== 'base') continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw offerError(i, key, 'invalid_number', `${key} must be a finite number, got ${describe(v)}`);
    if (v < least || v > 1e9) throw offerError(i, key, 'invalid_number', `${key} must be ${least ? 'more than 0' : 'at least 0'} and at most 1000000000, got ${v}`);
  }
  for (const key of ['label', 'residenceState', 'locality', 'employerArea']) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') throw offerError(i, key, 'invalid_argument', `${key} must be a string, got ${describe(o[key])}`);
  }
  if (typeof o.label === 'string' && o.label.length > 100) throw offerError(i, 'label', 'invalid_argument', `label is too long (${o.label.length} characters; at most 100)`);
  if (o.remote !== undefined && typeof o.remote !== 'boolean') throw offerError(i, 'remote', 'invalid_argument', `remote must be true or false, got ${describe(o.remote)}`);
  return o;
}

/**
 * The percentile of an offer's base for the profile in `area` (calc.estimate with the offer), or
 * null with the reason in `notes` where the data has no wages for the place or occupation.
 */
function percentileFor(calc, profile, area, base, i, label, notes) {
  let e;
  try {
    e = calc.estimate({ ...profile, area, offer: base });
  } catch (err) {
    if (isSalaryError(err) && (err.code === 'no_data' || err.code === 'range_only')) {
      notes.push(`${label}: no percentile (${err.message}).`);
      return null;
    }
    throw isSalaryError(err) ? offerError(i, 'area', err.code, err.message) : err;
  }
  const sources = [...e.base.sources, ...e.factors.filter((f) => f.applied).map((f) => f.source)];
  return {
    area: e.base.area, areaName: e.base.areaName, inProfile: e.offer.percentileInProfile, inArea: e.offer.percentileInArea,
    low: e.low, typical: e.typical, high: e.high, sources: [...new Set(sources)],
  };
}

/**
 * The DOL prevailing wage level (H-1B, PERM) an offer's base meets in its place: DOL sets levels per
 * metro or nonmetro area, so a state or the nation has none (a note says so), as has an occupation
 * its table lacks.
 */
function prevailingWageFor(calc, occupation, area, base, label, notes) {
  try {
    const w = calc.prevailingWage({ occupation, area, salary: base });
    return { levelMet: w.levelMet, levels: w.levels, source: w.source, wageYear: w.wageYear, area: w.area, areaName: w.areaName };
  } catch (e) {
    if (!isSalaryError(e) || e.code !== 'no_data') throw e;
    notes.push(`${label}: no prevailing wage level (${e.message}).`);
    return null;
  }
}

function compareOne(calc, o, i, settings) {
  const { profile, pricesIn, year, filingStatus, payPeriod } = settings;
  const label = o.label || `Offer ${'ABC'[i]}`;
  const notes = [];
  const taxed = { area: o.area, year, filingStatus, locality: o.locality || '', residenceState: o.residenceState || undefined };
  // The place (and the state and locality lived in) first: a bad one is the news, whatever else is wrong.
  forOffer(i, (e) => (e.message.startsWith('residenceState') ? 'residenceState' : 'area'), () => calc.takeHome({ ...taxed, salary: 1 }));
  const parts = { base: o.base };
  for (const k of COMP_PARTS) if (o[k] !== undefined) parts[k] = o[k];
  // The core's message starts with the part it refuses ("bonusPercent must be at least 0…").
  const comp = forOffer(i, (e) => COMP_PARTS.find((k) => e.message.startsWith(`${k} `)) || 'base', () => calc.totalComp(parts));
  const signOnBonus = o.signOnBonus ?? 0;
  // Taxed as wages: the base, the bonus and the equity vesting in the year (and the sign-on bonus
  // in the first); the employer's match and benefits are not wages.
  const wages = comp.base + comp.bonus + comp.equity;
  const retirementContribution = o.retirementContribution ?? settings.retirementContribution;
  const takeHome = (salary) => forOffer(i, 'area', () => calc.takeHome({ ...taxed, salary, retirementContribution }));
  const steady = takeHome(wages);
  const first = signOnBonus ? takeHome(wages + signOnBonus) : steady;
  const paycheckYear = takeHome(comp.base);
  const inPrices = (net) => forOffer(i, 'area', () => calc.costOfLiving(net, o.area, pricesIn));
  const prices = inPrices(steady.net);
  const firstPrices = signOnBonus ? inPrices(first.net) : prices;
  const perPeriod = (annual) => calc.convert(annual, 'annual', payPeriod).value;
  const percentile = percentileFor(calc, profile, o.area, o.base, i, label, notes);
  let employer = null;
  if (o.remote && o.employerArea) {
    forOffer(i, 'employerArea', () => calc.costOfLiving(1, o.employerArea, o.employerArea)); // a known place
    employer = percentileFor(calc, profile, o.employerArea, o.base, i, `${label} (the employer’s place)`, notes);
  }
  const prevailingWage = prevailingWageFor(calc, profile.occupation ?? DEFAULTS.occupation, o.area, o.base, label, notes);
  const sources = [
    ...steady.lines.map((l) => l.source), prices.from.source, prices.to.source,
    ...(percentile?.sources || []), prevailingWage?.source,
  ];
  return {
    label,
    offer: { ...o, label, signOnBonus, remote: Boolean(o.remote) },
    place: { area: prices.from.area, name: prices.from.name, state: steady.state, locality: steady.locality, localityName: steady.localityName },
    totalComp: { steadyState: comp.total, firstYear: comp.total + signOnBonus, signOnBonus, parts: comp },
    wages: { steadyState: wages, firstYear: wages + signOnBonus },
    takeHome: { steadyState: steady.net, firstYear: first.net, result: steady, firstYearResult: first },
    paycheck: {
      period: payPeriod, perYear: calc.convert(1, payPeriod, 'annual').value,
      gross: perPeriod(comp.base), net: perPeriod(paycheckYear.net), result: paycheckYear,
    },
    buyingPower: { pricesIn: prices.to.area, ratio: prices.ratio, steadyState: prices.equivalent, firstYear: firstPrices.equivalent, result: prices },
    percentile, employerPercentile: employer, prevailingWage, notes, sources: [...new Set(sources.filter(Boolean))],
  };
}

/** The offer whose `value` is largest (the first of equals). */
const bestOf = (offers, value) => offers.reduce((best, c, i) => (value(c) > value(offers[best]) ? i : best), 0);

/**
 * One difference in words: the best offer by `value` against each other one. `say(best, amounts)`
 * words it when the amounts are not all about the same; `same` words it when they are.
 */
function difference(kind, offers, value, { threshold = ABOUT_THE_SAME, say, same, whose = (label) => label }) {
  const best = bestOf(offers, value);
  const amounts = offers.map((c) => value(offers[best]) - value(c));
  const others = offers.map((c, i) => ({ label: c.label, amount: amounts[i], i })).filter((x) => x.i !== best);
  const clear = others.filter((x) => x.amount >= threshold);
  const tied = others.filter((x) => x.amount < threshold);
  let text;
  if (!clear.length) text = same(offers.map((c) => c.label));
  else {
    const money = clear.map((x, k) => `${roughly(x.amount)}${k ? '' : say.unit} more than ${whose(x.label)}`);
    text = say.lead(offers[best].label, money.join(' and '));
    if (tied.length) text += ` (${tied.map((x) => x.label).join(' and ')} about the same)`;
    text += '.';
  }
  return { kind, best, amounts, aboutTheSame: !clear.length, text };
}

const names = (labels) => (labels.length === 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`);

function differences(offers, pricesName, payPeriod) {
  if (offers.length < 2) return [];
  const perPeriod = offers[0].paycheck.perYear;
  const out = [
    difference('afterTaxAndPrices', offers, (c) => c.buyingPower.steadyState, {
      say: { unit: ' a year', lead: (b, m) => `${b} leaves you ${m} after tax and prices (at ${pricesName} prices)` },
      same: (l) => `${names(l)} leave you about the same after tax and prices (within ${usd.format(ABOUT_THE_SAME)} a year at ${pricesName} prices).`,
    }),
    difference('afterTax', offers, (c) => c.takeHome.steadyState, {
      say: { unit: ' a year', lead: (b, m) => `Before prices, ${b} takes home ${m} after tax` },
      same: (l) => `Before prices, ${names(l)} take home about the same after tax.`,
    }),
    difference('totalComp', offers, (c) => c.totalComp.steadyState, {
      say: { unit: ' a year', lead: (b, m) => `${b} pays ${m} in total compensation (base, bonus, equity, match and benefits)` },
      same: (l) => `${names(l)} pay about the same in total compensation.`,
    }),
  ];
  if (offers.some((c) => c.offer.signOnBonus > 0)) {
    out.push(difference('firstYear', offers, (c) => c.buyingPower.firstYear, {
      say: { unit: '', lead: (b, m) => `In the first year, with the sign-on bonus${offers.filter((c) => c.offer.signOnBonus > 0).length > 1 ? 'es' : ''}, ${b} leaves you ${m} after tax and prices` },
      same: (l) => `In the first year, with sign-on bonuses, ${names(l)} leave you about the same after tax and prices.`,
    }));
  }
  out.push(difference('paycheck', offers, (c) => c.paycheck.net, {
    threshold: ABOUT_THE_SAME / perPeriod, whose: (label) => `${label}’s`,
    say: { unit: '', lead: (b, m) => `${b}’s paycheck is ${m} ${PERIOD_WORDS[payPeriod]} after tax` },
    same: (l) => `The paychecks of ${names(l)} are about the same after tax.`,
  }));
  return out;
}

/**
 * Compares offers (1 to MAX_OFFERS) with the Calculator `calc` (its extras loaded). Throws a
 * SalaryError naming the offer and property at fault (`offer`, `field` on the error).
 */
export function compareOffers(calc, offers, options = {}) {
  if (!calc || typeof calc.takeHome !== 'function') throw new SalaryError('invalid_argument', 'compareOffers needs a Calculator from load()');
  if (!Array.isArray(offers)) throw new SalaryError('invalid_argument', `offers must be an array of offers, got ${describe(offers)}`);
  if (offers.length < 1 || offers.length > MAX_OFFERS) {
    throw new SalaryError('invalid_argument', `offers must hold 1 to ${MAX_OFFERS} offers, got ${offers.length}`);
  }
  const opts = objectOf('options', options ?? {}, OPTION_KEYS);
  const checked = offers.map(checkOffer);
  const profile = { ...objectOf('options.profile', opts.profile ?? {}, ['occupation', 'experience', 'specialization', 'companyType', 'skills', 'technologies', 'certifications']) };
  const payPeriod = opts.payPeriod ?? 'biweekly';
  if (!PAYCHECK_PERIODS.includes(payPeriod)) {
    throw Object.assign(new SalaryError('invalid_argument', `options.payPeriod must be one of ${PAYCHECK_PERIODS.join(', ')}, got ${describe(payPeriod)}`), { field: 'payPeriod' });
  }
  if (!calc.extrasLoaded) throw new SalaryError('not_loaded', 'compareOffers needs the tax tables and price levels: await calculator.loadExtras() first');
  const filingStatus = opts.filingStatus ?? DEFAULTS.filingStatus;
  if (!calc.filingStatuses().includes(filingStatus)) {
    throw Object.assign(new SalaryError('invalid_argument', `options.filingStatus must be one of ${calc.filingStatuses().join(', ')}, got ${describe(filingStatus)}`), { field: 'filingStatus' });
  }
  if (opts.year !== undefined && !calc.taxYears().includes(opts.year)) {
    throw Object.assign(new SalaryError('unknown_year', `options.year: no tax tables for ${describe(opts.year)} (the years: ${calc.taxYears().join(', ')})`), { field: 'year' });
  }
  forOption('profile', () => calc.estimate({ ...profile, area: DEFAULTS.area })); // the profile's ids are known
  // The place whose prices every take-home is given in: the first offer's unless chosen.
  const pricesIn = opts.pricesIn ?? checked[0].area;
  if (opts.pricesIn !== undefined) forOption('pricesIn', () => calc.costOfLiving(1, pricesIn, pricesIn));
  const settings = {
    profile, pricesIn, payPeriod, year: opts.year, filingStatus,
    retirementContribution: opts.retirementContribution,
  };
  const compared = checked.map((o, i) => compareOne(calc, o, i, settings));
  const price = compared[0].buyingPower.result.to;
  const notes = [NOTES.prices, NOTES.paycheck];
  if (compared.some((c) => c.totalComp.parts.equity > 0)) notes.push(NOTES.equity);
  if (compared.some((c) => c.offer.remote)) notes.push(NOTES.remote);
  for (const c of compared) notes.push(...c.notes, ...c.takeHome.result.notes);
  const first = compared[0].takeHome.result;
  return {
    offers: compared,
    pricesIn: { area: price.area, name: price.name, rpp: price.rpp, year: price.year, source: price.source },
    year: first.year, filingStatus: first.filingStatus, payPeriod,
    best: compared.length ? {
      afterTaxAndPrices: bestOf(compared, (c) => c.buyingPower.steadyState), afterTax: bestOf(compared, (c) => c.takeHome.steadyState),
      totalComp: bestOf(compared, (c) => c.totalComp.steadyState), firstYear: bestOf(compared, (c) => c.buyingPower.firstYear),
      paycheck: bestOf(compared, (c) => c.paycheck.net),
    } : null,
    differences: differences(compared, price.name, payPeriod),
    notes: [...new Set(notes)],
    sources: [...new Set(compared.flatMap((c) => c.sources))],
  };
}
