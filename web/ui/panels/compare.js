// The estimate beside every other published figure for the same kind of role (BLS and the sites
// the seed articles quote), with dates, so the spread between sources is visible.
import { h, table, scroller } from '../dom.js';
import { rangeBar } from '../chart.js';
import { money, moneyRange, estimateMoney, estimateRange, isoDate, placeName } from '../format.js';

/** The rows: the estimate, BLS's figures for the place (and the nation), every published figure. */
function comparison(ctx) {
  const e = ctx.base.estimate, d = ctx.base.distribution, L = ctx.L;
  // A metro's name comes with the areas part, which may not be loaded: the figure's own statistic names it.
  const areaName = (code) => L.areaByCode.get(code)?.name || (/^\d+$/.test(code) ? 'metro area' : code);
  const released = (ids) => L.sourceById.get(ids[0])?.released || null;
  const bls = (dist, statistic, value, low, high) => ({
    kind: 'bls', publisher: L.sourceById.get(dist.sources[0])?.publisher || 'BLS', role: dist.occupationTitle,
    statistic: `${statistic}, ${dist.release}`, value, low, high, asOf: released(dist.sources), area: areaName(dist.area), sources: dist.sources,
  });
  const rows = [{
    kind: 'estimate', publisher: 'This calculator', role: `${d.occupationTitle}, your profile`,
    statistic: 'typical base salary; bar: middle 50%', value: e.typical, low: e.low, high: e.high,
    asOf: null, asOfText: `data ${L.version}`, area: areaName(d.area), sources: [],
  }];
  const dists = [d];
  if (d.area !== 'US') dists.push(ctx.calc.salaryAt(50, { occupation: d.occupation, area: 'US' }).distribution);
  for (const dist of dists) {
    const p = dist.points;
    rows.push(bls(dist, 'median; bar: 10th–90th percentile', p.p50, p.p10, p.p90));
    if (dist.mean !== null) rows.push(bls(dist, 'mean', dist.mean, null, null));
  }
  // A figure published for another place than this one, the nation, or a place within or around
  // it (a metro of the state, the metro's states) is left off paper (widget.css).
  const states = (code) => L.areaByCode.get(code)?.states ?? [];
  const near = (code) => code === 'US' || code === d.area || states(code).includes(d.area) || states(d.area).includes(code);
  const published = L.published
    .map((p) => ({ kind: 'published', ...p, area: areaName(p.area), sources: [p.source], elsewhere: !near(p.area) }))
    .sort((a, b) => (b.value ?? b.high) - (a.value ?? a.high));
  const regions = L.areas.filter((a) => a.kind === 'world_region' && a.range);
  // Beside the national row, a state's says how much newer the national figures are.
  return { rows: [...rows, ...published], regions, vintage: dists.length > 1 ? d.notes.filter((n) => n.startsWith('These figures are')) : [] };
}

export default {
  event: 'compare',
  profile: true,
  estimate: true,

  // The same while the profile is (it does not depend on the pay): computed once per profile.
  compute: (ctx) => ctx.memo('compare', JSON.stringify(ctx.profile), () => comparison(ctx)),

  render({ rows, regions, vintage }, ctx) {
    const all = rows.flatMap((r) => [r.value, r.low, r.high]).filter((v) => v !== null);
    const domain = [Math.min(...all) * 0.9, Math.max(...all) * 1.05];
    const mine = rows[0];
    const published = rows.filter((r) => r.kind === 'published');
    const mid = (r) => r.value ?? (r.low + r.high) / 2;
    const lowest = published.reduce((a, b) => (mid(b) < mid(a) ? b : a), published[0]);
    const highest = published.reduce((a, b) => (mid(b) > mid(a) ? b : a), published[0]);
    const figure = (r) => (r.kind === 'estimate' ? `${estimateMoney(r.value)} (${estimateRange(r.low, r.high)})`
      : r.value !== null && r.low !== null ? `${money(r.value)} (${moneyRange(r.low, r.high)})`
      : r.value !== null ? money(r.value) : moneyRange(r.low, r.high));
    return [
      published.length ? h('p', { class: 'lead' }, [
        `Published figures for developer roles range from ${money(mid(lowest))} (${lowest.publisher}, ${lowest.statistic}) `,
        `to ${money(mid(highest))} (${highest.publisher}, ${highest.statistic}); your estimate is `,
        h('strong', {}, estimateRange(mine.low, mine.high)), ' base salary.']) : null,
      h('p', { class: 'note' }, 'They measure different things (base pay or total pay, averages or medians, roles, places and years), so read the statistic and date of each. The shaded column in the bars is your estimate.'),
      ...vintage.map((n) => h('p', { class: 'note' }, n)),
      scroller('Published figures', table({
        caption: 'Published pay figures for developer roles',
        head: ['Who, what and source', 'Figure', h('th', { scope: 'col', class: 'bar-col' }, h('span', { class: 'visually-hidden' }, 'Range chart'))],
        rows: rows.map((r) => ({
          attrs: { 'data-kind': r.kind, class: r.kind === 'estimate' ? 'current' : null, 'data-elsewhere': r.elsewhere ? '' : null },
          cells: [
            [h('span', { class: 'publisher' }, r.publisher), ` · ${r.role} `, r.sources.length ? ctx.cite(r.sources) : null,
              h('span', { class: 'note' }, `${r.statistic} · ${r.area} · ${r.asOfText || (r.asOf ? `as of ${isoDate(r.asOf)}` : 'undated')}`)],
            figure(r),
            { content: rangeBar({ domain, low: r.low, high: r.high, mid: r.value, band: [mine.low, mine.high] }), attrs: { class: 'bar-col' } },
          ],
        })),
        className: 'compare-table',
      })),
      h('p', { class: 'note paper' }, `Left out on paper: the ${published.filter((r) => r.elsewhere).length} figures published for other places (they are on screen).`),
      regions.length ? h('details', { class: 'regions' }, [
        h('summary', {}, 'Outside the United States'),
        scroller('Salary ranges outside the United States', table({
          caption: 'Average annual salary ranges outside the United States (USD)',
          head: ['Region', 'Range', 'Source'],
          rows: regions.map((a) => ({ cells: [placeName(a), moneyRange(a.range.low, a.range.high), ctx.cite([a.range.source])] })),
          className: 'lines',
        })),
        h('p', { class: 'note' }, 'Only a range is published for these regions, so no percentile is given for them.'),
      ]) : null,
    ];
  },
};
