// Writes a .gz beside every text and wasm file in dist/, which scripts/serve.mjs sends to
// browsers that accept gzip: compressed once at build time instead of on every request.
// Zopfli (Debian's `zopfli`, installed by scripts/setup) writes standard gzip that any browser
// reads, 3–8 % smaller than zlib's level 9, at a cost paid once per build (~5 s for dist/).
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const zopfli = (file) => promisify(execFile)('zopfli', ['-c', file], { encoding: 'buffer', maxBuffer: 64 << 20 })
  .then(({ stdout }) => stdout, (e) => {
    throw new Error(e.code === 'ENOENT' ? 'precompress: zopfli is not installed (run scripts/setup)' : `precompress: zopfli ${file}: ${e.message}`);
  });

const names = readdirSync(dist).filter((name) => /\.(html|js|mjs|css|wasm|bin|json)$/.test(name));
// One zopfli per core: the largest files take most of the time.
const queue = [...names];
await Promise.all(Array.from({ length: availableParallelism() }, async () => {
  for (let name; (name = queue.shift());) writeFileSync(join(dist, `${name}.gz`), await zopfli(join(dist, name)));
}));
