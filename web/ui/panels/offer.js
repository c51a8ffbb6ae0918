// The negotiation range (the profile's middle 50%) and where an offer falls within the
// visitor's own profile, not just nationally.
import { h } from '../dom.js';
import { rangeBar } from '../chart.js';
import { money, estimateMoney, estimateRange, percent, people, placeName } from '../format.js';

const within = (p) => (p < 1 ? 'lower than about 99%' : `higher than about ${percent(Math.min(99, Math.round(p)))}`);

export default {
  event: 'offer',
  profile: true,
  estimate: true,

  controls: (ctx) => [ctx.field('offer', { label: 'An offer you have (base salary per year, USD)', placeholder: 'e.g. 150,000' })],

  compute(ctx) {
    const offer = ctx.v.offer;
    const e = offer === null ? ctx.base.estimate : ctx.estimate({ ...ctx.profile, offer });
    return { offer, low: e.low, typical: e.typical, high: e.high, profile: e.profile, result: e.offer || null, base: e.base };
  },

  render(o, ctx) {
    const d = o.base;
    const nodes = [h('p', { class: 'lead', 'data-result': 'negotiation' }, [
      'Negotiation range: ', h('strong', {}, estimateRange(o.low, o.high)),
      `, the middle 50% of base salary for your profile in ${placeName(d)} (typical ${estimateMoney(o.typical)}).`])];
    if (o.result) {
      const r = o.result;
      const where = r.salary < o.low ? 'below the range' : r.salary > o.high ? 'above the range' : 'within the range';
      nodes.push(h('p', { 'data-result': 'offer' }, [
        `An offer of ${money(r.salary)} is `, h('strong', {}, `${within(r.percentileInProfile)} of pay for your profile`),
        ` (${where}), and ${within(r.percentileInArea)} of all ${people(d.occupationTitle)} in ${placeName(d)}.`]));
    } else {
      nodes.push(h('p', { class: 'note' }, 'Enter an offer to see where it falls within your own profile.'));
    }
    const marks = [o.profile.p10, o.profile.p90, o.offer].filter((v) => v !== null);
    nodes.push(h('div', { class: 'bar-line' }, [
      rangeBar({ domain: [Math.min(...marks) * 0.9, Math.max(...marks) * 1.05], low: o.low, high: o.high, mid: o.typical, marker: o.offer, band: [o.profile.p10, o.profile.p90] }),
      h('p', { class: 'note' }, `Bar: the negotiation range; shaded: 10th–90th percentile for your profile (${estimateRange(o.profile.p10, o.profile.p90)})${o.offer !== null ? '; line: the offer' : ''}.`),
    ]));
    return nodes;
  },
};
