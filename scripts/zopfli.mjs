// Zopfli (Debian's `zopfli`, installed by scripts/setup): standard gzip that any browser and
// DecompressionStream('gzip') read, 3–12 % smaller than zlib's level 9, at a cost paid once per
// build. Used for dist/'s .gz files (precompress.mjs) and the offline file (build-offline.mjs).
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

/** The gzip of a file, as a Buffer; a clear error when zopfli is missing. */
export const zopfli = (file) => promisify(execFile)('zopfli', ['-c', file], { encoding: 'buffer', maxBuffer: 64 << 20 })
  .then(({ stdout }) => stdout, (e) => {
    throw new Error(e.code === 'ENOENT' ? 'zopfli is not installed (run scripts/setup)' : `zopfli ${file}: ${e.message}`);
  });

/** zopfli over several files, one per core (the largest take most of the time): their gzips, in order. */
export async function zopfliAll(files) {
  const out = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(files.length, availableParallelism()) }, async () => {
    for (let i; (i = next++) < files.length;) out[i] = await zopfli(files[i]);
  }));
  return out;
}
