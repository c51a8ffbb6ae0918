// The profile estimates: bounded maxima over every profile the API allows (natively, by
// bench/estimate_bounds.cpp: the same core, millions of profiles), the experience profiles mixed
// back into the area's distribution, and premiums only where their source measured.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Estimates';
export const intro = [
  'The largest *typical* and *high* base-salary estimates over every profile the API allows (each',
  'occupation × area it has a distribution for, the 530 wage areas included × experience ×',
  'specialization × company type × up to three skills, technologies and certifications), by',
  '`bench/estimate_bounds.cpp` on the same core natively, with two exact reductions: a profile\'s',
  'estimate equals that of the profile keeping only its applied factors (one per premium group), and',
  'a premium combination reaches an estimate only through its capped typical premium and its range\'s',
  'half-width, no area changing either, so only their Pareto front is estimated in every area; both',
  'are checked on 20,000 random profiles with up to three ids per list in random areas. The',
  'experience levels, mixed with their weights (`weight` in the dataset, an assumption:',
  'docs/model.md), are compared with each area\'s published p10…p90 through',
  '`estimate({ experience, offer })`: Σ weight × `offer.percentileInProfile` at each published point.',
].join('\n');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KEYS = ['p10', 'p25', 'p50', 'p75', 'p90'];
const money = (x) => `$${Math.round(x).toLocaleString('en-US')}`;

function bounds() {
  const tool = join(root, 'build', 'native', 'estimate_bounds');
  execFileSync('cmake', ['--build', join(root, 'build', 'native'), '--target', 'estimate_bounds'], { stdio: 'ignore' });
  if (!existsSync(tool)) throw new Error('build/native/estimate_bounds was not built');
  return JSON.parse(execFileSync(tool, [join(root, 'data', 'salary-data.json')], { encoding: 'utf8' }));
}

export async function measure(calc) {
  const b = bounds();
  const levels = calc.experienceLevels();
  const weightSum = levels.reduce((s, l) => s + l.weight, 0);

  // Every area with wages, every published point: the levels mixed by their weights.
  let worst = { gap: 0 }, areas = 0;
  const worstByOccupation = new Map();
  for (const occupation of calc.occupations()) {
    const metros = calc.areas('metro').filter((a) => a.hasWages && occupation.code === '15-1252').map((a) => a.code);
    for (const area of [...occupation.areas, ...metros]) {
      areas++;
      const d = calc.percentileOf(1, { occupation: occupation.code, area }).distribution;
      KEYS.forEach((k, i) => {
        const mix = levels.reduce((sum, l) => sum + l.weight * calc.estimate({
          occupation: occupation.code, area, experience: l.id, offer: d.points[k] }).offer.percentileInProfile, 0);
        const gap = mix - [10, 25, 50, 75, 90][i];
        if (Math.abs(gap) > Math.abs(worst.gap)) worst = { gap, where: `${occupation.code} ${area} ${k}` };
        const w = worstByOccupation.get(occupation.code) ?? [0, 0, 0, 0, 0];
        w[i] = Math.max(w[i], Math.abs(gap));
        worstByOccupation.set(occupation.code, w);
      });
    }
  }

  // Premiums where their source did not measure the occupation: listed, never applied.
  const premiums = calc.factors();
  let misapplied = 0, checked = 0;
  for (const occupation of calc.occupations()) {
    for (const f of premiums) {
      if (f.occupations.length === 0 || f.occupations.includes(occupation.code)) continue;
      const key = { specialization: 'specialization', company_type: 'companyType' }[f.kind];
      const list = { skill: 'skills', technology: 'technologies', certification: 'certifications' }[f.kind];
      const e = calc.estimate({ occupation: occupation.code, ...(key ? { [key]: f.id } : { [list]: [f.id] }) });
      checked++;
      const shown = e.factors.find((x) => x.id === f.id);
      if (!shown || shown.applied || !/^Not applied: the source measured it for /.test(shown.note) || e.multiplier.typical !== 1) misapplied++;
    }
  }
  const distributed = calc.occupations()[0].areas.map((area) =>
    calc.estimate({ area, specialization: 'distributed' }).factors[0].typical);
  const spread = Math.max(...distributed) - Math.min(...distributed);

  const figures = [
    { figure: 'largest typical / high base estimate over all profiles and areas',
      value: `${money(b.max_typical)} / ${money(b.max_high)}`, goal: '≤ $350,000 / ≤ $450,000',
      pass: b.max_typical <= 350000 && b.max_high <= 450000,
      detail: `${b.profiles.toLocaleString('en-US')} profiles in ${b.pairs} occupation × area pairs; typical: ${b.max_typical_profile}; high: ${b.max_high_profile}` },
    { figure: 'profiles with up to three ids per list equal to their applied factors alone', value: `${b.identical} of ${b.sampled}`,
      goal: 'all', pass: b.identical === b.sampled },
    { figure: 'the same profiles within their area\'s largest (the Pareto front\'s)', value: `${b.bounded} of ${b.sampled}`,
      goal: 'all', pass: b.bounded === b.sampled, detail: `${b.front} premium combinations on the fronts, ${b.estimated.toLocaleString('en-US')} estimates` },
    { figure: 'experience mixture vs area p10…p90', value: `largest ${worst.gap >= 0 ? '+' : ''}${worst.gap.toFixed(2)} pp (${worst.where})`,
      goal: 'within 2 pp', pass: Math.abs(worst.gap) <= 2 && Math.abs(weightSum - 1) < 1e-9,
      detail: `${areas} areas × 5 points; weights ${levels.map((l) => `${l.id} ${l.weight}`).join(', ')}` },
    { figure: 'premiums applied to an occupation their source did not measure', value: misapplied, goal: '0', pass: misapplied === 0 && checked > 0,
      detail: `${checked} occupation × premium pairs, each listed as not applied with the reason` },
    { figure: '"distributed systems": one national figure (spread across states)', value: spread.toFixed(6), goal: '0', pass: spread === 0,
      detail: `+${((distributed[0] - 1) * 100).toFixed(2)} % everywhere` },
  ];

  // The four levels nationally, for each occupation: how they overlap.
  const rows = [];
  for (const occupation of calc.occupations()) {
    for (const l of levels) {
      const e = calc.estimate({ occupation: occupation.code, experience: l.id });
      rows.push(`| ${occupation.code} | ${l.label} | ${e.band.map((p) => p.toFixed(1)).join('–')} | ${money(e.low)}–${money(e.high)} | ${money(e.typical)} |`);
    }
  }
  const mixTable = [
    '| occupation | largest gap at p10 | p25 | p50 | p75 | p90 (pp, any area) |', '|---|---|---|---|---|---|',
    ...[...worstByOccupation].map(([code, w]) => `| ${code} | ${w.map((x) => x.toFixed(2)).join(' | ')} |`),
  ].join('\n');
  const levelTable = [
    '| occupation | level | middle 50 %, as national percentiles | middle 50 % (base salary) | typical |',
    '|---|---|---|---|---|', ...rows,
  ].join('\n');
  return { figures, tables: [mixTable, levelTable] };
}
