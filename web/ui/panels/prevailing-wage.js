// DOL's four prevailing wage levels for H-1B and PERM in the chosen metro or nonmetro area, per
// year and per hour, and which level the pay (and an offer) meets: figures no other salary
// calculator puts next to the market's percentiles.
import { h, table, scroller } from '../dom.js';
import { money } from '../format.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
const level = (l) => `Level ${ROMAN[l.level - 1]}`;

/** "meets Level II, $107,078; below Level III, $125,029" (or below Level I, or meets Level IV). */
export function levelWords(levels, salary) {
  const met = levels.filter((l) => salary >= l.annual).length;
  const next = levels[met];
  return [met ? `meets ${level(levels[met - 1])}, ${money(levels[met - 1].annual)}` : null,
    next ? `below ${level(next)}, ${money(next.annual)}` : null].filter(Boolean).join('; ');
}

export default {
  event: 'prevailingWage',

  view: (ctx) => [ctx.salary, ctx.v.offer],

  compute(ctx) {
    const area = ctx.L.areaByCode.get(ctx.where.area);
    if (area?.kind !== 'metro' && area?.kind !== 'nonmetro') return { none: 'place' };
    try {
      return ctx.calc.prevailingWage({ occupation: ctx.where.occupation, area: ctx.where.area });
    } catch (e) {
      if (e.code === 'no_data') return { none: 'occupation', message: e.message };
      throw e;
    }
  },

  render(w, ctx) {
    if (w.none === 'place') {
      return h('p', { class: 'note' }, 'DOL sets prevailing wages for each metro and nonmetro area: choose one as the place (type a city, metro area or county) to see its four levels.');
    }
    if (w.none) return h('p', { class: 'note' }, `${w.message}.`);
    const pays = [['Your pay', ctx.salary], ['The offer', ctx.v.offer]].filter(([, v]) => v !== null && v !== undefined);
    const met = (v) => w.levels.filter((l) => v >= l.annual).length;
    return [
      h('p', { class: 'lead', 'data-result': 'prevailing-wage' }, pays.length
        ? pays.map(([who, v], i) => [i ? ' ' : '', `${who}, ${money(v)}, `, h('strong', {}, levelWords(w.levels, v)), '.'])
        : `Enter your pay or an offer to see which level it meets in ${w.areaName}.`),
      scroller('Prevailing wage levels', table({
        caption: `Prevailing wage levels for ${w.occupationTitle.toLowerCase()} in ${w.areaName}, wage year ${w.wageYear}`,
        head: ['Level', 'Per year', 'Per hour'],
        rows: w.levels.map((l) => ({
          attrs: { 'data-level': l.level, class: pays.some(([, v]) => met(v) === l.level) ? 'current' : null },
          cells: [level(l), money(l.annual), money(l.hourly)],
        })),
        className: 'lines',
      })),
      h('p', { class: 'note' }, [
        'An employer filing an H-1B or PERM application must pay at least the prevailing wage of the job\'s level ',
        '(Level I for entry-level duties up to Level IV for fully competent ones). DOL computes the levels from the BLS wage survey: ',
        'Level I is the mean wage of the lowest third of the area\'s workers, Level IV of the upper two thirds. ',
        `U.S. Department of Labor, Office of Foreign Labor Certification, wage year ${w.wageYear} `, ctx.cite([w.source]), '.']),
    ];
  },
};
