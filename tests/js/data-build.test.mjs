// data/build.mjs must reproduce the committed data/salary-data.json byte for byte from the shared
// public files, and a few key figures are pinned so that a source update that moves them is noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILDER = join(REPO, 'data', 'build.mjs');
const COMMITTED = join(REPO, 'data', 'salary-data.json');
const SHARED = resolve(REPO, '..', 'shared');

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'salary-data-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the builder reproduces the committed dataset byte for byte', () => {
  withTempDir((dir) => {
    const out = join(dir, 'salary-data.json');
    execFileSync(process.execPath, [BUILDER, '--shared', SHARED, '--out', out], { stdio: 'pipe' });
    assert.ok(readFileSync(out).equals(readFileSync(COMMITTED)), 'rebuilt file differs from data/salary-data.json');
  });
});

// The shared tree with one file rewritten by `edit(text)`; the build must fail naming `expected`.
function buildFailsWith(file, edit, expected) {
  withTempDir((dir) => {
    cpSync(SHARED, dir, { recursive: true });
    const path = join(dir, 'data', ...file.split('/'));
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    const run = spawnSync(process.execPath, [BUILDER, '--shared', dir, '--out', join(dir, 'out.json')],
      { encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, expected);
  });
}

test('the builder fails loudly when the geography file lacks an area DOL or BEA names', () => {
  buildFailsWith('oflc/Geography_2025-26.csv',
    (text) => text.split('\n').filter((l) => !l.startsWith('"41940"')).join('\n'), /41940/);
});

test('the builder fails loudly when DOL\'s Levels II and III do not split I–IV in thirds', () => {
  buildFailsWith('oflc/oflc_alc_2025-26_levels_selected.csv',
    (text) => text.replace('1000005,15-1252,89149,107078,', '1000005,15-1252,89149,117078,'), /1000005\/15-1252/);
});

test('the builder fails loudly when a BLS metro is named differently by OFLC', () => {
  buildFailsWith('bls-oews/oews_msa_M2024_medians_selected.csv',
    (text) => text.replace('"San Jose-Sunnyvale-Santa Clara, CA",15-1252', '"San Jose, CA",15-1252'), /41940/);
});

test('key figures', async (t) => {
  const data = JSON.parse(readFileSync(COMMITTED, 'utf8'));
  const text = readFileSync(COMMITTED, 'utf8');

  await t.test('format and layout', () => {
    assert.equal(data.format, 'salary-dataset/1');
    assert.equal(data.version, '2026.12.0');
    // Same text as JSON.stringify(…, null, 1) + "\n"; only the key order differs (integer-like keys).
    assert.equal(text.length, JSON.stringify(data, null, 1).length + 1);
    const areaCodes = Object.keys(data.areas);
    assert.ok(text.indexOf('"US": {') < text.indexOf('"41940": {'), 'US is listed before the metros');
    assert.equal(areaCodes.filter((c) => data.areas[c].kind === 'state').length, 51);
    assert.deepEqual(data.areas['35620'].states, ['NY', 'NJ']);
    const kinds = {};
    for (const a of Object.values(data.areas)) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
    assert.equal(kinds.metro + kinds.nonmetro, 530, 'every OFLC wage area is a place');
    assert.equal(kinds.territory, 3);
  });

  await t.test('BLS OEWS: national May 2025, states May 2024, the national median since May 2023', () => {
    const dev = data.occupations['15-1252'];
    // oews_national_selected_M2025.csv: 15-1252 A_MEDIAN 135980, A_MEAN 148100, no '#' anywhere.
    assert.equal(dev.areas.US.p50, 135980);
    assert.equal(dev.areas.US.mean, 148100);
    assert.equal(dev.areas.US.p90, 214670);
    assert.equal(dev.areas.US.source, 'bls-oews-2025');
    assert.equal(dev.areas.TX.source, undefined, 'state rows are the occupation source, May 2024');
    assert.equal(dev.source, 'bls-oews-2024');
    assert.deepEqual(dev.national_trend.map((t) => [t.release, t.median, t.source]),
      [['May 2023', 132270, 'bls-oews-2023'], ['May 2024', 133080, 'bls-oews-2024'], ['May 2025', 135980, 'bls-oews-2025']]);
    assert.equal(data.sources['bls-oews-2025'].label, 'BLS OEWS May 2025');
    assert.equal(dev.areas.CA.p90, null, 'CA 15-1252 p90 is top-coded');
    assert.equal(dev.areas.CA.p75, 212280);
    assert.equal(dev.areas.VT.employment, null, 'VT employment is ** in the BLS file');
    assert.equal(data.wage_top_code.annual, 239200);
    const qaGaps = Object.fromEntries(data.occupations['15-1253'].gaps.map((g) => [g.area, g.reason]));
    assert.ok(qaGaps.AK && qaGaps.AR && !data.occupations['15-1253'].areas.AK);
  });

  await t.test('price parities', () => {
    assert.equal(data.price_parities.states.year, 2023);
    assert.equal(data.price_parities.states.values.TX, 97.175);
    assert.equal(data.price_parities.states.values.US, 100);
    assert.equal(data.price_parities.metros.values['41940'], 110.423);
    // PARPP 2024: Texas (Nonmetropolitan Portion) 87.835; Delaware has none (0.000 in the file).
    assert.deepEqual(data.price_parities.portions.values.TX, { metro: 97.93, nonmetro: 87.835 });
    assert.deepEqual(data.price_parities.portions.values.DE, { metro: 101.105 });
  });

  await t.test('wage areas: DOL levels, BLS metro medians, counties', () => {
    // oflc_alc_2025-26_levels_selected.csv: 1000005,15-1252,89149,107078,125029,142958
    assert.deepEqual(data.prevailing_wages.levels['15-1252']['1000005'], [89149, 107078, 125029, 142958]);
    assert.equal(data.prevailing_wages.levels['15-1254'], undefined, 'DOL\'s extract has no 15-1254');
    for (const occ of ['15-1252', '15-1253', '15-2051']) {
      assert.equal(Object.keys(data.prevailing_wages.levels[occ]).length, 530);
    }
    assert.equal(data.metro_medians.values['15-1252']['41940'], 208270);
    assert.equal(Object.keys(data.metro_medians.values['15-1254']).length, 20);
    assert.ok(data.areas['12420'].counties.includes('Travis County, TX'));
    assert.equal(data.areas['32420'].name, 'Mayagüez, PR');
    assert.ok(data.areas['6600001'].counties.includes('Agana Heights, GU'), 'Guam\'s villages in title case');
    // The article's ten metro figures stay only as its figures, with the name it quoted.
    const article = data.published_estimates.filter((e) => e.source === 'seed-002' && /^\d+$/.test(e.area));
    assert.equal(article.length, 10);
    assert.equal(article.find((e) => e.area === '41940').value, 180000);
    assert.equal(article.find((e) => e.area === '41860').statistic, 'annual mean for "San Francisco-Oakland-Berkeley, CA" (article)');
    assert.equal(data.metro_wages, undefined, 'nothing is computed from them');
  });

  await t.test('tax', () => {
    assert.equal(data.tax.federal.years['2026'].standard_deduction.single, 16100);
    assert.equal(data.tax.states.years['2026'].CO.base, 'federal_taxable_income');
    assert.deepEqual(data.tax.states.years['2026'].CA.surtax, [[0, 0], [1000000, 0.01]]);
  });

  await t.test('every source id resolves', () => {
    const ids = [];
    JSON.stringify(data, (k, v) => (k === 'source' && ids.push(v), v));
    for (const id of ids) assert.ok(data.sources[id], `unknown source ${id}`);
  });
});
