// Take-home pay after federal, payroll, state and local taxes and the pre-tax contributions, line
// by line (a year, a month and a paycheck of the period chosen), with the rules inside the state
// and local income taxes and the contribution limits.
import { h, table, scroller } from '../dom.js';
import { money } from '../format.js';
import { ratioPercent, payNote } from '../format-pay.js';
import { PAYCHECK_FIELD, PAYCHECK_WORDS } from '../paycheck.js';

// An error of the API, as a message next to the field it concerns.
function fieldOf(e, ctx) {
  const pay = money(ctx.pay);
  if (e.code === 'exceeds_salary') {
    return ctx.fieldError('retirement', ctx.v.hsa || ctx.v.fsa
      ? `Your pre-tax contributions together are more than the pay they come out of (${pay} a year).`
      : `That is more than the pay it comes out of (${pay} a year).`);
  }
  if (e.code === 'over_limit') return ctx.fieldError(/^The HSA/.test(e.message) ? 'hsa' : /FSA/.test(e.message) ? 'fsa' : 'retirement', e.message);
  if (e.code === 'unknown_locality') return ctx.fieldError('locality', e.message);
  return e;
}

// What each kind of rule does with its amount (TaxDetail.kind).
const DETAIL_KINDS = {
  deduction: 'off the taxable income', income_addition: 'added to the taxable income',
  credit: 'off the tax', addition: 'added to the tax', recapture: 'added to the tax',
};

const FILING_LABELS = { single: 'Single', joint: 'Married, filing jointly', separate: 'Married, filing separately', head_of_household: 'Head of household' };

export default {
  event: 'takeHome',
  fields: { paycheck: PAYCHECK_FIELD },

  controls: (ctx) => [
    h('div', { class: 'grid' }, [
      ctx.field('filingStatus', { label: 'Filing status', optionLabels: FILING_LABELS }), ctx.field('taxYear', { label: 'Tax year' }),
      ctx.field('residence', { label: 'State you live in (a place spanning several states)' }),
      ctx.field('locality'), // its question follows the place (fields.js)
      ctx.field('paycheck', { label: 'Paycheck' }),
    ]),
    h('div', { class: 'grid' }, [
      ctx.field('retirement', { label: 'Your pre-tax 401(k) per year (USD)', placeholder: 'e.g. 10,000' }),
      ctx.field('age', { label: 'Your age at the end of the year', placeholder: 'for catch-up limits' }),
      ctx.field('hsa', { label: 'HSA contribution per year (USD)', placeholder: 'e.g. 4,400' }),
      ctx.field('hsaCoverage', { label: 'HSA coverage', optionLabels: { self: 'Self-only', family: 'Family' } }),
      ctx.field('fsa', { label: 'Health FSA per year (USD)', placeholder: 'e.g. 3,400' }),
    ]),
  ],

  compute(ctx) {
    const v = ctx.v;
    // A metro spanning several states is taxed where the visitor lives, when that is one of them.
    const lived = ctx.L.livedIn(ctx.where.area, v.residence);
    const residenceState = lived === ctx.where.area ? undefined : lived;
    let t;
    try {
      t = ctx.calc.takeHome({
        salary: ctx.pay, area: ctx.where.area, year: Number(v.taxYear), filingStatus: v.filingStatus, locality: v.locality || '',
        retirementContribution: v.retirement ?? 0, age: v.age === null || v.age === undefined ? undefined : Math.floor(v.age),
        hsa: v.hsa ?? 0, hsaCoverage: v.hsaCoverage, fsa: v.fsa ?? 0, residenceState,
      });
    } catch (e) {
      throw fieldOf(e, ctx);
    }
    // A paycheck: the year's figures spread evenly over its periods (calc.convert: ÷ 52, 26, 24, 12).
    const period = v.paycheck ?? PAYCHECK_FIELD.default;
    const perPeriod = (annual) => ctx.calc.convert(annual, 'annual', period).value;
    return { ...t, paycheck: { period, perYear: ctx.calc.convert(1, period, 'annual').value, gross: perPeriod(t.gross), net: perPeriod(t.net), lines: t.lines.map((l) => perPeriod(l.amount)) } };
  },

  render(t, ctx) {
    const stateName = ctx.L.areaByCode.get(t.state)?.name;
    const pay = t.paycheck, every = PAYCHECK_WORDS[pay.period];
    const monthly = pay.period === 'monthly'; // the month's column is the paycheck's
    const lines = t.lines.map((l, i) => ({ ...l, paycheck: pay.lines[i] })).filter((l) => l.amount !== 0 || /state_income_tax/.test(l.id));
    const row = (label, amount, paycheck, source, attrs) => ({
      attrs, cells: [[label, source ? [' ', ctx.cite([source])] : null], money(amount), monthly ? null : money(amount / 12), money(paycheck)].filter((c) => c !== null),
    });
    const c = t.caps;
    const cap = (what, amount, source) => amount !== null && [`${what} ${money(amount)}`, source ? [' ', ctx.cite([source])] : null];
    const caps = [cap('401(k)', c.retirement, c.retirementSource), cap(`HSA (${ctx.v.hsaCoverage === 'family' ? 'family' : 'self-only'})`, c.hsa, c.hsaSource),
      cap('health FSA', c.fsa, c.fsaSource)].filter(Boolean);
    return [
      payNote(ctx) && h('p', { class: 'note' }, payNote(ctx)),
      h('p', { class: 'lead', 'data-result': 'take-home' }, [
        'Take-home pay: ', h('strong', {}, `${money(t.net)} a year`), monthly ? '' : ` (${money(t.net / 12)} a month)`,
        ', a paycheck of ', h('strong', { 'data-result': 'paycheck' }, `${money(pay.net)} ${every}`), `, an effective tax rate of ${ratioPercent(t.effectiveRate)}.`]),
      h('p', {}, `Marginal rates: federal ${ratioPercent(t.federalMarginalRate)}`
        + `${stateName ? `, ${stateName} ${ratioPercent(t.stateMarginalRate)}` : ''}. Tax year ${t.year}`
        + `${t.localityName ? `, a resident of ${t.localityName}` : ''}.`),
      scroller('Take-home pay, line by line', table({
        caption: 'Take-home pay, line by line',
        head: ['Item and source', 'Per year', monthly ? null : 'Per month', `Per paycheck (${every})`].filter(Boolean),
        rows: [
          row('Gross pay', t.gross, pay.gross, null, { 'data-line': 'gross' }),
          ...lines.map((l) => row(`− ${l.label}`, l.amount, l.paycheck, l.source, { 'data-line': l.id, 'data-kind': l.kind })),
          row('Take-home pay', t.net, pay.net, null, { class: 'total', 'data-line': 'net' }),
        ],
        className: 'lines',
      })),
      h('p', { class: 'note' }, `A paycheck here is the year spread evenly over ${pay.perYear} paychecks; a pay stub's withholding follows the IRS tables and your W-4, so it can differ by a few dollars, and a bonus is withheld separately.`),
      t.details.length ? h('details', { class: 'tax-details' }, [
        h('summary', {}, 'How the state and local income taxes were worked out'),
        h('ul', {}, t.details.map((d) => h('li', { 'data-detail': d.id }, [
          `${d.label}: ${money(d.amount)} ${DETAIL_KINDS[d.kind] ?? ''}`, ' ', ctx.cite([d.source])]))),
      ]) : null,
      caps.length ? h('p', { class: 'note', 'data-caps': '' }, [`Your ${t.year} limits: `, ...caps.flatMap((x, i) => (i ? ['; ', x] : [x])), '.']) : null,
      t.notes.length ? h('ul', { class: 'notes' }, t.notes.map((n) => h('li', {}, n))) : null,
    ];
  },
};
