// Metro and nonmetro areas (docs/model.md, "Metro and nonmetro areas"): every one of DOL's 530
// wage areas × the three occupations DOL publishes levels for, through the API of
// dist/salary-core.mjs. Validated against figures the fit did not use: the curves are fitted again
// WITHOUT BLS's metro medians (the same dataset with its `metro_medians` removed, through the JSON
// module) and their medians compared with BLS's. The official figures are read from the shared
// files themselves, not from the dataset the calculator built.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared', 'data');
const OCCUPATIONS = ['15-1252', '15-1253', '15-2051']; // those DOL publishes levels for

export const title = 'Metro and nonmetro areas';
export const intro = [
  'DOL publishes four prevailing wage levels for every one of its 530 wage areas (OFLC, wage year',
  'July 2025 – June 2026, from the BLS OEWS May 2024 survey): Level I is the mean pay of the area\'s',
  'lowest third, Level IV of its upper two thirds. An area\'s curve is its state\'s, with its',
  'percentiles remapped and refitted so that its own Level I and IV are DOL\'s, and through BLS\'s',
  'median where BLS publishes one (20 metros). *Validation*: the curves fitted without those',
  'medians, their medians against BLS\'s (60 metro × occupation pairs; the goal of issue 12).',
  '*Levels*: each area\'s Level I (3 ∫₀^⅓ Q dp) and Level IV (1.5 ∫⅓^1 Q dp), integrated here from',
  '`salaryAt` alone (Simpson\'s rule in z = Φ⁻¹(p)), against DOL\'s.',
].join('\n');

function csv(path) {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/).map((l) => {
    const out = [];
    let field = '', quoted = false;
    for (const ch of l) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) out.push(field), field = '';
      else field += ch;
    }
    out.push(field);
    return out;
  });
  return lines.map((f) => Object.fromEntries(head.map((h, i) => [h, f[i]])));
}

/** Level I and IV of a curve, from salaryAt: 3 ∫₀^⅓ Q dp and 1.5 ∫⅓^1 Q dp by Simpson's rule in z. */
function levelsOf(calc, where) {
  const third = -0.4307272992954576; // Φ⁻¹(1/3)
  const part = (z0, z1, n) => {
    const h = (z1 - z0) / n;
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const z = z0 + i * h, p = 0.5 * erfc(-z / Math.SQRT2);
      const f = calc.salaryAt(100 * p, where).salary * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
      sum += f * (i === 0 || i === n ? 1 : i % 2 ? 4 : 2);
    }
    return (sum * h) / 3;
  };
  return { one: 3 * part(-7, third, 120), four: 1.5 * part(third, 7, 240) };
}

// erfc to ~1e-15 relative where it matters here (W. J. Cody's rational approximations are more
// than this needs; this continued-fraction / series pair is plenty for p in (1e-12, 1 − 1e-12)).
function erfc(x) {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) { // 1 − erf(x), erf by its Taylor series
    let term = x, sum = x;
    for (let n = 1; n < 60; n++) {
      term *= -x * x / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0; // Lentz-free continued fraction, evaluated from the tail
  for (let n = 60; n >= 1; n--) f = n / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const signed = (x) => `${x >= 0 ? '+' : '−'}${(100 * Math.abs(x)).toFixed(1)} %`;
const usd = (v) => `$${Math.round(v).toLocaleString('en-US')}`;

export async function measure(calc) {
  const { load } = await import(join(root, 'dist', 'salary-core.mjs'));
  const dataset = JSON.parse(readFileSync(join(root, 'data', 'salary-data.json'), 'utf8'));
  delete dataset.metro_medians;
  const without = await load({ dataset });

  const medians = csv(join(shared, 'bls-oews', 'oews_msa_M2024_medians_selected.csv'));
  const levels = new Map(csv(join(shared, 'oflc', 'oflc_alc_2025-26_levels_selected.csv'))
    .map((r) => [`${r.SocCode} ${r.Area}`, [Number(r.Level1_annual), Number(r.Level4_annual)]]));

  // 1. Validation: medians fitted without BLS's, against BLS's.
  const pairs = medians.filter((r) => OCCUPATIONS.includes(r.OCC_CODE)).map((r) => {
    const where = { occupation: r.OCC_CODE, area: r.AREA };
    const d = without.salaryAt(50, where);
    const error = d.salary / Number(r.A_MEDIAN) - 1;
    const sits = /sits at (.*)'s (\d+)th percentile/.exec(d.distribution.notes[0]);
    return { name: r.AREA_TITLE, ...where, bls: Number(r.A_MEDIAN), model: d.salary, error,
      shape: sits ? `${sits[1]}, p${sits[2]}` : '?', levels: levels.get(`${r.OCC_CODE} ${r.AREA}`) };
  });
  const mae = pairs.reduce((s, p) => s + Math.abs(p.error), 0) / pairs.length;
  const worstDev = pairs.filter((p) => p.occupation === '15-1252').reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));
  const worst = pairs.reduce((w, p) => (Math.abs(p.error) > Math.abs(w.error) ? p : w));
  without.dispose();

  // 2. With the medians (what ships): every BLS median passed through, in all four occupations.
  let medianMiss = 0;
  for (const r of medians) medianMiss = Math.max(medianMiss, Math.abs(calc.salaryAt(50, { occupation: r.OCC_CODE, area: r.AREA }).salary - Number(r.A_MEDIAN)));

  // 3. Every area's own Level I and IV against DOL's.
  let levelMiss = 0, levelWorst = null, areas = 0;
  for (const [key, [one, four]] of levels) {
    const [occupation, area] = key.split(' ');
    const got = levelsOf(calc, { occupation, area });
    const miss = Math.max(Math.abs(got.one / one - 1), Math.abs(got.four / four - 1));
    if (miss > levelMiss) levelMiss = miss, levelWorst = `${occupation} in ${area}`;
    areas++;
  }

  const figures = [
    { figure: 'metro medians fitted without BLS\'s, mean absolute error (60 pairs)', value: pct(mae), goal: '≤ 3 %', pass: mae <= 0.03 },
    { figure: 'largest such error for software developers (15-1252)', value: signed(worstDev.error), goal: '≤ 8 %',
      pass: Math.abs(worstDev.error) <= 0.08, detail: worstDev.name },
    { figure: 'largest such error, any occupation', value: signed(worst.error), goal: 'reported', pass: true,
      detail: `${worst.name}, ${worst.occupation}` },
    { figure: 'BLS metro medians passed through (20 metros × 4 occupations)', value: `${usd(medianMiss)} off at most`, goal: '≤ $1', pass: medianMiss <= 1 },
    { figure: `DOL Level I and IV reproduced (${areas} area × occupation curves)`, value: `${pct(levelMiss)} off at most`, goal: '≤ 1 %',
      pass: levelMiss <= 0.01 && areas === 3 * 530, detail: levelWorst },
  ];
  const rows = pairs.map((p) => `| ${p.name} | ${p.occupation} | ${usd(p.bls)} | ${usd(p.model)} | ${signed(p.error)} | ${usd(p.levels[0])} | ${usd(p.levels[1])} | ${p.shape} |`);
  const table = [
    '| metro | occupation | BLS median | model, fitted without it | error | DOL Level I | DOL Level IV | curve of, median at |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return { figures, tables: [table] };
}
