// The widget's contract is written down in three places that must agree with the code: the README's
// "The widget's contract" tables, web/salary-calculator.d.ts, and what web/ui/ actually reads,
// sets and styles. Read as text (the widget needs a DOM to run); the declarations are type-checked
// by using them as an embedder would (tests/types/embedder.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import './web-modules.mjs'; // the panels import the JS API: the built one

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const readme = read('README.md');
const dts = read('web/salary-calculator.d.ts');
const element = read('web/ui/element.js');
const uiSources = ['web/ui/', 'web/ui/panels/'].flatMap((dir) => readdirSync(new URL(dir, root))
  .filter((f) => f.endsWith('.js')).map((f) => read(dir + f))).join('\n');
const sorted = (xs) => [...new Set(xs)].sort();
// Read as text: panels/index.js imports fields.js, which imports the built JS API.
const PANEL_NAMES = [...read('web/ui/panels/index.js').matchAll(/\{ name: '([a-z-]+)'/g)].map((m) => m[1]);

/** The first-column names of the README table under the line starting with `heading`. */
function readmeColumn(heading) {
  const at = readme.indexOf(`\n${heading}`);
  assert.ok(at >= 0, `README has "${heading}"`);
  const rows = readme.slice(at).split('\n').slice(1);
  const table = rows.slice(rows.findIndex((l) => l.startsWith('|')));
  return table.slice(2, table.findIndex((l) => !l.startsWith('|'))).map((l) => l.split('|')[1].trim().replace(/^`|`$/g, ''));
}

test('attributes: what the element reads, the README and the declarations', () => {
  const attributes = [...element.matchAll(/this\.getAttribute\('([a-z-]+)'\)/g)].map((m) => m[1]);
  const declared = [...dts.slice(dts.indexOf('interface SalaryCalculatorAttributes'), dts.indexOf('interface SalaryCalculatorState'))
    .matchAll(/^ {2}'?([a-z-]+)'?\?:/gm)].map((m) => m[1]);
  assert.deepEqual(sorted(attributes), sorted(readmeColumn('**Attributes**')));
  assert.deepEqual(sorted(attributes), sorted(declared));
});

test('properties: the element\'s accessors, the README and the declarations', () => {
  const accessors = [...element.matchAll(/^ {2}(?:get|set) (\w+)\(/gm)].map((m) => m[1]);
  const camel = (a) => a.replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const documented = [...readmeColumn('**Attributes**').map(camel), ...readmeColumn('**Properties**').map((p) => p.split('(')[0].replace('SalaryCalculatorElement.', ''))];
  assert.deepEqual(sorted(accessors).filter((p) => !documented.includes(p)), [], 'every accessor is in the README');
  const klass = dts.slice(dts.indexOf('export declare class SalaryCalculatorElement'));
  for (const p of [...accessors, 'define']) assert.match(klass, new RegExp(`\\b${p}[(:?]|\\b(get|set) ${p}\\(`), `${p} is declared`);
});

test('::part() names: every part the widget sets is in the README, and nothing else', () => {
  const set = [...uiSources.matchAll(/part(?::| =) ['`]([^'`]+)['`]/g)].flatMap((m) => m[1].split(' '))
    .map((p) => p.replace('${p.name}', 'NAME'));
  assert.deepEqual(sorted(set), sorted(readmeColumn('**`::part()` names**')));
});

test('CSS custom properties: every one the stylesheet reads is in the README, and nothing else', () => {
  const used = [...read('web/ui/widget.css').matchAll(/var\((--salary-[a-z-]+)/g)].map((m) => m[1]);
  assert.deepEqual(sorted(used), sorted(readmeColumn('**CSS custom properties**')));
});

test('panels: the panel list, the declared panel names and each panel\'s key in the change event', async () => {
  const union = dts.slice(dts.indexOf('type SalaryCalculatorPanel'), dts.indexOf(';', dts.indexOf('type SalaryCalculatorPanel')));
  assert.deepEqual(sorted([...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1])), sorted(PANEL_NAMES));
  const result = dts.slice(dts.indexOf('interface SalaryCalculatorResult'), dts.indexOf('type SalaryCalculatorChangeEvent'));
  for (const name of PANEL_NAMES) {
    const { default: panel } = await import(new URL(`web/ui/panels/${name}.js`, root));
    if (panel.event) assert.match(result, new RegExp(`\\n  ${panel.event}\\?:`), `${name}'s figures (${panel.event}) are declared`);
    else assert.ok(['percentile', 'estimate'].includes(name), `${name} sends its figures`);
  }
});

test('the state: every field of fields.js is declared, and every field a panel adds, as optional', async () => {
  // A field is a spec ({…}) or made by a function (localityField(…)).
  const fields = [...read('web/ui/fields.js').matchAll(/^ {2}(\w+): (?:\{|\w+\()/gm)].map((m) => m[1]);
  const added = [];
  for (const name of PANEL_NAMES) {
    const own = (await import(new URL(`web/ui/panels/${name}.js`, root))).default.fields; // specs, or made with fields.js's makers
    added.push(...Object.keys(typeof own === 'function' ? own({ localityField: () => ({}) }) : own || {}));
  }
  const state = dts.slice(dts.indexOf('interface SalaryCalculatorState'), dts.indexOf('interface CareerLevel'));
  assert.deepEqual(sorted(fields), sorted([...state.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1])));
  assert.deepEqual(sorted(added), sorted([...state.matchAll(/\b(\w+)\?:/g)].map((m) => m[1])));
});

test('the declarations type-check as an embedder uses them (tests/types/embedder.ts)', () => {
  const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
  execFileSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('tests/types/tsconfig.json', root))], { encoding: 'utf8' });
});
