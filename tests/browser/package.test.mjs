// The npm package, as a blogger would use it from a package CDN: `npm pack`, the tarball installed
// into an empty folder, that folder served from one loopback origin (with Access-Control-Allow-Origin,
// as package CDNs send it) and a blog post from another, which loads the widget with one <script>:
// it fetches its wasm and data beside its own URL and computes. Served without that header, the
// browser refuses it, as the README warns. The same package's JS API works in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentTypes } from '../../scripts/serve.mjs';
import { setup, waitForResult, reference, root, hostPage, watchScript, assertNoProblems } from './helpers.mjs';

const T = { timeout: 180_000 };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let env, calc, scratch, installed, packed, cdn, cdnOrigin;

/**
 * A package CDN on loopback: /<name>@<version>/<path> from the installed package, with the
 * headers such CDNs send (or without Access-Control-Allow-Origin when `cors` is false).
 */
function startCdn(folder) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const prefix = `/${pkg.name}@${pkg.version}/`;
    const cors = !url.searchParams.has('no-cors');
    const file = url.pathname.startsWith(prefix) ? join(folder, normalize(url.pathname.slice(prefix.length))) : null;
    if (!file || !file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] || 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'salary-package-'));
  // What `npm pack` puts in the tarball (from the dist/ that scripts/build made).
  [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }));
  const project = join(scratch, 'blog');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), '{ "name": "a-blog", "private": true }\n');
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', join(scratch, packed.filename)], { cwd: project });
  installed = join(project, 'node_modules', pkg.name);
  cdn = await startCdn(installed);
  cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;
  env = await setup();
  calc = await reference();
});
after(async () => {
  await env?.close();
  if (cdn) await new Promise((resolve) => { cdn.closeAllConnections(); cdn.close(resolve); });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the widget, the API, their types, the wasm and data, and nothing of the build', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/salary-calculator.js', 'dist/salary-calculator.d.ts', 'dist/salary-core.mjs', 'dist/salary-core.d.ts',
    'dist/salary-core.wasm', 'dist/salary-data.bin', 'dist/salary-data-extras.bin', 'dist/salary-data-areas.bin', 'dist/salary-core-node-glue.mjs',
    'dist/salary-core-full-glue.mjs', 'dist/salary-core-full.wasm',
    'dist/salary-core-json-glue.mjs', 'dist/salary-core-json.wasm', 'dist/salary-offers.mjs', 'dist/salary-offers.d.ts']) {
    assert.ok(files.includes(needed), `${needed} in the tarball`);
  }
  // Every panel chunk the widget imports is there.
  const widget = readFileSync(join(installed, 'dist/salary-calculator.js'), 'utf8');
  for (const [, chunk] of widget.matchAll(/"\.\/(salary-calculator-[\w-]+\.js)"/g)) assert.ok(files.includes(`dist/${chunk}`), chunk);
  // Only what runs or documents it: no sources, tests, build trees, precompressed copies or the page.
  for (const f of files) assert.match(f, /^(package\.json|README\.md|LICENSE|dist\/(salary-[\w.-]+\.(js|mjs|wasm|bin|d\.ts|html)|embed\.(html|mjs|css)))$/, f);
  assert.equal(pkg.private, undefined, 'publishable');
  for (const field of ['name', 'version', 'license', 'description', 'exports', 'files', 'types']) assert.ok(pkg[field], field);
  // Every path the exports and types name is in the package.
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
  for (const target of targets.filter((t) => !t.includes('*'))) assert.ok(existsSync(join(installed, target)), target);
});

test('the installed package’s JS API computes in Node', async () => {
  const { load } = await import(pathToFileURL(join(installed, pkg.exports['.'].default)).href);
  const fromPackage = await load();
  assert.equal(fromPackage.percentileOf(150000, { area: 'TX' }).percentile, calc.percentileOf(150000, { area: 'TX' }).percentile);
  assert.equal(fromPackage.version(), calc.version());
  // The offers API, by its export, over the same installed JS API.
  const { compareOffers } = await import(pathToFileURL(join(installed, pkg.exports['./offers'].default)).href);
  const offers = [{ area: 'TX', base: 150000 }, { area: 'WA', base: 170000 }];
  assert.equal(compareOffers(fromPackage, offers).differences[0].text, compareOffers(calc, offers).differences[0].text);
});

/** A blog post on the test server's origin that loads the widget from the CDN origin. */
const blogPost = (query = '', csp = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<script type="module" src="${cdnOrigin}/${pkg.name}@${pkg.version}/dist/salary-calculator.js${query}"></script>
</head><body><article><h1>Pay in Texas</h1>
<salary-calculator id="w" area="TX" salary="130000"></salary-calculator>
</article></body></html>`;

test('a blog on another origin loads the widget from the package CDN: wasm and data come from beside the script', T, async () => {
  const page = await env.newPage();
  await page.goto(hostPage(env, '/post.html', blogPost()));
  const r = await waitForResult(page, '#w', (x) => x.salary === 130000 && x.estimate);
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(130000, { area: 'TX' }).percentile) < 1e-9);
  assert.match(await page.locator('#w [data-result=percentile]').textContent(), /\$130,000 a year is higher than about \d+% of software developers in Texas/);
  const fromCdn = env.requests.filter((u) => u.startsWith(`${cdnOrigin}/`)).map((u) => new URL(u).pathname.split('/').pop());
  for (const file of ['salary-calculator.js', 'salary-core.mjs', 'salary-core.wasm', 'salary-data.bin']) assert.ok(fromCdn.includes(file), `${file} from the CDN`);
  // Nothing but the post itself from the blog's origin.
  assert.deepEqual(env.requests.filter((u) => u.startsWith(`${env.origin}/`)).map((u) => new URL(u).pathname), ['/post.html']);
  await page.locator('#w #f-salary').fill('90000');
  await waitForResult(page, '#w', (x) => x.salary === 90000);
  await assertNoProblems(env, assert);
});

test('under a host CSP that allows the CDN as README "Embed it" says, it works with no violation', T, async () => {
  const page = await env.newPage();
  await page.addInitScript(watchScript);
  const csp = `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; connect-src ${cdnOrigin}; style-src 'self'; img-src 'self' data:`;
  await page.goto(hostPage(env, '/post-csp.html', blogPost('', csp)));
  await waitForResult(page, '#w', (x) => x.salary === 130000 && x.estimate);
  assert.deepEqual(await page.evaluate(() => window.__watch.csp), []);
  await assertNoProblems(env, assert);
});

test('served without Access-Control-Allow-Origin, the browser refuses the module (hosts must send it)', T, async () => {
  const page = await env.newPage();
  const start = env.requests.length;
  await page.goto(hostPage(env, '/post-no-cors.html', blogPost('?no-cors')));
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => Boolean(customElements.get('salary-calculator'))), false);
  const asked = env.requests.slice(start);
  assert.ok(asked.some((u) => u.endsWith('/salary-calculator.js?no-cors')), 'the module was fetched');
  assert.ok(!asked.some((u) => /salary-core\.(mjs|wasm)$/.test(u)), 'and refused: nothing it imports was asked for');
  await env.takeProblems(); // the browser's report of the blocked module, where it makes one
});
