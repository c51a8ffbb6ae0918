// Writes dist/salary-calculator.offline.html: the calculator page as ONE self-contained file that
// works from file:// with no network, and again after the browser's "Save page as".
//
// Browsers block ES modules and a separate .wasm under file://, so the page script, the widget,
// the JS API and the web-only Emscripten glue are bundled into one classic script (esbuild, IIFE),
// inlined with the page's CSS. The wasm and the default dataset are inlined gzipped + base64 and
// decoded with DecompressionStream (no fetch, nothing that depends on the file's URL). The file's
// CSP allows exactly that script and that stylesheet by their sha256 hashes, plus
// 'wasm-unsafe-eval'; it allows no connection at all.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cssTextPlugin, recordSchemaPlugin, widgetBuildOptions } from './assemble-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const out = join(root, 'dist/salary-calculator.offline.html');

const fail = (message) => {
  console.error(`build-offline: ${message}`);
  process.exit(1);
};
const gzipBase64 = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// 1. The SINGLE_FILE glue carries the wasm as a base64 data: URL. Take it out (the glue keeps an
//    empty data: URL, so it never tries locateFile) and hand the bytes over as wasmBinary.
const gluePath = join(root, 'build/wasm/web/wasm/salary-core-offline-glue.mjs');
const glue = readFileSync(gluePath, 'utf8');
const dataUrl = /(["'])data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)\1/;
const match = dataUrl.exec(glue);
if (!match) fail(`${gluePath} has no inlined wasm (expected a SINGLE_FILE build)`);
const wasm = Buffer.from(match[2], 'base64');
const strippedGlue = glue.replace(dataUrl, '$1data:application/octet-stream;base64,$1');

// 2. The default dataset: the binary snapshots scripts/build wrote into dist/.
const snapshot = (name) => readFileSync(join(root, 'dist', name));

const payload = `export const WASM_GZIP_BASE64 = ${JSON.stringify(gzipBase64(wasm))};\n`
  + `export const CORE_GZIP_BASE64 = ${JSON.stringify(gzipBase64(snapshot('salary-data.bin')))};\n`
  + `export const EXTRAS_GZIP_BASE64 = ${JSON.stringify(gzipBase64(snapshot('salary-data-extras.bin')))};\n`
  + `export const AREAS_GZIP_BASE64 = ${JSON.stringify(gzipBase64(snapshot('salary-data-areas.bin')))};\n`;

const offlineSwaps = {
  name: 'offline-swaps',
  setup(build) {
    build.onResolve({ filter: /^offline:/ }, (args) => ({ path: args.path.slice('offline:'.length), namespace: 'offline' }));
    // The offline glue is the full module's (with the extras' code), for both kinds of module:
    // salary-core.mjs finds the extras' methods on the module it loaded and needs no other.
    build.onResolve({ filter: /(^|\/)salary-core(-full)?-glue\.mjs$/ }, () => ({ path: join(web, 'offline/glue.mjs') }));
    build.onResolve({ filter: /(^|\/)salary-data\.mjs$/ }, () => ({ path: join(web, 'offline/salary-data.mjs') }));
    // Custom JSON datasets need the larger JSON module, which the offline file does not carry.
    build.onResolve({ filter: /(^|\/)salary-core-json-glue\.mjs$/ }, () => ({ path: 'no-json-module', namespace: 'offline' }));
    // Embeds point at a site: the offline file has no embed builder (its section is removed below).
    build.onResolve({ filter: /(^|\/)embed-builder\.mjs$/ }, () => ({ path: 'no-embed-builder', namespace: 'offline' }));
    build.onLoad({ filter: /.*/, namespace: 'offline' }, (args) => {
      const contents = {
        'stripped-glue': strippedGlue,
        payload,
        'no-json-module': 'export const datasetText = () => { throw new Error("custom datasets are not available in the offline file"); };',
        'no-embed-builder': 'export const mountEmbedBuilder = () => {};',
      }[args.path];
      if (contents === undefined) return { errors: [{ text: `unknown offline module ${args.path}` }] };
      return { contents, loader: 'js', resolveDir: web };
    });
  },
};

// 3. One classic script.
const result = await esbuild.build({
  ...widgetBuildOptions,
  entryPoints: [join(web, 'offline/entry.mjs')],
  format: 'iife',
  platform: 'browser',
  // salary-core.mjs reads the .wasm from disk under Node; that branch never runs in a browser.
  external: ['node:*'],
  // The JS API resolves its .wasm URL against import.meta.url; offline nothing is fetched, but
  // the URL must still parse.
  define: { 'import.meta.url': 'document.baseURI' },
  plugins: [cssTextPlugin, recordSchemaPlugin, offlineSwaps],
});
let script = result.outputFiles[0].text.trim().replace(/<\/script/gi, '<\\/script');
// The panels are dynamic import()s in the widget; esbuild inlines them here. One left as a file
// import would fail from file:// (only the Node-only node:fs import may remain, never reached).
const imports = [...script.matchAll(/\bimport\(\s*(["'`])([^"'`]*)\1/g)].map((m) => m[2]).filter((m) => !m.startsWith('node:'));
if (imports.length) fail(`the bundle still imports ${imports.join(', ')}`);
if (/<!--|<script/i.test(script)) fail('the bundle contains "<!--" or "<script", which cannot be inlined safely');

// 4. The page around it: web/index.html with the stylesheet and the script inlined.
const css = (await esbuild.transform(readFileSync(join(web, 'page.css'), 'utf8'), { loader: 'css', minify: true })).code.trim();
if (/<\/style/i.test(css)) fail('page.css contains "</style"');
const csp = [
  "default-src 'none'", `script-src ${sha256(script)} 'wasm-unsafe-eval'`, `style-src ${sha256(css)}`,
  'img-src data:', "base-uri 'none'", "form-action 'none'",
].join('; ');

let html = readFileSync(join(web, 'index.html'), 'utf8');
const replace = (pattern, replacement, what) => {
  if (!pattern.test(html)) fail(`web/index.html: ${what} not found`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta tag');
replace(/<link rel="stylesheet" href="\.\/page\.css">/, `<style>${css}</style>`, 'the page.css link');
replace(/<script type="module" src="\.\/page\.mjs"><\/script>/, `<script>${script}</script>`, 'the page.mjs script');
// Links to the other files of the site mean nothing in a lone file.
html = html.replace(/<p data-online-only>[\s\S]*?<\/p>\n?/g, '');
html = html.replace(/\n *<section [^>]*data-online-only>[\s\S]*?<\/section>/g, '');
html = html.replace('<title>', '<title>(offline) ');
writeFileSync(out, html);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`build-offline: wrote ${out} (${kb(Buffer.byteLength(html))}, gzip ${kb(gzipSync(html).length)};`
  + ` wasm ${kb(wasm.length)} inlined as ${kb(gzipBase64(wasm).length)})`);
