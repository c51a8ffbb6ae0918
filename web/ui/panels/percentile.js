// Where a salary falls: the percentile in the chosen place and nationally, in words and on the
// distribution chart.
import { h } from '../dom.js';
import { distributionChart, densityCurve } from '../chart.js';
import { money, moneyCompact, percentileWords, percentileOrdinal, people, placeName } from '../format.js';

const PERIODS = { monthly: 'a month', semimonthly: 'twice a month', biweekly: 'every two weeks', weekly: 'a week', hourly: 'an hour' };

export default {
  chart: true, // its width is followed

  view: (ctx) => [ctx.v.salary, ctx.v.period, ctx.chartWidth()],

  compute(ctx) {
    const { salary, base } = ctx;
    const d = base.distribution;
    // The chart's range: the 1.5th to the 98.5th percentile, and the pay.
    const [lo, top] = ctx.memo('range', `${ctx.where.occupation}|${ctx.where.area}`,
      () => [ctx.calc.salaryAt(1.5, ctx.where).salary, ctx.calc.salaryAt(98.5, ctx.where).salary]);
    let hi = top;
    let x0 = lo;
    if (salary !== null) {
      x0 = Math.min(lo, Math.max(0, salary * 0.9));
      hi = Math.max(hi, Math.min(salary * 1.1, hi * 2));
    }
    return {
      salary,
      percentile: base.area ? base.area.percentile : null,
      national: base.national ? base.national.percentile : null,
      distribution: d,
      // One core call per curve, kept per place and range while typing.
      curve: ctx.memo('curve', `${ctx.where.occupation}|${ctx.where.area}|${Math.round(x0)}|${Math.round(hi)}`,
        () => densityCurve(ctx.calc, ctx.where, x0, hi)),
    };
  },

  render(data, ctx) {
    const d = data.distribution;
    const nodes = [];
    if (data.salary === null) {
      nodes.push(h('p', { class: 'lead' }, 'Enter your pay to see where it falls.'));
    } else {
      const v = ctx.v;
      const pay = v.period === 'annual' ? `${money(data.salary)} a year` : `${money(v.salary)} ${PERIODS[v.period] || v.period} (${money(data.salary)} a year${v.period === 'hourly' ? ` at ${ctx.hoursPerWeek} hours a week` : ''})`;
      nodes.push(h('p', { class: 'lead', 'data-result': 'percentile' }, [
        `${pay} is `, h('strong', {}, percentileWords(data.percentile, d)),
        ` (the ${percentileOrdinal(data.percentile)}).`]));
      if (d.areaKind !== 'nation' && data.national !== null) {
        nodes.push(h('p', { 'data-result': 'national' }, `Nationally (${ctx.base.national.distribution.release}), it is ${percentileWords(data.national, { ...d, areaKind: 'nation' })}.`));
      }
    }
    const p = d.points;
    const label = `Distribution of annual pay for ${people(d.occupationTitle)} in ${placeName(d)}: `
      + `10th percentile ${money(p.p10)}, 25th ${money(p.p25)}, median ${money(p.p50)}, 75th ${money(p.p75)}, 90th ${money(p.p90)}.`
      + (data.salary !== null ? ` Your pay, ${money(data.salary)}, is at about the ${percentileOrdinal(data.percentile)}.` : '');
    nodes.push(h('figure', { class: 'chart-box' }, [
      distributionChart({ curve: data.curve, points: p, estimatedPoints: d.estimatedPoints, salary: data.salary, width: ctx.chartWidth(), label }),
      h('figcaption', {}, [
        `Annual pay of ${people(d.occupationTitle)} in ${placeName(d)} (the model's density, exact at the published percentiles; the darker area is the middle 50%, ${moneyCompact(p.p25)}–${moneyCompact(p.p75)}). `,
        d.estimatedPoints.length ? '≈ marks a point that is estimated, not published. ' : '',
        `Source: ${d.release} `, ctx.cite(d.sources),
      ]),
    ]));
    for (const note of d.notes) nodes.push(h('p', { class: 'note' }, note));
    return nodes;
  },
};
