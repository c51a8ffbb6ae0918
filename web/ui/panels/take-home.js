// Take-home pay after federal, payroll and state income tax, line by line.
import { h, table, scroller } from '../dom.js';
import { money, ratioPercent, payNote } from '../format.js';

const FILING_LABELS = { single: 'Single', joint: 'Married, filing jointly', separate: 'Married, filing separately', head_of_household: 'Head of household' };

export default {
  event: 'takeHome',
  extras: true,

  controls: (ctx) => [h('div', { class: 'grid' }, [
    ctx.field('filingStatus', { label: 'Filing status', optionLabels: FILING_LABELS }), ctx.field('taxYear', { label: 'Tax year' }),
    ctx.field('retirement', { label: 'Your pre-tax 401(k) per year (USD)', placeholder: 'e.g. 10,000' }),
  ])],

  compute(ctx) {
    const v = ctx.v;
    try {
      return ctx.calc.takeHome({
        salary: ctx.pay, area: ctx.where.area, year: Number(v.taxYear), filingStatus: v.filingStatus,
        retirementContribution: v.retirement ?? 0,
      });
    } catch (e) { // the API's rule, worded for the field it concerns
      throw e.code === 'exceeds_salary' ? ctx.fieldError('retirement', `That is more than the pay it comes out of (${money(ctx.pay)} a year).`) : e;
    }
  },

  render(t, ctx) {
    const stateName = ctx.L.areaByCode.get(t.state)?.name;
    const lines = t.lines.filter((l) => l.amount !== 0 || /state_income_tax/.test(l.id));
    const row = (label, amount, source, attrs) => ({ attrs, cells: [[label, source ? [' ', ctx.cite([source])] : null], money(amount), money(amount / 12)] });
    return [
      payNote(ctx) && h('p', { class: 'note' }, payNote(ctx)),
      h('p', { class: 'lead', 'data-result': 'take-home' }, [
        'Take-home pay: ', h('strong', {}, `${money(t.net)} a year`), ` (${money(t.net / 12)} a month), `,
        `an effective tax rate of ${ratioPercent(t.effectiveRate)}.`]),
      h('p', {}, `Marginal rates: federal ${ratioPercent(t.federalMarginalRate)}`
        + `${stateName ? `, ${stateName} ${ratioPercent(t.stateMarginalRate)}` : ''}. Tax year ${t.year}.`),
      scroller('Take-home pay, line by line', table({
        caption: 'Take-home pay, line by line',
        head: ['Item and source', 'Per year', 'Per month'],
        rows: [
          row('Gross pay', t.gross, null, { 'data-line': 'gross' }),
          ...lines.map((l) => row(`− ${l.label}`, l.amount, l.source, { 'data-line': l.id })),
          row('Take-home pay', t.net, null, { class: 'total', 'data-line': 'net' }),
        ],
        className: 'lines',
      })),
      t.notes.length ? h('ul', { class: 'notes' }, t.notes.map((n) => h('li', {}, n))) : null,
    ];
  },
};
