// The Content-Security-Policy of the page, the embed example and the offline file allows no
// remote origin and no eval, and everything works under it (no violation in a full session);
// a full session sends nothing to another origin and stores nothing: no cookie, no Web Storage,
// no IndexedDB, no Cache Storage, no service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, waitForResult, foreign, reference, dist, fullSession, watchScript, storedState, assertNoProblems, offlinePageScript } from './helpers.mjs';

const T = { timeout: 240_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

/** The directives of the CSP meta tag of a file in dist/, as {name: [sources]}. */
function cspOf(name) {
  const html = readFileSync(join(dist, name), 'utf8');
  const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) || [];
  assert.equal(metas.length, 1, `${name}: one CSP meta tag`);
  assert.ok(html.indexOf(metas[0]) < html.search(/<script|<link rel="stylesheet"|<style/), `${name}: the CSP comes before any script or style`);
  const content = /content="([^"]*)"/.exec(metas[0])[1];
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

test('the CSPs allow no remote origin, no eval and no inline code', () => {
  for (const name of ['index.html', 'embed-example.html', 'embed.html', 'salary-calculator.offline.html']) {
    const csp = cspOf(name);
    const offline = name.includes('offline');
    assert.deepEqual(csp['default-src'], [offline ? "'none'" : "'self'"], name);
    assert.ok(csp['script-src'].includes("'wasm-unsafe-eval'"), `${name}: wasm may compile`);
    for (const [directive, sources] of Object.entries(csp)) {
      for (const source of sources) {
        // Allowed: this origin, nothing, wasm compilation, data: images (the favicon), the offline
        // file's own scripts and styles by hash, and the page's inlined styles (scripts/prerender.mjs)
        // by hash; every hash must be one of the file's own inline elements (checked below).
        const ok = ["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source)
          || (source === 'data:' && directive === 'img-src')
          || (/^'sha256-[A-Za-z0-9+/]+=*'$/.test(source) && (offline ? /^(script|style)-src$/ : /^style-src$/).test(directive));
        assert.ok(ok, `${name}: ${directive} ${source}`);
      }
    }
    const html = readFileSync(join(dist, name), 'utf8');
    for (const [directive, tag] of [['style-src', 'style'], ['script-src', 'script']]) {
      const texts = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
      // The offline file's inline script runs one more, the page script it unpacks.
      if (offline && tag === 'script') texts.push(offlinePageScript(texts[0]));
      const inline = texts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
      const hashes = (csp[directive] || []).filter((s) => s.startsWith("'sha256-"));
      assert.deepEqual([...new Set(hashes)].sort(), [...new Set(inline)].sort(), `${name}: the ${directive} hashes are exactly the file's inline <${tag}> elements`);
    }
    // Not covered by default-src: where a <base> or a form could point.
    assert.deepEqual(csp['base-uri'], ["'none'"], name);
    assert.deepEqual(csp['form-action'], ["'none'"], name);
    assert.deepEqual(csp['object-src'] || csp['default-src'], ["'none'"], `${name}: no plugins`);
  }
});

/** Opens `url` with the watch script installed and every console message kept. */
async function open(context, url) {
  const page = await context.newPage();
  await page.addInitScript(watchScript);
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  return { page, messages };
}

const cspMessages = (messages) => messages.filter((m) => /Content.Security.Policy|Refused to/i.test(m));
const violations = (page) => page.evaluate(() => window.__watch.csp);

test('the page works under its CSP: a full session, no violation, the results compute', T, async () => {
  const { page, messages } = await open(env.context, `${env.origin}/`);
  await waitForResult(page, '#calculator');
  const r = await fullSession(page);
  const expected = calc.takeHome({ salary: 119600, area: 'WA', year: 2025, filingStatus: 'head_of_household', retirementContribution: 9000 });
  assert.ok(Math.abs(r.takeHome.net - expected.net) < 1e-6);
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(119600, { occupation: '15-1254', area: 'WA' }).percentile) < 1e-9);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(cspMessages(messages), []);
  await assertNoProblems(env, assert);
});

test('the embed example works under its CSP', T, async () => {
  const { page, messages } = await open(env.context, `${env.origin}/embed-example.html`);
  await waitForResult(page, '#texas', (r) => r.salary === 120000);
  await waitForResult(page, '#california', (r) => r.estimate);
  await page.locator('#california #f-salary').fill('150000');
  await page.locator('#california').evaluate((el) => { el.panels = 'percentile take-home cost-of-living compare'; });
  await waitForResult(page, '#california', (r) => r.salary === 150000 && r.takeHome && r.costOfLiving && r.compare);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(cspMessages(messages), []);
  await assertNoProblems(env, assert);
});

test('the offline file works under its CSP from file://, with every panel', T, async () => {
  const offline = await setup({ server: false });
  try {
    await offline.blockNetwork();
    const { page, messages } = await open(offline.context, pathToFileURL(join(dist, 'salary-calculator.offline.html')).href);
    await waitForResult(page, '#calculator');
    const r = await fullSession(page);
    assert.ok(r.takeHome && r.costOfLiving && r.compare);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(cspMessages(messages), []);
    assert.deepEqual(offline.requests.filter((u) => !u.startsWith('file:')), []);
    await assertNoProblems(offline, assert);
  } finally {
    await offline.close();
  }
});

test('a full session sends nothing elsewhere and stores nothing', T, async () => {
  const session = await setup(); // a fresh profile: nothing stored before
  try {
    const { page } = await open(session.context, `${session.origin}/`);
    await waitForResult(page, '#calculator');
    const loaded = session.requests.length;
    await fullSession(page);
    // The typed values appear in no request; the only requests after loading are for code and
    // data the panels needed (all on the page's origin).
    for (const url of session.requests) {
      assert.doesNotMatch(url, /57\.5|150000|150%2C000|119600|80k|12000|9000/, url);
      assert.match(url, /\/(salary-[a-z-]+(-[A-Z0-9]+)?\.(js|mjs|wasm|bin)|index\.html|page\.(mjs|css)|)$/, url);
    }
    assert.ok(session.requests.slice(loaded).every((u) => /\/salary-(calculator-.+\.js|data-(extras|areas)\.bin)$/.test(u)), session.requests.slice(loaded).join('\n'));
    assert.deepEqual(foreign(session.requests, session.origin), []);
    // The share link is in the page, made when asked, and nothing was stored on the way.
    assert.match(await page.locator('#share-link').inputValue(), /#.*salary=57\.5/);
    assert.deepEqual(await page.evaluate(() => window.__watch.writes), []);
    assert.deepEqual(await storedState(page, session.context), {
      cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0, contextCookies: [],
    });
    // Reloading the link restores the inputs from the URL alone.
    const link = await page.locator('#share-link').inputValue();
    const again = await session.newPage();
    await again.goto(link);
    await waitForResult(again, '#calculator', (r) => r.salary === 119600 && r.inputs.compareTo === 'CA');
    assert.deepEqual(await storedState(again, session.context), {
      cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0, contextCookies: [],
    });
    await assertNoProblems(session, assert);
  } finally {
    await session.close();
  }
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
