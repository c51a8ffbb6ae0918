// Crafted bad datasets, through the public API: each is rejected with a dataset_* SalaryError whose
// message starts with the JSON Pointer of the problem, and a good calculator keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load, SalaryError, MAX_DATASET_BYTES } from '../../dist/salary-core.mjs';
import { datasetAtLimits, datasetLimits, scaledDataset } from '../../scripts/scaled-dataset.mjs';

const shippedText = readFileSync(new URL('../../data/salary-data.json', import.meta.url), 'utf8');
const shipped = () => JSON.parse(shippedText);

// Set (or, with DELETE, remove) the value at a JSON Pointer.
const DELETE = Symbol('delete');
function withValue(doc, pointer, value) {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc;
  for (const k of keys.slice(0, -1)) node = node[k];
  const last = keys.at(-1);
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return doc;
}
const mutate = (pointer, value) => JSON.stringify(withValue(shipped(), pointer, value));

// [name, dataset text, expected code, expected start of the message (the path)]
const cases = [
  ['empty text', '', 'dataset_syntax', '/: not valid JSON'],
  ['truncated', shippedText.slice(0, 5000), 'dataset_syntax', '/: not valid JSON: parse error at line'],
  ['trailing garbage', shippedText + '}', 'dataset_syntax', '/: not valid JSON'],
  ['invalid UTF-8 bytes', Buffer.from(shippedText.replace('"Software Developers"', '"Software @Developers"'))
    .map((b) => (b === 0x40 ? 0xff : b)), 'dataset_syntax', '/: not valid JSON: parse error at line'],
  ['not an object', '[]', 'dataset_type', '/: must be an object'],
  ['a bare number', '42', 'dataset_type', '/: must be an object'],
  ['deeply nested', `{"format": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'dataset_value', '/format'],
  ['huge file', ' '.repeat(9 * 1024 * 1024), 'dataset_value', '/: the dataset is'],
  ['duplicate key', shippedText.replace('"format": "salary-dataset/1",', '"format": "salary-dataset/1", "format": "salary-dataset/1",'), 'dataset_duplicate', '/format: key appears twice'],
  ['duplicate source id', shippedText.replace('"sources": {', '"sources": {\n  "seed-000": {"publisher": "x", "title": "y"},'), 'dataset_duplicate', '/sources/seed-000'],
  ['wrong format', mutate('/format', 'salary-dataset/9'), 'dataset_value', '/format'],
  ['version not a string', mutate('/version', 1), 'dataset_type', '/version'],
  ['missing sources', mutate('/sources', DELETE), 'dataset_missing', '/sources'],
  ['source without title', mutate('/sources/seed-002/title', DELETE), 'dataset_missing', '/sources/seed-002/title'],
  ['area kind unknown', mutate('/areas/TX/kind', 'province'), 'dataset_value', '/areas/TX/kind'],
  ['no nation', mutate('/areas/US', DELETE), 'dataset_missing', '/areas/US'],
  ['metro in an unknown state', mutate('/areas/41940/states', ['XX']), 'dataset_reference', '/areas/41940/states/0'],
  ['non-increasing percentiles', mutate('/occupations/15-1252/areas/CA/p75', 150000), 'dataset_order', '/occupations/15-1252/areas/CA/p75: must be > p50'],
  ['equal percentiles', mutate('/occupations/15-1252/areas/US/p25', 82460), 'dataset_order', '/occupations/15-1252/areas/US/p25'],
  ['negative wage', mutate('/occupations/15-1252/areas/US/p10', -82460), 'dataset_value', '/occupations/15-1252/areas/US/p10'],
  ['absurd wage', mutate('/occupations/15-1252/areas/US/p90', 1e15), 'dataset_value', '/occupations/15-1252/areas/US/p90'],
  ['wage as a string', mutate('/occupations/15-1253/areas/TX/p50', '102610'), 'dataset_type', '/occupations/15-1253/areas/TX/p50'],
  ['missing percentile', mutate('/occupations/15-1254/areas/NY/p25', DELETE), 'dataset_missing', '/occupations/15-1254/areas/NY/p25'],
  ['wage row for an unknown area', mutate('/occupations/15-1252/areas/ZZ', { p10: 1, p25: 2, p50: 3, p75: 4, p90: 5 }), 'dataset_reference', '/occupations/15-1252/areas/ZZ'],
  ['dangling source id', mutate('/occupations/15-2051/source', 'nowhere'), 'dataset_reference', '/occupations/15-2051/source'],
  ['occupation without national row', mutate('/occupations/15-1252/areas/US', DELETE), 'dataset_missing', '/occupations/15-1252/areas/US'],
  ['prevailing wage levels for a state', mutate('/prevailing_wages/levels/15-1252/TX', [1, 2, 3, 4]), 'dataset_reference', '/prevailing_wages/levels/15-1252/TX'],
  ['prevailing wage levels out of order', mutate('/prevailing_wages/levels/15-1252/41940/3', 1), 'dataset_order', '/prevailing_wages/levels/15-1252/41940/3'],
  ['three prevailing wage levels', mutate('/prevailing_wages/levels/15-2051/41940', [1, 2, 3]), 'dataset_value', '/prevailing_wages/levels/15-2051/41940'],
  ['metro median zero', mutate('/metro_medians/values/15-1252/41940', 0), 'dataset_value', '/metro_medians/values/15-1252/41940'],
  ['metro median for an unknown area', mutate('/metro_medians/values/15-1252/99999', 100000), 'dataset_reference', '/metro_medians/values/15-1252/99999'],
  ['county not a string', mutate('/areas/12420/counties/0', 48453), 'dataset_type', '/areas/12420/counties/0'],
  ['wage area in no state', mutate('/areas/12420/states', []), 'dataset_value', '/areas/12420/states'],
  ['world range reversed', mutate('/world_regions/ranges/asia/high', 1), 'dataset_order', '/world_regions/ranges/asia/high'],
  ['price parity for a state code in metros', mutate('/price_parities/metros/values/TX', 100), 'dataset_reference', '/price_parities/metros/values/TX'],
  ['price parity zero', mutate('/price_parities/states/values/CA', 0), 'dataset_value', '/price_parities/states/values/CA'],
  ['experience band reversed', mutate('/experience_levels/2/band', [75, 50]), 'dataset_order', '/experience_levels/2/band/1'],
  ['experience band out of range', mutate('/experience_levels/0/band', [0, 25]), 'dataset_value', '/experience_levels/0/band/0'],
  ['factor without a premium', mutate('/factors/specializations/0/premium', DELETE), 'dataset_missing', '/factors/specializations/0/premium'],
  ['factor measured on an unknown occupation', mutate('/factors/skills/0/occupations/0', '99-9999'), 'dataset_reference', '/factors/skills/0/occupations/0'],
  ['experience weights that do not sum to 1', mutate('/experience_levels/0/weight', 0.5), 'dataset_value', '/experience_levels'],
  ['an experience level without a weight where the others have one', mutate('/experience_levels/1/weight', DELETE), 'dataset_missing', '/experience_levels/1/weight'],
  ['a wage row citing an unknown source', mutate('/occupations/15-1252/areas/US/source', 'bls-1999'), 'dataset_reference', '/occupations/15-1252/areas/US/source'],
  ['a national trend point without a median', mutate('/occupations/15-1252/national_trend/0/median', DELETE), 'dataset_missing', '/occupations/15-1252/national_trend/0/median'],
  ['premium below -100 %', mutate('/factors/skills/0/premium/low', -2), 'dataset_value', '/factors/skills/0/premium/low'],
  ['compensation norm for an unknown company type', mutate('/compensation_norms/0/applies_to', 'startup'), 'dataset_reference', '/compensation_norms/0/applies_to'],
  ['published estimate without a figure', mutate('/published_estimates/0', { publisher: 'x', role: 'y', statistic: 'z', source: 'seed-003' }), 'dataset_missing', '/published_estimates/0'],
  ['tax brackets not increasing', mutate('/tax/federal/years/2026/brackets/single/2/0', 100), 'dataset_order', '/tax/federal/years/2026/brackets/single/2/0'],
  ['tax rate of 100 %', mutate('/tax/federal/years/2026/brackets/single/6/1', 1), 'dataset_value', '/tax/federal/years/2026/brackets/single/6/1'],
  ['state tax for an unknown state', mutate('/tax/states/years/2026/ZZ', { type: 'none' }), 'dataset_reference', '/tax/states/years/2026/ZZ'],
  ['state tax type unknown', mutate('/tax/states/years/2025/TX/type', 'sales'), 'dataset_value', '/tax/states/years/2025/TX/type'],
  // Over the limits of docs/dataset.md: what took minutes to load (quadratic) is refused at once.
  ['20,000 metro areas', JSON.stringify(scaledDataset({ areas: 20000 })), 'dataset_value', `/areas: lists ${20000 + Object.keys(shipped().areas).length} areas; the limit is 10000`],
  ['5,000 skills', JSON.stringify(scaledDataset({ skills: 5000 })), 'dataset_value', '/factors/skills: lists 5007 factors; the limit is 500'],
  ['a megabyte occupation title', mutate('/occupations/15-1252/title', 'x'.repeat(1 << 20)), 'dataset_value', '/occupations/15-1252/title: is 1048576 characters long; the limit is 200'],
  ['a 201-character area name', mutate('/areas/TX/name', 'é'.repeat(201)), 'dataset_value', '/areas/TX/name: is 201 characters long'],
  ['a 101-character area code', mutate(`/areas/${'k'.repeat(101)}`, { name: 'x', kind: 'state' }), 'dataset_value', `/areas/${'k'.repeat(40)}…: key is 101 characters long`],
];

test(`${cases.length} crafted bad datasets are each rejected with their JSON path`, async () => {
  assert.ok(cases.length >= 30);
  const good = await load();
  for (const [name, text, code, pathStart] of cases) {
    await assert.rejects(load({ dataset: text }), (e) => {
      assert.ok(e instanceof SalaryError, `${name}: ${e}`);
      assert.equal(e.code, code, `${name}: ${e.message}`);
      assert.ok(e.message.startsWith(pathStart), `${name}: "${e.message}" should start with "${pathStart}"`);
      return true;
    }, name);
    assert.ok(Math.abs(good.percentileOf(135980).percentile - 50) < 1e-9, `${name}: the good calculator broke`);
  }
  console.log(`bad datasets: ${cases.length} rejected, each naming its JSON path`);
});

test('a dataset at every limit at once loads, with its areas in document order', async () => {
  const doc = datasetAtLimits(1);
  const calc = await load({ dataset: JSON.stringify(doc) });
  assert.equal(calc.areas().length, datasetLimits().kAreas);
  assert.deepEqual(calc.areas().map((a) => a.code), Object.keys(doc.areas));
  assert.equal(calc.factors('skill').length, datasetLimits().kFactors);
  calc.dispose();
});

test('docs/dataset.md lists the limits the loader enforces (core/src/dataset_limits.hpp)', () => {
  const docs = readFileSync(new URL('../../docs/dataset.md', import.meta.url), 'utf8');
  const table = docs.slice(docs.indexOf('## Limits'), docs.indexOf('\n## ', docs.indexOf('## Limits') + 1));
  const documented = Object.fromEntries([...table.matchAll(/^\| (.+?) \| ([\d,]+)/gm)].map(([, what, n]) => [what, Number(n.replace(/,/g, ''))]));
  const L = datasetLimits();
  const rows = {
    'the text': L.kBytes, 'nesting of objects and arrays': L.kDepth, 'an object key (a code or id), and an `id` or `group` in a list': L.kKeyChars,
    'a label, name, title or other short text (every string the loader reads except the next row)': L.kLabelChars,
    'a note, a gap\'s reason, a URL': L.kTextChars, '`sources`': L.kSources, '`areas`': L.kAreas,
    'the `states` of a metro or nonmetro area': L.kMetroStates, 'the `counties` of a metro or nonmetro area': L.kAreaCounties,
    '`occupations`, and the `occupations` a factor names': L.kOccupations,
    'the `gaps` of an occupation': L.kGaps, 'the `national_trend` of an occupation': L.kTrendReleases,
    '`experience_levels`': L.kExperienceLevels, 'each list of `factors`': L.kFactors, '`compensation_norms`': L.kCompensationNorms,
    '`published_estimates`': L.kPublishedEstimates, 'tax years, federal and state each': L.kTaxYears, 'brackets in a schedule': L.kBrackets,
    'tax rules: the `items` of a state\'s income tax, its `payroll` programs, the `taxes` of a locality, a tax\'s `credits`': L.kTaxRules,
    'the `localities` of a state': L.kLocalities,
  };
  assert.deepEqual(documented, rows);
  assert.equal(MAX_DATASET_BYTES, L.kBytes, 'the JS API checks the same byte limit before copying a dataset into wasm');
  assert.equal(Object.keys(rows).length, Object.keys(L).length, 'every limit is documented');
});

test('markup in dataset text is data, returned verbatim', async () => {
  const doc = shipped();
  doc.occupations['15-1252'].title = '<img src=x onerror=alert(1)>Software Developers';
  doc.sources['seed-002'].title = '<script>alert(1)</script>';
  const calc = await load({ dataset: doc });
  assert.equal(calc.percentileOf(1).distribution.occupationTitle, '<img src=x onerror=alert(1)>Software Developers');
  assert.equal(calc.sources().find((s) => s.id === 'seed-002').title, '<script>alert(1)</script>');
});
