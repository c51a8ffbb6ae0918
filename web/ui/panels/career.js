// The career path for the place: the range at each experience level for the same profile.
import { h, table, scroller } from '../dom.js';
import { rangeBar } from '../chart.js';
import { estimateMoney, estimateRange, people, placeName } from '../format.js';

export default {
  event: 'career',
  profile: true,

  view: (ctx) => [ctx.salary, ctx.profile.experience, ctx.where],

  compute(ctx) {
    return ctx.L.levels.map((level) => {
      const e = ctx.estimate({ ...ctx.profile, experience: level.id });
      return { level: level.id, label: level.label, years: level.years, source: level.source, low: e.low, typical: e.typical, high: e.high };
    });
  },

  render(levels, ctx) {
    const min = Math.min(...levels.map((l) => l.low)) * 0.9, max = Math.max(...levels.map((l) => l.high)) * 1.05;
    const current = ctx.profile.experience;
    const d = ctx.base.distribution;
    return [
      h('p', {}, `Base salary for your profile at each experience level in ${placeName(d)} (the middle 50% and the typical figure).`),
      scroller('Career path', table({
        caption: `Career path for ${people(d.occupationTitle)} in ${placeName(d)}`,
        head: ['Level and source', 'Middle 50%', 'Typical', h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, 'Range chart'))],
        rows: levels.map((l) => ({
          attrs: { 'data-level': l.level, class: l.level === current ? 'current' : null },
          cells: [
            [`${l.label} `, ctx.cite([l.source]), h('span', { class: 'note' }, l.years), l.level === current ? h('span', { class: 'tag' }, 'your level') : null],
            estimateRange(l.low, l.high), estimateMoney(l.typical),
            { content: rangeBar({ domain: [min, max], low: l.low, high: l.high, mid: l.typical, marker: ctx.salary }), attrs: { class: 'bar-col' } },
          ],
        })),
      })),
    ];
  },
};
