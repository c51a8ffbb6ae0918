// Two or three offers side by side: total compensation, take-home after tax (a year, a paycheck),
// that take-home at one place's prices, the base's percentile for the visitor's profile and the
// DOL level where the data has one, and which offer leaves more, in words. The figures are the
// offers API's (salary-offers.mjs, bundled into this panel's chunk: nothing of it is in the
// default widget), which composes the core's own calls.
import { h, table, scroller } from '../dom.js';
import { money, percentileOrdinal } from '../format.js';
import { ratioPercent } from '../format-pay.js';
import { PAYCHECK_FIELD, PAYCHECK_WORDS } from '../paycheck.js';
import { compareOffers } from '../../salary-offers.mjs';

const KEYS = ['a', 'b', 'c'];
const label = (k) => `Offer ${k.toUpperCase()}`;
// Any US place with prices, typed with suggestions (fields.js, places.js): the nation, a state, a
// metro or nonmetro area, a city a metro is named after, or a county.
const places = (what) => ({ type: 'place', what, default: '', nation: 'United States (average)' });
// The states of the place in field `area` that one could live in: '' for its principal state, the
// others by code; a place in one state has no choice (and the panel shows none: widget.css).
const residence = (area) => ({
  type: 'choice', default: '', dependsOn: [area], what: 'the state you would live in',
  options: (L, v) => {
    const [main, ...others] = L.areaByCode.get(v[area])?.states ?? [];
    const name = (code) => L.areaByCode.get(code)?.name ?? code;
    return [{ value: '', label: main ? name(main) : 'Its state' }, ...others.map((code) => ({ value: code, label: name(code) }))];
  },
});
// Each offer's fields (named aBase, bBase, cBase…): the API's property, the field (or, for one that
// depends on the offer's other fields, its maker, given the offer's key), its words.
const PARTS = [
  ['area', 'Area', places('the place'), { label: 'Place', placeholder: 'e.g. Austin, Texas or Travis County' }],
  // In a place spanning several states, the one you would live in (taxed as its resident).
  ['residenceState', 'Residence', (k) => residence(`${k}Area`), { label: 'State you would live in' }],
  // The local income tax where one would live: its question and choices follow the offer's place.
  ['locality', 'Locality', (k, make) => make.localityField(`${k}Area`, `${k}Residence`, 'would'), {}],
  ['base', 'Base', { type: 'amount', what: 'the base salary' }, { label: 'Base salary per year (USD)', placeholder: 'e.g. 150,000' }],
  ['bonusPercent', 'Bonus', { type: 'number', max: 1000, what: 'the bonus', unit: '%' }, { label: 'Target bonus (% of base)', placeholder: 'e.g. 10' }],
  ['equityGrant', 'Equity', { type: 'amount', what: 'the equity grant' }, { label: 'Equity grant, total (USD)', placeholder: 'e.g. 100,000' }],
  ['equityVestingYears', 'Years', { type: 'number', min: 0.5, max: 10, default: 4, what: 'the vesting period', unit: 'years' }, { label: 'Vesting period (years)' }],
  ['signOnBonus', 'SignOn', { type: 'amount', what: 'the sign-on bonus' }, { label: 'Sign-on bonus (USD)', placeholder: 'e.g. 20,000' }],
  ['retirementMatchPercent', 'Match', { type: 'number', max: 100, what: 'the match', unit: '%' }, { label: 'Retirement match (% of base)', placeholder: 'e.g. 4' }],
  ['benefits', 'Benefits', { type: 'amount', what: 'the benefits' }, { label: 'Benefits per year (USD)', placeholder: 'e.g. 12,000' }],
  ['employerArea', 'Employer', places('the employer’s place'), { label: 'If remote, where the employer is', placeholder: 'e.g. New York' }],
];
// Made with fields.js's makers (Panel.fields), which this chunk does not import: they are the widget's.
const fields = (make) => {
  const all = { pricesIn: places('the prices'), paycheck: PAYCHECK_FIELD };
  for (const k of KEYS) for (const [, suffix, spec] of PARTS) all[k + suffix] = typeof spec === 'function' ? spec(k, make) : spec;
  return all;
};
// The place (the state and locality lived in) and the base are always shown; the rest are in a
// group opened on demand.
const SHOWN = PARTS.slice(0, 4), GROUPED = PARTS.slice(4);
const fieldOf = (i, property) => (property === 'retirementContribution' ? 'retirement' : KEYS[i] + (PARTS.find((p) => p[0] === property)?.[1] ?? 'Base'));

// The level a base meets and where it starts ('—' where DOL sets none: a state, the nation).
const ROMAN = ['I', 'II', 'III', 'IV'];
const levelWords = (w) => (!w ? '—' : w.levelMet ? `Level ${ROMAN[w.levelMet - 1]} (from ${money(w.levels[w.levelMet - 1].annual)})`
  : `below Level I (${money(w.levels[0].annual)})`);

/** The offers entered: those with a place and a base, as the API takes them. */
function offersOf(v) {
  const offers = [], waiting = [];
  KEYS.forEach((k, i) => {
    const o = { label: label(k) };
    for (const [property, suffix] of PARTS) if (v[k + suffix] !== null && v[k + suffix] !== undefined && v[k + suffix] !== '') o[property] = v[k + suffix];
    if (o.employerArea) o.remote = true;
    if (o.area && o.base) offers.push({ offer: o, index: i });
    else if (o.area || o.base) waiting.push(`${o.label} needs ${o.area ? 'a base salary' : 'a place'} to be compared.`);
  });
  return { offers, waiting };
}

export default {
  event: 'offers',
  profile: true,
  fields,

  controls: ({ field, values = {} }) => [
    h('div', { class: 'grid' }, KEYS.map((k) => h('fieldset', { class: 'set', 'data-offer': k }, [
      h('legend', {}, label(k)),
      SHOWN.map(([, suffix, , words]) => field(k + suffix, words)),
      h('details', { part: 'details', open: GROUPED.some(([, s]) => values[k + s] && s !== 'Years') }, [
        h('summary', {}, 'Bonus, equity, benefits, remote'),
        GROUPED.map(([, suffix, , words]) => field(k + suffix, words)),
      ]),
    ]))),
    field('pricesIn', { label: 'Compare at the prices of', placeholder: 'Automatic: the first offer’s place' }),
  ],

  compute(ctx) {
    const v = ctx.v;
    const { offers, waiting } = offersOf(v);
    if (!offers.length) return { result: null, waiting };
    const profile = { ...ctx.profile };
    delete profile.area; // each offer's own place instead of the form's
    try {
      const result = compareOffers(ctx.calc, offers.map((o) => o.offer), {
        profile, pricesIn: v.pricesIn || undefined, year: v.taxYear === null ? undefined : Number(v.taxYear),
        filingStatus: v.filingStatus, retirementContribution: v.retirement ?? 0, payPeriod: v.paycheck ?? PAYCHECK_FIELD.default,
      });
      return { result, waiting };
    } catch (e) {
      if (e.offer === undefined) throw e;
      const o = offers[e.offer];
      const words = e.code === 'exceeds_salary' ? `That is more than ${o.offer.label}’s base salary (${money(o.offer.base)} a year).` : e.message;
      throw ctx.fieldError(fieldOf(o.index, e.field), words);
    }
  },

  render({ result: r, waiting }, ctx) {
    const notes = waiting.map((w) => h('p', { class: 'note' }, w));
    if (!r) {
      return [h('p', { class: 'lead' }, 'Enter a place and a base salary for two or three offers to see which leaves you more after tax and prices.'), notes];
    }
    const [main, ...others] = r.differences;
    const wageYear = r.offers.find((o) => o.prevailingWage)?.prevailingWage.wageYear;
    const every = PAYCHECK_WORDS[r.payPeriod];
    const cells = (value, best) => r.offers.map((o, i) => {
      const text = value(o);
      return i === best && r.offers.length > 1 ? { content: h('strong', {}, text), attrs: { 'data-best': '' } } : text;
    });
    const row = (id, what, sources, value, best, attrs = {}) => ({
      attrs: { 'data-row': id, ...attrs }, cells: [[what, sources?.length ? [' ', ctx.cite(sources)] : null], ...cells(value, best)],
    });
    const taxSources = [...new Set(r.offers.flatMap((o) => o.takeHome.result.lines.map((l) => l.source)).filter(Boolean))];
    const priceSources = [...new Set(r.offers.flatMap((o) => [o.buyingPower.result.from.source, o.buyingPower.result.to.source]))];
    const percentileSources = [...new Set(r.offers.flatMap((o) => o.percentile?.sources ?? []))];
    const rows = [
      row('place', 'Place', null, (o) => {
        const lived = [o.offer.residenceState && ctx.L.areaByCode.get(o.place.state)?.name, o.place.localityName].filter(Boolean).join(', ');
        return `${o.place.name}${lived ? `, living in ${lived}` : ''}${o.offer.remote ? ' (remote)' : ''}`;
      }),
      row('total', 'Total compensation a year', null, (o) => money(o.totalComp.steadyState), r.best.totalComp),
      r.offers.some((o) => o.offer.signOnBonus) ? row('total-first', 'Total compensation, first year (with sign-on)', null, (o) => money(o.totalComp.firstYear)) : null,
      row('take-home', 'Take-home pay a year, after tax', taxSources, (o) => money(o.takeHome.steadyState), r.best.afterTax),
      row('paycheck', `A paycheck after tax (base salary, ${every})`, taxSources, (o) => money(o.paycheck.net), r.best.paycheck),
      row('buying-power', `Take-home at ${r.pricesIn.name} prices`, priceSources, (o) => money(o.buyingPower.steadyState), r.best.afterTaxAndPrices, { class: 'current' }),
      r.offers.some((o) => o.offer.signOnBonus) ? row('buying-power-first', 'The same, first year', priceSources, (o) => money(o.buyingPower.firstYear), r.best.firstYear) : null,
      row('prices', 'Price level (US = 100)', priceSources, (o) => `${o.buyingPower.result.from.rpp.toFixed(1)} (${o.buyingPower.result.from.year})`),
      row('percentile', 'Base salary among people with your profile there', percentileSources,
        (o) => (o.percentile ? percentileOrdinal(o.percentile.inProfile) : 'no wage data')),
      row('level', `DOL prevailing wage level met (H-1B, PERM${wageYear ? `; ${wageYear}` : ''})`, r.offers.map((o) => o.prevailingWage?.source).filter(Boolean),
        (o) => levelWords(o.prevailingWage)),
      r.offers.some((o) => o.employerPercentile) ? row('employer', 'Remote: base salary among people with your profile where the employer is', null,
        (o) => (o.employerPercentile ? `${percentileOrdinal(o.employerPercentile.inProfile)} (${o.employerPercentile.areaName})` : '—')) : null,
    ].filter(Boolean);
    // How each place's prices compare with those the take-homes are given in (BEA RPPs, as in the table).
    const prices = r.offers.map((o) => ({ label: o.label, name: o.place.name, diff: o.buyingPower.result.from.rpp / r.pricesIn.rpp - 1 }))
      .filter((p) => Math.abs(p.diff) >= 0.005);
    return [
      main ? h('p', { class: 'lead', 'data-result': 'offers' }, h('strong', {}, main.text)) : h('p', { class: 'lead' }, 'Add a second offer to compare the two.'),
      others.length ? h('ul', { 'data-result': 'offer-differences' }, others.map((d) => h('li', { 'data-kind': d.kind }, d.text))) : null,
      notes,
      scroller('The offers side by side', table({
        caption: `The offers side by side (tax year ${r.year}, ${r.filingStatus.replace(/_/g, ' ')} filer${ctx.v.retirement ? `, ${money(ctx.v.retirement)} to a pre-tax 401(k)` : ''})`,
        head: ['Figure', ...r.offers.map((o) => o.label)],
        rows,
        className: 'lines offers-table',
      })),
      prices.length ? h('p', { class: 'note' }, `Prices in ${prices.map((p) => `${p.name} (${p.label}) are about ${ratioPercent(Math.abs(p.diff))} ${p.diff < 0 ? 'lower' : 'higher'}`).join(', in ')} than in ${r.pricesIn.name}.`) : null,
      h('ul', { class: 'notes' }, r.notes.map((n) => h('li', {}, n))),
    ];
  },
};
