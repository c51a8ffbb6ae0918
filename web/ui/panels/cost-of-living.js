// What the salary is worth elsewhere: between two places, and a sortable table of every state.
import { h, table, scroller } from '../dom.js';
import { money, people, compareText } from '../format.js';
import { number1, ratioPercent } from '../format-pay.js';

const COLUMNS = [
  { key: 'name', label: 'State', type: 'text' },
  { key: 'equivalent', label: 'Same buying power', type: 'number' },
  { key: 'rpp', label: 'Price level', type: 'number' },
  { key: 'median', label: 'Median pay', type: 'number' },
];

/** The table's order, as the visitor last chose it in this widget. */
const sortOf = (ctx) => ctx.ui.sort ?? { key: 'name', dir: 'ascending' };

export default {
  event: 'costOfLiving',

  controls: (ctx) => [ctx.field('compareTo', {
    label: 'Compare with', placeholder: 'Automatic (US average or California); type a state, metro, city or county',
  })],

  view: (ctx) => [ctx.where, ctx.pay, sortOf(ctx)],

  /** A column heading clicked: the table is sorted by it (again: the other way), and it keeps the focus. */
  click(target, ctx) {
    const button = target.closest('button[data-sort]');
    if (!button) return null;
    const key = button.dataset.sort, sort = sortOf(ctx);
    ctx.ui.sort = { key, dir: sort.key === key && sort.dir === 'ascending' ? 'descending' : 'ascending' };
    return `button[data-sort="${key}"]`;
  },

  compute(ctx) {
    const from = ctx.where.area;
    const to = ctx.v.compareTo || (from === 'US' ? 'CA' : 'US');
    // What was typed into "Compare with" names no place (yet): no comparison, rather than the
    // last one under the field's message.
    const pair = ctx.fieldErrors.compareTo ? null : ctx.calc.costOfLiving(ctx.pay, from, to);
    // The core's ratio of price levels (there / here) is the same whatever the pay: asked once per
    // pair of places, then the pay is scaled by it, as the core does (equivalent = salary × ratio).
    const states = ctx.L.areas.filter((a) => a.kind === 'state').map((a) => {
      const c = ctx.memo('cost-of-living', `${from}|${a.code}`, () => ctx.calc.costOfLiving(1, from, a.code));
      const median = ctx.median(a.code);
      return { area: a.code, name: a.name, equivalent: ctx.pay * c.ratio, rpp: c.to.rpp, year: c.to.year, source: c.to.source, median };
    });
    return { pair, states };
  },

  render({ pair, states }, ctx) {
    const sort = sortOf(ctx);
    const column = COLUMNS.find((c) => c.key === sort.key) || COLUMNS[0];
    const dir = sort.dir === 'descending' ? -1 : 1;
    const sorted = [...states].sort((a, b) => {
      const x = a[column.key], y = b[column.key];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // missing last
      return (column.type === 'text' ? compareText(String(x), String(y)) : x - y) * dir;
    });
    const diff = pair && pair.ratio - 1;
    const yearNote = pair && (pair.from.year === pair.to.year ? `${pair.to.year}` : `${pair.from.year} and ${pair.to.year}`);
    const head = COLUMNS.map((c) => h('th', { scope: 'col', 'aria-sort': c.key === column.key ? sort.dir : null }, h('button', {
      type: 'button', class: 'sort', 'data-sort': c.key, part: 'button',
    }, [c.label, h('span', { class: 'screen', 'aria-hidden': 'true' }, c.key === column.key ? (dir > 0 ? ' ▲' : ' ▼') : ' ↕')])));
    const here = ctx.L.areaByCode.get(ctx.where.area)?.name ?? ctx.where.area;
    return [
      pair ? [
        h('p', { class: 'lead', 'data-result': 'cost-of-living' }, [
          `${money(pair.salary)} in ${pair.from.name} buys about what `, h('strong', {}, money(pair.equivalent)),
          ` buys in ${pair.to.name}.`]),
        h('p', {}, [
          Math.abs(diff) < 0.005 ? 'Prices are about the same. '
            : `Prices there are about ${ratioPercent(Math.abs(diff))} ${diff > 0 ? 'higher' : 'lower'}. `,
          `Regional Price Parities ${number1(pair.from.rpp)} and ${number1(pair.to.rpp)} (US = 100), ${yearNote}. `,
          ctx.cite([...new Set([pair.from.source, pair.to.source])]),
        ]),
        [pair.from.note, pair.to.note].filter(Boolean).map((n) => h('p', { class: 'note' }, n)),
      ] : h('p', { class: 'lead', 'data-result': 'cost-of-living' }, 'Choose a place to compare with: type a state, a metro area, a city or a county above.'),
      scroller('Buying power by state', table({
        caption: [`Buying power of ${money(ctx.pay)} from ${here}, by state`, h('span', { class: 'screen' }, ' (select a column heading to sort)')],
        head,
        rows: sorted.map((r) => ({
          attrs: { 'data-area': r.area, class: r.area === ctx.where.area ? 'current' : null },
          cells: [r.name, money(r.equivalent), number1(r.rpp), r.median === null ? '—' : money(r.median)],
        })),
        className: 'col-table',
      })),
      h('p', { class: 'note' }, [`Price levels: Regional Price Parities, US = 100 (${[...new Set(states.map((s) => s.year))].join(', ')}) `, ctx.cite([...new Set(states.map((s) => s.source))]),
        `; median pay of ${people(ctx.base.distribution.occupationTitle)} `, ctx.cite(ctx.base.distribution.sources), '. “—”: no published figure for that state.']),
    ];
  },
};
