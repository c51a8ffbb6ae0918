// A minimal static file server for dist/ on loopback. No dependencies; correct MIME types (wasm
// needs application/wasm for streaming compilation); serves precompressed .gz files when present.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 8000);
const host = '127.0.0.1';

/** Content types of what dist/ holds (wasm needs application/wasm for streaming compilation). */
export const contentTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ts': 'text/plain; charset=utf-8',
};

/** `handle(req, res)`: tests' own responses; returning true means it answered (or never will). */
export function startServer({ port: p = port, quiet = false, handle = null } = {}) {
  const server = createServer((req, res) => {
    if (handle?.(req, res)) return;
    const url = new URL(req.url, `http://${host}`);
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    const headers = { 'content-type': contentTypes[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    const gz = `${file}.gz`;
    // Only a .gz at least as new as its file: a stale one would serve yesterday's build.
    const fresh = existsSync(gz) && statSync(gz).mtimeMs >= statSync(file).mtimeMs;
    const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && fresh;
    if (gzipped) headers['content-encoding'] = 'gzip';
    const body = gzipped ? gz : file;
    // With its length the response goes out in one piece, not chunked (~13 bytes less per file).
    headers['content-length'] = statSync(body).size;
    res.writeHead(200, headers);
    createReadStream(body).pipe(res);
  });
  return new Promise((resolve) => server.listen(p, host, () => {
    if (!quiet) console.log(`Serving the calculator at http://${host}:${server.address().port}/`);
    resolve(server);
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startServer();
