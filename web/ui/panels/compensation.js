// Total compensation: base, bonus, equity, benefits and retirement match, with the published norms
// for each as a guide.
import { h, table, scroller } from '../dom.js';
import { money } from '../format.js';
import { ratioPercent, payNote } from '../format-pay.js';

const PERCENT_NORMS = new Set(['bonus_percent', 'equity_percent', 'retirement_match_percent']);
const FIELDS = {
  bonusPercent: { label: 'Target bonus (% of base)', placeholder: 'e.g. 10' },
  equityGrant: { label: 'Equity grant, total (USD)', placeholder: 'e.g. 100,000' },
  equityYears: { label: 'Vesting period (years)' },
  benefits: { label: 'Benefits per year (USD)', placeholder: 'e.g. 15,000' },
  matchPercent: { label: 'Retirement match (% of base)', placeholder: 'e.g. 4' },
};

export default {
  event: 'compensation',

  controls: (ctx) => [h('div', { class: 'grid' }, Object.entries(FIELDS).map(([name, words]) => ctx.field(name, words)))],

  compute(ctx) {
    const v = ctx.v;
    const parts = { base: ctx.pay };
    if (v.bonusPercent !== null) parts.bonusPercent = v.bonusPercent;
    if (v.equityGrant !== null) parts.equityGrant = v.equityGrant;
    if (v.equityYears !== null) parts.equityVestingYears = v.equityYears;
    if (v.benefits !== null) parts.benefits = v.benefits;
    if (v.matchPercent !== null) parts.retirementMatchPercent = v.matchPercent;
    const total = ctx.calc.totalComp(parts);
    const norms = ctx.L.norms.filter((n) => n.appliesTo === 'any' || n.appliesTo === ctx.profile.companyType);
    return { ...total, norms };
  },

  render(t, ctx) {
    return [
      payNote(ctx) && h('p', { class: 'note' }, payNote(ctx)),
      h('p', { class: 'lead', 'data-result': 'total-comp' }, ['Total compensation: ', h('strong', {}, money(t.total)), ' a year.']),
      scroller('Total compensation per year', table({
        caption: 'Total compensation per year',
        head: ['Part', 'Per year', 'Share'],
        rows: [
          ...t.lines.filter((l) => l.amount !== 0 || l.id === 'base').map((l) => ({
            attrs: { 'data-line': l.id }, cells: [l.label, money(l.amount), ratioPercent(t.total ? l.amount / t.total : 0)] })),
          { attrs: { class: 'total', 'data-line': 'total' }, cells: ['Total', money(t.total), ratioPercent(1)] },
        ],
        className: 'lines',
      })),
      t.norms.length ? h('div', { class: 'norms' }, [
        h('h3', {}, 'What the sources report'),
        h('ul', {}, t.norms.map((n) => {
          const one = PERCENT_NORMS.has(n.component) ? (x) => ratioPercent(x / 100) : money;
          const value = n.low === n.high ? one(n.low) : `${one(n.low)}–${one(n.high)}`;
          return h('li', {}, [`${n.label}: ${value} `, ctx.cite([n.source])]);
        })),
      ]) : null,
    ];
  },
};
