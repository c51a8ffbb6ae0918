#!/usr/bin/env node
// The metro method study (issue 12, docs/model.md "Metro and nonmetro areas"): candidate ways to
// turn an area's two DOL prevailing wage levels (Level I = mean of the lowest third of the area's
// wage distribution, Level IV = mean of its upper two thirds) into a whole distribution, fitted
// WITHOUT the official BLS metro medians and then compared with them. Not shipped; run it to
// reproduce the method table in docs/model.md (the shipped method's own figures come from
// scripts/accuracy.d/30-metros.mjs, over the core's curves):
//   node scripts/study/metro-methods.mjs [--shared DIR] [--pairs]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const SHARED = resolve(args.includes('--shared') ? args[args.indexOf('--shared') + 1] : join(REPO, '..', 'shared'));

// ---------- normal distribution ----------
const erfc = (x) => { // W. J. Cody-quality is overkill here; Numerical Recipes' erfcc (1.2e-7) suffices for a study
  const z = Math.abs(x), t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
};
const Phi = (z) => 0.5 * erfc(-z / Math.SQRT2);
const phi = (z) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
function PhiInv(p) { // Acklam + one Newton step
  const a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
  const b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
  const c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
  const d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
  let x;
  if (p < 0.02425) { const q = Math.sqrt(-2 * Math.log(p)); x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1); }
  else if (p <= 1 - 0.02425) { const q = p - 0.5, r = q * q; x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1); }
  else { const q = Math.sqrt(-2 * Math.log(1 - p)); x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1); }
  return x;
}
// z of the upper tail probability q = 1 - p, accurate for tiny q
const zUpper = (q) => -PhiInv(q);

const Z = [10, 25, 50, 75, 90].map((p) => PhiInv(p / 100));
const Z13 = PhiInv(1 / 3), Z90 = Z[4];

// ---------- quadrature nodes over p ∈ (0, 1): [0, 1/3] | [1/3, 0.9] in z, (0.9, 1) in u = −ln(1 − p) ----------
function simpson(n, from, to) { // n even; returns {x, w}
  const h = (to - from) / n, x = [], w = [];
  for (let i = 0; i <= n; i++) { x.push(from + i * h); w.push((i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * h / 3); }
  return { x, w };
}
const UPPER_N = 8000;
const NODES = (() => {
  const lower = simpson(4000, -12, Z13), middle = simpson(1000, Z13, Z90), upper = simpson(UPPER_N, Math.log(10), 400);
  const z = [], w = [], part = [];
  lower.x.forEach((x, i) => { z.push(x); w.push(lower.w[i] * phi(x)); part.push(0); });
  middle.x.forEach((x, i) => { z.push(x); w.push(middle.w[i] * phi(x)); part.push(1); });
  upper.x.forEach((u, i) => { z.push(u > 700 ? Infinity : zUpper(Math.exp(-u))); w.push(upper.w[i] * Math.exp(-u)); part.push(1); });
  return { z, w, part };
})();

/** Partial integrals of exp(a + b·lnq) over the lowest third and the upper two thirds of p. */
function thirds(lnq, a = 0, b = 1) {
  let lo = 0, hi = 0;
  for (let i = 0; i < lnq.length; i++) {
    const v = NODES.w[i] * Math.exp(a + b * lnq[i]);
    if (NODES.part[i] === 0) lo += v; else hi += v;
  }
  return { level1: 3 * lo, level4: 1.5 * hi, mean: lo + hi };
}

// ---------- state curves ----------
// (1) the model before issue 11: piecewise linear in (z, ln w), Pareto above p90 with α through p75.
function piecewise(points) {
  const y = points.map(Math.log);
  const alpha = Math.log(2.5) / Math.log(points[4] / points[3]);
  return {
    name: 'piecewise', alpha,
    at(z, u) {
      if (z >= Z90) return y[4] + ((u ?? -Math.log(Phi(-z))) - Math.log(10)) / alpha; // u = −ln(1 − p)
      let i = 0; while (i < 3 && z > Z[i + 1]) i++;
      return y[i] + (z - Z[i]) * (y[i + 1] - y[i]) / (Z[i + 1] - Z[i]);
    },
  };
}
// (2) issue-11 style: monotone cubic Hermite (Fritsch–Carlson) in (z, ln w) through the points,
// secant end slopes, a log-normal lower tail, and above p90 ln w = y90 + s(z − z90) + c(z − z90)²
// with c ≥ 0 chosen so the implied mean equals the BLS mean (c = 0 when no mean is published or
// even c = 0 overshoots it).
function hermite(points, mean) {
  const y = points.map(Math.log), n = 5;
  const d = []; for (let k = 0; k < n - 1; k++) d.push((y[k + 1] - y[k]) / (Z[k + 1] - Z[k]));
  const m = [d[0]]; for (let k = 1; k < n - 1; k++) m.push((d[k - 1] + d[k]) / 2); m.push(d[n - 2]);
  for (let k = 0; k < n - 1; k++) {
    const al = m[k] / d[k], be = m[k + 1] / d[k], s = al * al + be * be;
    if (s > 9) { const t = 3 / Math.sqrt(s); m[k] = t * al * d[k]; m[k + 1] = t * be * d[k]; }
  }
  const curve = {
    name: 'hermite', c: 0,
    at(z) {
      if (z <= Z[0]) return y[0] + m[0] * (z - Z[0]);
      if (z >= Z90) { const t = z - Z90; return y[4] + m[4] * t + curve.c * t * t; }
      let k = 0; while (k < n - 2 && z > Z[k + 1]) k++;
      const h = Z[k + 1] - Z[k], t = (z - Z[k]) / h, t2 = t * t, t3 = t2 * t;
      return (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * m[k] + (-2 * t3 + 3 * t2) * y[k + 1] + (t3 - t2) * h * m[k + 1];
    },
  };
  if (mean) {
    const meanAt = (c) => { curve.c = c; return thirds(lnqOf(curve)).mean; };
    if (meanAt(0) < mean) {
      let lo = 0, hi = 0.5;
      while (meanAt(hi) < mean && hi < 8) hi *= 2;
      for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (meanAt(mid) < mean) lo = mid; else hi = mid; }
      curve.c = (lo + hi) / 2;
    } else curve.c = 0;
  }
  return curve;
}
const UPPER_START = NODES.z.length - UPPER_N - 1;
const uOf = (i) => Math.log(10) + (i - UPPER_START) * (400 - Math.log(10)) / UPPER_N;

/** ln q at each node; piecewise curves use u exactly in the Pareto tail. */
function lnqOf(curve) {
  return NODES.z.map((z, i) => (i >= UPPER_START ? (curve.name === 'piecewise' ? curve.at(Infinity, uOf(i)) : curve.at(z)) : curve.at(z)));
}
/** ln q at a percentile. */
function lnqAt(curve, p) {
  const z = PhiInv(p);
  return curve.name === 'piecewise' && z >= Z90 ? curve.at(z, -Math.log(1 - p)) : curve.at(z);
}

// ---------- data ----------
function csv(path) {
  const lines = readFileSync(path, 'latin1').split(/\r?\n/).filter(Boolean);
  const split = (l) => { const out = []; let cur = '', q = false; for (const ch of l) { if (ch === '"') q = !q; else if (ch === ',' && !q) { out.push(cur); cur = ''; } else cur += ch; } out.push(cur); return out; };
  const head = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}
const dataset = JSON.parse(readFileSync(join(REPO, 'data', 'salary-data.json'), 'utf8'));
const oflc = join(SHARED, 'data', 'oflc');
const geography = csv(join(oflc, 'Geography_2025-26.csv'));
const levels = csv(join(oflc, 'oflc_alc_2025-26_levels_selected.csv'));
const medians = csv(join(SHARED, 'data', 'bls-oews', 'oews_msa_M2024_medians_selected.csv'));
const areaStates = new Map();
for (const r of geography) {
  if (!areaStates.has(r.Area)) areaStates.set(r.Area, { name: r.AreaName, counties: new Map() });
  const a = areaStates.get(r.Area); a.counties.set(r.StateAb, (a.counties.get(r.StateAb) ?? 0) + 1);
}
/** The states in the area's name, in order ("Boston-Cambridge-Newton, MA-NH" → MA, NH). */
const namedStates = (area) => {
  const a = areaStates.get(area), m = /, ([A-Z]{2}(?:-[A-Z]{2})*)$/.exec(a.name);
  return m ? m[1].split('-') : [...a.counties.keys()];
};
/** The first named state with a BLS row for the occupation (DC has no 15-2051 row → VA). */
const principalState = (area, occ = '15-1252') => namedStates(area).find((st) => dataset.occupations[occ].areas[st]) ?? 'US';
const levelsOf = (area, occ) => {
  const r = levels.find((l) => l.Area === area && l.SocCode === occ);
  return r && { l1: Number(r.Level1_annual), l4: Number(r.Level4_annual) };
};

function stateRow(occ, st) {
  const row = dataset.occupations[occ].areas[st];
  if (!row) return null;
  const p = [row.p10, row.p25, row.p50, row.p75, row.p90];
  for (let i = 0; i < 5; i++) if (p[i] === null) { // top-coded: today's extrapolation
    const s = (Math.log(p[i - 1]) - Math.log(p[i - 2])) / (Z[i - 1] - Z[i - 2]);
    p[i] = Math.max(Math.exp(Math.log(p[i - 1]) + s * (Z[i] - Z[i - 1])), 239200);
  }
  return { p, mean: row.mean, topCoded: row.p90 === null };
}
const curves = new Map();
function stateCurve(model, occ, st) {
  const key = `${model}/${occ}/${st}`;
  if (!curves.has(key)) {
    const row = stateRow(occ, st);
    const curve = row && (model === 'piecewise' ? piecewise(row.p) : hermite(row.p, row.mean));
    curves.set(key, curve && { curve, lnq: lnqOf(curve), row });
  }
  return curves.get(key);
}

// ---------- the candidate methods: each gives ln(median) from (L1, L4) and a shape ----------
function bisect(f, lo, hi, target, steps = 60) { // f increasing
  for (let i = 0; i < steps; i++) { const mid = (lo + hi) / 2; if (f(mid) < target) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
/** ln w' = a + b·ln w of the shape, b from L4/L1, a from L1. */
function affineLnW(shape, { l1, l4 }) {
  const ratio = (b) => { const t = thirds(shape.lnq, 0, b); return t.level4 / t.level1; };
  const b = bisect((b) => { const r = ratio(b); return Number.isFinite(r) ? r : 1e9; }, 0.01, 5, l4 / l1);
  const a = Math.log(l1) - Math.log(thirds(shape.lnq, 0, b).level1);
  return { b, a, lnMedian: a + b * lnqAt(shape.curve, 0.5) };
}
/** The shape shifted in ln w only (b = 1), to the implied mean L1/3 + 2·L4/3. */
function shiftOnly(shape, { l1, l4 }) {
  const a = Math.log(l1 / 3 + 2 * l4 / 3) - Math.log(thirds(shape.lnq).mean);
  return { a, lnMedian: a + lnqAt(shape.curve, 0.5) };
}
/** A log-normal through both levels: L4/L1 = ½(1 − Φ(z⅓ − σ)) / Φ(z⅓ − σ). */
function logNormal({ l1, l4 }) {
  const sigma = bisect((s) => 0.5 * (1 - Phi(Z13 - s)) / Phi(Z13 - s), 1e-4, 3, l4 / l1);
  const mu = Math.log(l1 / (3 * Phi(Z13 - sigma))) - sigma * sigma / 2;
  return { sigma, lnMedian: mu };
}
/**
 * The shape's percentiles remapped (affine in z): the area's quantile at z is the shape's at
 * centre + width·z. Written as a Gaussian kernel over the shape's own z axis x, so each partial
 * mean is one sum over a fixed grid: ∫ Q_S(Φ(x)) φ((x − centre)/width)/width dx.
 */
const KX = [], KDX = 0.01;
for (let x = -10; x <= 12 + 1e-9; x += KDX) KX.push(x);
function zMapped(shape, { l1, l4 }, median) {
  if (!shape.kq) shape.kq = KX.map((x) => Math.exp(shape.curve.name === 'piecewise' && x >= Z90 ? shape.curve.at(x, -Math.log(Phi(-x))) : shape.curve.at(x)));
  const q = shape.kq;
  const K = (centre, width) => {
    let lo = 0, hi = 0; const cut = centre + width * Z13;
    for (let i = 0; i < KX.length; i++) {
      const u = (KX[i] - centre) / width, v = q[i] * Math.exp(-u * u / 2) / width;
      if (KX[i] < cut) lo += v; else hi += v;
    }
    const k = KDX / Math.sqrt(2 * Math.PI);
    return { l1: 3 * lo * k, l4: 1.5 * hi * k };
  };
  const r = l4 / l1;
  const widthFor = (centre) => bisect((w) => { const k = K(centre, w); return k.l4 / k.l1; }, 0.2, 3, r, 40);
  const centre = bisect((c) => Math.log(K(c, widthFor(c)).l1), -3, 3, Math.log(l1), 40);
  const width = widthFor(centre);
  return { centre, width, lnMedian: lnqAt(shape.curve, Phi(centre)) };
}

const METHODS = {
  'affine ln w, state (principal)': (m, lv, occ) => affineLnW(stateCurve(MODEL, occ, principalState(m, occ)), lv),
  'affine ln w, national': (m, lv, occ) => affineLnW(stateCurve(MODEL, occ, 'US'), lv),
  'shift only, state': (m, lv, occ) => shiftOnly(stateCurve(MODEL, occ, principalState(m, occ)), lv),
  'log-normal': (m, lv) => logNormal(lv),
  'percentiles remapped (affine z), state': (m, lv, occ) => zMapped(stateCurve(MODEL, occ, principalState(m, occ)), lv),
  'percentiles remapped (affine z), national': (m, lv, occ) => zMapped(stateCurve(MODEL, occ, 'US'), lv),
  'percentiles remapped, last-named state': (m, lv, occ) => zMapped(stateCurve(MODEL, occ, namedStates(m).reverse().find((st) => dataset.occupations[occ].areas[st]) ?? 'US'), lv),
  'blend ½ affine ln w + ½ log-normal': (m, lv, occ) => ({ lnMedian: (METHODS['affine ln w, state (principal)'](m, lv, occ).lnMedian + logNormal(lv).lnMedian) / 2 }),
};

let MODEL = 'hermite';
const OCCS = ['15-1252', '15-1253', '15-2051'];
const pairs = medians.filter((r) => OCCS.includes(r.OCC_CODE)).map((r) => ({ area: r.AREA, name: r.AREA_TITLE, occ: r.OCC_CODE, median: Number(r.A_MEDIAN) }));

function evaluate(name, method) {
  const rows = pairs.map((p) => {
    const lv = levelsOf(p.area, p.occ);
    const fit = method(p.area, lv, p.occ);
    const model = Math.exp(fit.lnMedian);
    return { ...p, ...lv, model, err: model / p.median - 1, fit };
  });
  const mae = rows.reduce((s, r) => s + Math.abs(r.err), 0) / rows.length;
  const worst1252 = Math.max(...rows.filter((r) => r.occ === '15-1252').map((r) => Math.abs(r.err)));
  const worst = rows.reduce((w, r) => (Math.abs(r.err) > Math.abs(w.err) ? r : w));
  return { name, rows, mae, worst1252, worst, over8: rows.filter((r) => Math.abs(r.err) > 0.08).length };
}

export { PhiInv, Phi, thirds, hermite, piecewise, affineLnW, logNormal, shiftOnly, zMapped, stateCurve, principalState, levelsOf, pairs, evaluate, METHODS };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  for (const model of ['piecewise', 'hermite']) {
    MODEL = model;
    console.log(`\n== state curves: ${model}`);
    console.log('method | MAE | worst 15-1252 | pairs > 8 % | worst pair');
    for (const [name, method] of Object.entries(METHODS)) {
      const e = evaluate(name, method);
      console.log(`${name} | ${pct(e.mae)} | ${pct(e.worst1252)} | ${e.over8} | ${e.worst.name} ${e.worst.occ} ${pct(e.worst.err)}`);
      if (args.includes('--pairs')) for (const r of e.rows) console.log(`   ${r.area} ${r.occ} ${principalState(r.area, r.occ)} BLS ${r.median} model ${Math.round(r.model)} ${pct(r.err)}  L1 ${r.l1} L4 ${r.l4}  ${JSON.stringify(r.fit, (k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))}`);
    }
  }
}
