// Writes a .gz beside every text and wasm file in dist/, which scripts/serve.mjs sends to
// browsers that accept gzip: compressed once at build time (zopfli, ~5 s for dist/) instead of on
// every request.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zopfliAll } from './zopfli.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const files = readdirSync(dist).filter((name) => /\.(html|js|mjs|css|wasm|bin|json)$/.test(name)).map((name) => join(dist, name));
try {
  const gzips = await zopfliAll(files);
  files.forEach((file, i) => writeFileSync(`${file}.gz`, gzips[i]));
} catch (e) {
  console.error(`precompress: ${e.message}`);
  process.exit(1);
}
