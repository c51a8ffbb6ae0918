// Writes dist/salary-calculator.offline.html: the calculator page as ONE self-contained file that
// works from file:// with no network, and again after the browser's "Save page as".
//
// Browsers block ES modules and a separate .wasm under file://, so the page script, the widget,
// the JS API and the web-only Emscripten glue are bundled into one classic script (esbuild, IIFE).
// That script, the wasm and the dataset's three snapshots are each gzipped (zopfli) and written as
// text (web/offline/text91.mjs) into the file's only inline script, web/offline/boot.mjs, which
// unpacks them with DecompressionStream (no fetch, nothing that depends on the file's URL) and runs
// the page script. The file's CSP allows exactly those two scripts and the inlined stylesheet by
// their sha256 hashes, plus 'wasm-unsafe-eval'; it allows no connection at all.
// docs/performance.md ("The offline file") says what each of these choices saves.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { cssTextPlugin, recordSchemaPlugin, widgetBuildOptions } from './assemble-dist.mjs';
import { zopfliAll } from './zopfli.mjs';
import { encode } from '../web/offline/text91.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const out = join(root, 'dist/salary-calculator.offline.html');
const work = join(root, 'build/offline'); // the files packed into it, as they are before gzip

const fail = (message) => {
  console.error(`build-offline: ${message}`);
  process.exit(1);
};
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// 1. The SINGLE_FILE glue carries the wasm as a base64 data: URL. Take it out (the glue keeps an
//    empty data: URL, so it never tries locateFile) and hand the bytes over as wasmBinary.
const gluePath = join(root, 'build/wasm/web/wasm/salary-core-offline-glue.mjs');
const glue = readFileSync(gluePath, 'utf8');
const dataUrl = /(["'])data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)\1/;
const match = dataUrl.exec(glue);
if (!match) fail(`${gluePath} has no inlined wasm (expected a SINGLE_FILE build)`);
const strippedGlue = glue.replace(dataUrl, '$1data:application/octet-stream;base64,$1');
// Emscripten 3.1.6 optimizes the wasm before its last dead-code pass and not after; the CMake
// build optimizes the other modules once more (salary_reoptimize), which a SINGLE_FILE output
// cannot take: the same pass here, with the same flags (−0.9 KB).
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'linked.wasm'), Buffer.from(match[2], 'base64'));
try {
  execFileSync('wasm-opt', ['--post-emscripten', '-Oz', '--low-memory-unused', '--zero-filled-memory', '--mvp-features',
    join(work, 'linked.wasm'), '-o', join(work, 'wasm')], { stdio: ['ignore', 'ignore', 'inherit'] });
} catch (e) {
  fail(`wasm-opt: ${e.code === 'ENOENT' ? 'not installed (run scripts/setup)' : e.message}`);
}

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
        'no-json-module': 'export const datasetText = () => { throw new Error("custom datasets are not available in the offline file"); };',
        'no-embed-builder': 'export const mountEmbedBuilder = () => {};',
      }[args.path];
      if (contents === undefined) return { errors: [{ text: `unknown offline module ${args.path}` }] };
      return { contents, loader: 'js', resolveDir: web };
    });
  },
};

// 2. The page script: one classic script.
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
const script = result.outputFiles[0].text.trim();
// The panels are dynamic import()s in the widget; esbuild inlines them here. One left as a file
// import would fail from file:// (only the Node-only node:fs import may remain, never reached).
const imports = [...script.matchAll(/\bimport\(\s*(["'`])([^"'`]*)\1/g)].map((m) => m[2]).filter((m) => !m.startsWith('node:'));
if (imports.length) fail(`the bundle still imports ${imports.join(', ')}`);
writeFileSync(join(work, 'code'), script);

// 3. The packed files: each gzipped on its own (packed together they compress no better: the
//    script, the wasm and the snapshots share little) and written as text.
for (const name of ['core', 'extras', 'areas']) {
  writeFileSync(join(work, name), readFileSync(join(root, 'dist', { core: 'salary-data.bin', extras: 'salary-data-extras.bin', areas: 'salary-data-areas.bin' }[name])));
}
const names = ['code', 'wasm', 'core', 'extras', 'areas'];
let gzips;
try {
  gzips = await zopfliAll(names.map((name) => join(work, name)));
} catch (e) {
  fail(e.message);
}
const packed = Object.fromEntries(names.map((name, i) => [name, encode(gzips[i])]));

// 4. The inline script that unpacks them.
const boot = (await esbuild.build({
  ...widgetBuildOptions,
  entryPoints: [join(web, 'offline/boot.mjs')],
  format: 'iife',
  platform: 'browser',
  plugins: [{
    name: 'packed',
    setup(build) {
      build.onResolve({ filter: /^offline:packed$/ }, () => ({ path: 'packed', namespace: 'offline' }));
      build.onLoad({ filter: /.*/, namespace: 'offline' }, () => ({ contents: `export const PACKED = ${JSON.stringify(packed)};`, loader: 'js' }));
    },
  }],
})).outputFiles[0].text.trim();
// The text must reach the page as it is: in double quotes, never escaped (text91's alphabet has no
// '"', '\' or '<'), and the script must hold nothing that ends it early or changes how it is parsed.
for (const name of names) if (!boot.includes(`"${packed[name]}"`)) fail(`the packed ${name} is not in the script as it was written`);
if (/<\/script|<!--|<script/i.test(boot)) fail('the inline script contains "</script", "<!--" or "<script"');

// 5. The page around it: web/index.html with the stylesheet and the script inlined.
const css = (await esbuild.transform(readFileSync(join(web, 'page.css'), 'utf8'), { loader: 'css', minify: true })).code.trim();
if (/<\/style/i.test(css)) fail('page.css contains "</style"');
const csp = [
  "default-src 'none'", `script-src ${sha256(boot)} ${sha256(script)} 'wasm-unsafe-eval'`, `style-src ${sha256(css)}`,
  'img-src data:', "base-uri 'none'", "form-action 'none'",
].join('; ');

let html = readFileSync(join(web, 'index.html'), 'utf8');
const replace = (pattern, replacement, what) => {
  if (!pattern.test(html)) fail(`web/index.html: ${what} not found`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta tag');
replace(/<link rel="stylesheet" href="\.\/page\.css">/, `<style>${css}</style>`, 'the page.css link');
replace(/<script type="module" src="\.\/page\.mjs"><\/script>/, `<script>${boot}</script>`, 'the page.mjs script');
// Links to the other files of the site mean nothing in a lone file.
html = html.replace(/<p data-online-only>[\s\S]*?<\/p>\n?/g, '');
html = html.replace(/\n *<section [^>]*data-online-only>[\s\S]*?<\/section>/g, '');
html = html.replace('<title>', '<title>(offline) ');
writeFileSync(out, html);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const parts = names.map((name, i) => `${name} ${kb(readFileSync(join(work, name)).length)} → ${kb(gzips[i].length)} → ${kb(packed[name].length)}`);
console.log(`build-offline: wrote ${out} (${kb(Buffer.byteLength(html))}, gzip ${kb(gzipSync(html).length)});`
  + ` packed (raw → gzip → text): ${parts.join(', ')}`);
