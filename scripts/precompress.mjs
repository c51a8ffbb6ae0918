// Writes a .gz beside every text and wasm file in dist/, which scripts/serve.mjs sends to
// browsers that accept gzip: compressed once at build time instead of on every request.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
for (const name of readdirSync(dist)) {
  if (!/\.(html|js|mjs|css|wasm|bin|json)$/.test(name)) continue;
  writeFileSync(join(dist, `${name}.gz`), gzipSync(readFileSync(join(dist, name)), { level: 9 }));
}
