// The accuracy report: every section in scripts/accuracy.d/ computes its figures from the built
// dist/salary-core.mjs; this prints each with its goal and PASS/FAIL and rewrites ACCURACY.md
// (only on a complete run). The same sections run as tests (tests/js/accuracy.test.mjs): the
// figures are deterministic, so a goal that stops holding fails the suite.
//
// A section is a module exporting `title` (a heading), `intro` (markdown, what it measures and
// from which sources) and `async function measure(calc)`, which returns
// `{ figures: [{ figure, value, goal, pass, detail? }], tables: [markdown, …] }`.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sectionsDir = join(root, 'scripts', 'accuracy.d');

/** The section modules, in file-name order: [{ name, module }]. */
export async function sections() {
  const names = readdirSync(sectionsDir).filter((f) => f.endsWith('.mjs')).sort();
  return Promise.all(names.map(async (f) => ({
    name: f.replace(/\.mjs$/, ''),
    module: await import(pathToFileURL(join(sectionsDir, f)).href),
  })));
}

/** A calculator on the built default dataset, extras (tax tables, price levels) loaded. */
export async function calculator() {
  const { load } = await import(pathToFileURL(join(root, 'dist', 'salary-core.mjs')).href);
  return load();
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  const calc = await calculator();
  const all = (await sections()).filter((s) => !only || only.includes(s.name));
  const summary = [], bodies = [];
  for (const { name, module } of all) {
    const { figures, tables = [] } = await module.measure(calc);
    for (const f of figures) {
      summary.push({ section: module.title, ...f });
      console.log(`${f.pass ? 'PASS' : 'FAIL'}  ${f.figure}: ${f.value} (goal ${f.goal})${f.detail ? `  ${f.detail}` : ''}`);
    }
    bodies.push(`## ${module.title}\n\n${module.intro ?? ''}\n\n${tables.join('\n\n')}\n`);
    void name;
  }
  if (only) return;
  const failed = summary.filter((f) => !f.pass).length;
  const cell = (s) => String(s ?? '').replace(/\|/g, '\\|');
  const md = [
    '# Accuracy',
    '',
    `Produced by \`scripts/accuracy\` on ${new Date().toISOString().slice(0, 10)} from the built \`dist/salary-core.mjs\`.`,
    'Every figure is deterministic (no timing): the same checks run in the test suite',
    '(`tests/js/accuracy.test.mjs`). How each figure is modelled is in [docs/model.md](docs/model.md).',
    '',
    `${summary.length - failed} of ${summary.length} goals hold.`,
    '',
    '| section | figure | value | goal | | detail |',
    '|---|---|---|---|---|---|',
    ...summary.map((f) => `| ${cell(f.section)} | ${cell(f.figure)} | ${cell(f.value)} | ${cell(f.goal)} | ${f.pass ? 'PASS' : 'FAIL'} | ${cell(f.detail)} |`),
    '',
    ...bodies,
  ].join('\n');
  writeFileSync(join(root, 'ACCURACY.md'), md);
  console.log(`ACCURACY.md: ${summary.length - failed} of ${summary.length} goals hold`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
