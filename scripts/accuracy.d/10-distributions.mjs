// The distributions: every BLS row (occupation × area) through the API of dist/salary-core.mjs,
// checked against what its published points say. Forced peaks are counted here from the
// published points themselves (not by the code under test); the curve's peaks from the core's own
// density (densityCurve), sampled between every pair of neighbouring points.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Distributions';
export const intro = [
  'Every occupation × area row BLS publishes (national rows May 2025, states May 2024), through',
  '`percentileOf`, `salaryAt`, `densityCurve` and the distribution record. *Forced peaks*: the',
  'local maxima of the average densities between neighbouring published points (share of workers',
  'per dollar; 0 beyond the ends), which no curve through the points can avoid. *Peaks*: local',
  'maxima of the core\'s density, sampled 400 times between each pair of neighbouring points and in',
  'each tail. *Jump*: the density just above a published point over just below it. Where a row\'s',
  'BLS mean is out of reach of every curve with only the forced peaks, the closest such curve is',
  'kept and its gap is compared with BLS\'s own relative standard error of that mean (`MEAN_PRSE`).',
].join('\n');

const KEYS = ['p10', 'p25', 'p50', 'p75', 'p90'];
const SHARES = [0.10, 0.25, 0.50, 0.75, 0.90];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** BLS's relative standard error of each state row's mean (%), from the shared state file. */
function meanErrors() {
  const path = join(root, '..', 'shared', 'data', 'bls-oews', 'oews_state_M2024_selected.csv');
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  const at = (name) => header.indexOf(name);
  return new Map(lines.map((f) => [`${f[at('occ_code')]}/${f[at('state')]}`, Number(f[at('mean_rse_pct')])]));
}

/** Local maxima of a sequence that starts and ends at 0 (a plateau counts once); steps within
 *  1e-12 of the values count as flat, not as rounding noise's peaks. */
function maxima(values) {
  let count = 0, rising = false;
  for (let i = 1; i < values.length; i++) {
    const step = values[i] - values[i - 1], tolerance = 1e-12 * Math.max(values[i], values[i - 1]);
    if (step > tolerance) rising = true;
    else if (step < -tolerance && rising) count++, rising = false;
  }
  return count;
}

/** The peaks the published points force: maxima of 0, the interval averages, 0. */
export function forcedPeaks(points) {
  const known = KEYS.map((k, i) => [SHARES[i], points[k]]).filter(([, w]) => w !== null);
  const averages = known.slice(1).map(([p, w], i) => (p - known[i][0]) / (w - known[i][1]));
  return maxima([0, ...averages, 0]);
}

export async function measure(calc) {
  const rse = meanErrors();
  const rows = [];
  for (const occupation of calc.occupations()) {
    for (const area of occupation.areas) {
      const where = { occupation: occupation.code, area };
      const d = calc.percentileOf(1, where).distribution;
      const published = KEYS.filter((k) => !d.estimatedPoints.includes(k));
      // Published points back, both ways.
      let pointMiss = 0, salaryMiss = 0;
      for (const k of published) {
        const share = SHARES[KEYS.indexOf(k)];
        pointMiss = Math.max(pointMiss, Math.abs(calc.percentileOf(d.points[k], where).percentile - 100 * share));
        salaryMiss = Math.max(salaryMiss, Math.abs(calc.salaryAt(100 * share, where).salary - d.points[k]));
      }
      // The density: 400 samples in each stretch between neighbouring points and in each tail.
      const edges = [calc.salaryAt(0.05, where).salary, ...KEYS.map((k) => d.points[k]), calc.salaryAt(99.9, where).salary];
      const density = [];
      for (let i = 0; i + 1 < edges.length; i++) {
        density.push(...calc.densityCurve(edges[i], edges[i + 1], { ...where, samples: 400 }).densities.slice(i ? 1 : 0));
      }
      let jump = 1;
      for (const k of published) {
        const w = d.points[k];
        const [below, above] = calc.densityCurve(w * (1 - 1e-9), w * (1 + 1e-9), { ...where, samples: 2 }).densities;
        jump = Math.max(jump, above / below, below / above);
      }
      const pointsAsPublished = Object.fromEntries(KEYS.map((k) => [k, d.estimatedPoints.includes(k) ? null : d.points[k]]));
      rows.push({
        occupation: occupation.code, area, release: d.release, peaks: maxima([0, ...density, 0]),
        forced: forcedPeaks(pointsAsPublished), mean: d.mean, implied: d.impliedMean,
        gap: d.mean ? d.impliedMean / d.mean - 1 : null, rse: rse.get(`${occupation.code}/${area}`) ?? null,
        jump, pointMiss, salaryMiss, estimated: d.estimatedPoints.map((k) => `${k} ≈ $${Math.round(d.points[k]).toLocaleString('en-US')}`),
      });
    }
  }

  const extra = rows.filter((r) => r.peaks > r.forced);
  const worstJump = Math.max(...rows.map((r) => r.jump));
  const withMean = rows.filter((r) => r.mean !== null);
  const within = withMean.filter((r) => Math.abs(r.gap) <= 0.01);
  const beyond = withMean.filter((r) => Math.abs(r.gap) > 0.01);
  // The core fits the mean to 0.01 % wherever its family of shapes reaches it; a larger gap means
  // the fit stopped at the closest curve with only the forced peaks.
  for (const r of withMean) r.reached = Math.abs(r.gap) <= 1e-4;
  const exact = withMean.filter((r) => r.reached), unreached = withMean.filter((r) => !r.reached);
  const pct = (x, digits = 2) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(digits)} %`;
  const worstPoint = Math.max(...rows.map((r) => r.pointMiss)), worstSalary = Math.max(...rows.map((r) => r.salaryMiss));
  const figures = [
    { figure: 'rows with more density peaks than their published points force', value: extra.length, goal: '0',
      pass: extra.length === 0, detail: `${rows.length} rows; ${rows.filter((r) => r.forced > 1).length} whose points force more than one peak${extra.length ? `; ${extra.map((r) => `${r.occupation} ${r.area}`).join(', ')}` : ''}` },
    { figure: 'largest density ratio across a published point (above / below)', value: worstJump.toFixed(6), goal: '≤ 1.01', pass: worstJump <= 1.01 },
    { figure: 'implied mean vs BLS annual mean, every row with a mean',
      value: `${within.length} of ${withMean.length} within 1 % (${exact.length} to 0.01 %)`,
      goal: 'within 1 %, but where no curve with only the forced peaks reaches it', pass: beyond.every((r) => !r.reached),
      detail: beyond.length ? `beyond 1 %: ${beyond.map((r) => `${r.occupation} ${r.area} ${pct(r.gap)}`).join(', ')}` : '' },
    { figure: 'rows whose BLS mean no curve with only the forced peaks reaches: the closest one\'s gap vs BLS\'s standard error of that mean',
      value: unreached.map((r) => `${r.occupation} ${r.area} ${pct(r.gap)} (${r.rse} %)`).join('; ') || 'none',
      goal: 'each within its standard error', pass: unreached.every((r) => r.rse !== null && Math.abs(r.gap) * 100 <= r.rse) },
    { figure: 'published points reproduced (percentileOf, salaryAt)', value: `largest miss ${worstPoint.toExponential(1)} pp / $${worstSalary.toExponential(1)}`,
      goal: 'all, within 0.01 pp / $1', pass: worstPoint <= 0.01 && worstSalary <= 1 },
  ];
  const money = (x) => (x === null ? '—' : `$${Math.round(x).toLocaleString('en-US')}`);
  const table = [
    '| occupation | area | release | peaks | forced | implied mean | BLS mean | gap | largest jump | estimated points |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.occupation} | ${r.area} | ${r.release.replace('BLS OEWS ', '')} | ${r.peaks} | ${r.forced} | ${money(r.implied)} | ${money(r.mean)} | ${r.gap === null ? '—' : pct(r.gap)} | ${r.jump.toFixed(6)} | ${r.estimated.join(', ')} |`),
  ].join('\n');
  return { figures, tables: [table] };
}
