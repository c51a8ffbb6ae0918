// Copies the built wasm module, the JS API and the pages into dist/, and turns the dataset into a
// JS module (so the browser, Node and the offline file all get it the same way: as an import).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const built = join(root, 'build/wasm/web');
mkdirSync(dist, { recursive: true });

for (const [from, to] of [
  [join(built, 'salary-core-glue.mjs'), 'salary-core-glue.mjs'],
  [join(built, 'salary-core-glue.wasm'), 'salary-core.wasm'],
  [join(root, 'web/salary-core.mjs'), 'salary-core.mjs'],
  [join(root, 'web/salary-core.d.ts'), 'salary-core.d.ts'],
  [join(root, 'web/index.html'), 'index.html'],
  [join(root, 'web/page.mjs'), 'page.mjs'],
]) {
  if (!existsSync(from)) throw new Error(`assemble-dist: ${from} is missing (run scripts/build first)`);
  copyFileSync(from, join(dist, to));
}

const dataset = readFileSync(join(root, 'data/salary-data.json'), 'utf8');
JSON.parse(dataset); // fail here, not in a browser, if the committed file is broken
writeFileSync(join(dist, 'salary-data.mjs'),
  `// Generated from data/salary-data.json by scripts/assemble-dist.mjs.\nexport default ${JSON.stringify(JSON.stringify(JSON.parse(dataset)))};\n`);
console.log(`assemble-dist: wrote ${dist}`);
