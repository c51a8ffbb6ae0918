// The adjusted estimate for the visitor's profile, as a range, with every factor applied, its
// effect in percent and dollars, and its source.
import { h, table, scroller } from '../dom.js';
import { rangeBar } from '../chart.js';
import { money, moneyRange, change, estimateMoney, estimateRange, estimateChange, ordinal, people, placeName } from '../format.js';

const KIND_LABELS = {
  specialization: 'Specialization', skill: 'Skill', technology: 'Technology',
  certification: 'Certification', company_type: 'Company type',
};

export default {
  profile: true,
  estimate: true,

  view: (ctx) => [ctx.salary],

  compute(ctx) {
    return ctx.base.estimate;
  },

  render(e, ctx) {
    const d = e.base;
    const experience = e.factors.find((f) => f.kind === 'experience');
    const others = e.factors.filter((f) => f.kind !== 'experience');
    const [bandLow, bandHigh] = e.bandSalaries; // the experience profile's middle 50 %, before premiums
    // The dollar column comes from the core's steps: the typical salary after the area's median,
    // the experience band and each applied premium in turn (the last one is e.typical).
    const step = new Map(e.steps.map((s, i) => [`${s.kind}:${s.id}`, i]));
    const start = e.steps[0].typical;
    const rows = [{
      cells: [
        [`Starting point: ${people(d.occupationTitle)} in ${placeName(d)} `, ctx.cite(d.sources)],
        `median ${money(d.points.p50)}; middle 50% ${moneyRange(d.points.p25, d.points.p75)} (${d.release})`,
        money(start),
      ],
    }];
    const atExperience = experience && step.has(`experience:${experience.id}`) ? e.steps[step.get(`experience:${experience.id}`)].typical : start;
    rows.push(experience ? {
      attrs: { 'data-factor': 'experience' },
      cells: [
        [`Experience: ${experience.label} `, ctx.cite([experience.source]), experience.note ? h('span', { class: 'note' }, experience.note) : null],
        `${ordinal(Math.round(experience.low))}–${ordinal(Math.round(experience.high))} percentile: ${estimateRange(bandLow, bandHigh)}`,
        estimateMoney(atExperience),
      ],
    } : {
      attrs: { 'data-factor': 'experience' },
      cells: ['Experience: any level', `25th–75th percentile: ${moneyRange(bandLow, bandHigh)}`, money(atExperience)],
    });
    for (const f of others) {
      let effect = f.low === f.high ? change(f.typical) : `${change(f.typical)} (${change(f.low)} to ${change(f.high)})`;
      if (f.applied && f.weight < 0.995) effect += `, counted at ${Math.round(f.weight * 100)}%`; // shrinkage, cap
      const i = f.applied ? step.get(`${f.kind}:${f.id}`) : undefined;
      rows.push({
        attrs: { 'data-factor': `${f.kind}:${f.id}`, class: f.applied ? null : 'not-applied' },
        cells: [
          [`${KIND_LABELS[f.kind] || f.kind}: ${f.label} `, ctx.cite([f.source]), f.note ? h('span', { class: 'note' }, f.note) : null],
          f.applied ? effect : [h('s', {}, effect), ' not applied'],
          i > 0 ? estimateChange(e.steps[i].typical - e.steps[i - 1].typical) : '',
        ],
      });
    }
    rows.push({
      attrs: { class: 'total', 'data-factor': 'total' },
      cells: ['Your estimate, base salary (middle 50%, typical)', estimateRange(e.low, e.high), estimateMoney(e.typical)],
    });
    const p = d.points;
    return [
      h('p', { class: 'lead', 'data-result': 'estimate' }, [
        'About ', h('strong', {}, estimateRange(e.low, e.high)), ` a year in base salary (no bonus or equity), typically ${estimateMoney(e.typical)}.`]),
      ...e.notes.map((n) => h('p', { class: 'note' }, n)),
      h('div', { class: 'bar-line' }, [
        rangeBar({ domain: [Math.min(p.p10, e.low) * 0.9, Math.max(p.p90, e.high) * 1.05], low: e.low, high: e.high, mid: e.typical, marker: ctx.salary, band: [p.p10, p.p90] }),
        h('p', { class: 'note' }, `Bar: your estimate; shaded: 10th–90th percentile of all ${people(d.occupationTitle)} in ${placeName(d)}${ctx.salary !== null ? '; line: your pay' : ''}.`),
      ]),
      scroller('How the estimate is built', table({
        caption: 'How the estimate is built',
        head: ['Step and source', 'Effect', 'Typical, in dollars'],
        rows, className: 'breakdown',
      })),
    ];
  },
};
