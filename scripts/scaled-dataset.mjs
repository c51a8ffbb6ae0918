// Big datasets for measuring how loading scales (scripts/bench-loading.mjs) and for the tests of
// the dataset's limits: the shipped dataset plus made-up entries. The made-up figures are valid
// (the loader accepts them) and never shown to anyone.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The shipped dataset as an object (a fresh copy each call). */
export function shippedDataset() {
  return JSON.parse(readFileSync(join(root, 'data/salary-data.json'), 'utf8'));
}

/** The loader's limits, read from the one place they are defined: {kAreas: 10000, …}. */
export function datasetLimits() {
  const header = readFileSync(join(root, 'core/src/dataset_limits.hpp'), 'utf8');
  const limits = {};
  for (const [, name, value] of header.matchAll(/constexpr \w+ (k\w+) = ([\d<\s]+);/g)) {
    limits[name] = value.includes('<<') ? value.split('<<').map(Number).reduce((a, b) => a * 2 ** b) : Number(value);
  }
  return limits;
}

const FACTOR_LISTS = ['specializations', 'skills', 'technologies', 'certifications', 'company_types'];
const madeUpFactor = (list, i, source) => ({ id: `made-up-${list}-${i}`, label: `Made-up ${list} ${i}`,
  group: `made-up-${i % 50}`, premium: { low: 0.01, high: 0.02 }, source });

/**
 * The shipped dataset grown by made-up entries: `areas` metro areas (each with a price parity and
 * prevailing wage levels, so three tables grow), `skills` skill factors, `occupations` (each with a
 * national and five state rows), `sources`, `norms` (compensation norms) and `estimates`
 * (published estimates).
 */
export function scaledDataset({ areas = 0, skills = 0, occupations = 0, sources = 0, norms = 0, estimates = 0 } = {}) {
  const d = shippedDataset();
  const source = Object.keys(d.sources)[0];
  const states = Object.keys(d.areas).filter((code) => d.areas[code].kind === 'state');
  for (let i = 0; i < sources; i++) d.sources[`made-up-source-${i}`] = { publisher: `Publisher ${i}`, title: `Made-up source ${i}` };
  for (let i = 0; i < areas; i++) {
    const code = String(9000000 + i); // seven digits like an OFLC code, from 9000000 where none is
    const state = states[i % states.length];
    d.areas[code] = { name: `Made-up metro ${i}, ${state}`, kind: 'metro', states: [state] };
    d.price_parities.metros.values[code] = 80 + (i % 400) / 10;
    const level1 = 60000 + (i % 1000) * 50;
    d.prevailing_wages.levels['15-1252'][code] = [level1, level1 + 20000, level1 + 40000, level1 + 60000];
  }
  const rows = d.occupations['15-1252'].areas;
  for (let i = 0; i < occupations; i++) {
    const picked = ['US', ...states.slice(i % 40, (i % 40) + 5)].filter((code) => rows[code]);
    d.occupations[`99-${String(i).padStart(4, '0')}`] = {
      title: `Made-up occupation ${i}`, source: d.occupations['15-1252'].source,
      areas: Object.fromEntries(picked.map((code) => [code, rows[code]])),
    };
  }
  for (let i = 0; i < skills; i++) d.factors.skills.push(madeUpFactor('skills', i, source));
  for (let i = 0; i < norms; i++) {
    d.compensation_norms.push({ id: `made-up-norm-${i}`, component: 'bonus_percent', low: 5, high: 10, applies_to: 'any',
      label: `Made-up norm ${i}`, source });
  }
  for (let i = 0; i < estimates; i++) {
    d.published_estimates.push({ publisher: `Site ${i}`, role: 'Developer', statistic: 'average', value: 100000 + i, source });
  }
  return d;
}

/**
 * The shipped dataset grown to `fraction` of every entry limit at once (1 = at every limit): the
 * largest dataset the loader accepts, short of the byte limit.
 */
export function datasetAtLimits(fraction) {
  const L = datasetLimits();
  const d = shippedDataset();
  const room = (limit, used) => Math.floor(fraction * (limit - used));
  const grown = scaledDataset({
    areas: room(L.kAreas, Object.keys(d.areas).length),
    occupations: room(L.kOccupations, Object.keys(d.occupations).length),
    sources: room(L.kSources, Object.keys(d.sources).length),
    norms: room(L.kCompensationNorms, d.compensation_norms.length),
    estimates: room(L.kPublishedEstimates, d.published_estimates.length),
  });
  for (const list of FACTOR_LISTS) {
    const n = room(L.kFactors, d.factors[list].length);
    for (let i = 0; i < n; i++) grown.factors[list].push(madeUpFactor(list, i, grown.factors[list][0].source));
  }
  return grown;
}

/** Entries of a dataset: sources, areas, occupations and their wage rows, keyed tables, list items. */
export function countEntries(d) {
  const size = (o) => (Array.isArray(o) ? o.length : Object.keys(o).length);
  return size(d.sources) + size(d.areas) + Object.values(d.occupations).reduce((n, o) => n + 1 + size(o.areas) + size(o.gaps || []), 0)
    + Object.values(d.prevailing_wages.levels).reduce((n, byArea) => n + size(byArea), 0)
    + Object.values(d.metro_medians.values).reduce((n, byArea) => n + size(byArea), 0)
    + size(d.price_parities.portions.values) + size(d.world_regions.ranges) + size(d.price_parities.states.values)
    + size(d.price_parities.metros.values) + size(d.experience_levels) + FACTOR_LISTS.reduce((n, list) => n + size(d.factors[list]), 0)
    + size(d.compensation_norms) + size(d.published_estimates);
}
