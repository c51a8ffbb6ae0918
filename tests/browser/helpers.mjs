// Shared set-up for the browser tests: the dist/ server on a free loopback port, a browser with a
// fresh profile in the engine BROWSER names (Chromium, Firefox or WebKit; engines/), a record of
// every request (to assert none leaves the page's origin) and of every console error and uncaught
// exception (to assert none). Pages a test makes up are served by the same server (hostPage, route),
// so they work the same in every engine.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';
import { launch, engine } from './engines/index.mjs';
import { decode } from '../../web/offline/text91.mjs';

export { engine, chromiumOnly } from './engines/index.mjs';
export { decodePng } from './engines/png.mjs';
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
export const TIMEOUT = 60_000;

/**
 * Starts the server (unless `server: false`; `handle` answers requests of its own, see
 * scripts/serve.mjs) and a browser profile. Returns {origin, context, newPage, route, requests,
 * problems, takeProblems, blockNetwork, close}. `problems` collects console errors and
 * page errors from every page (read them through assertNoProblems or takeProblems: WebKit's are
 * collected when asked); `requests` every URL requested.
 */
export async function setup({ server = true, handle = null, colorScheme = 'light', viewport = { width: 1280, height: 900 }, locale = 'en-US' } = {}) {
  const routes = new Map();
  const answer = (req, res) => {
    if (handle?.(req, res)) return true;
    const route = routes.get(new URL(req.url, 'http://127.0.0.1').pathname);
    route?.(req, res);
    return Boolean(route);
  };
  const httpServer = server ? await startServer({ port: 0, quiet: true, handle: answer }) : null;
  const origin = httpServer ? `http://127.0.0.1:${httpServer.address().port}` : null;
  const browser = await launch({ colorScheme, viewport, locale, timeout: TIMEOUT });
  return {
    origin, engine, context: browser.context, requests: browser.requests, problems: browser.problems,
    newPage: () => browser.newPage(),
    /** From now on every request fails, but for file: URLs. */
    blockNetwork: () => browser.blockNetwork(),
    /**
     * Answers `path` on the test server with `handler(req, res)`, or with {body, contentType,
     * status}: a page made up by a test, a broken or slow file.
     */
    route(path, handler) {
      routes.set(path, typeof handler === 'function' ? handler : (req, res) => {
        res.writeHead(handler.status || 200, { 'content-type': handler.contentType || 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(handler.body);
      });
    },
    /** The problems seen so far, emptying the list. */
    async takeProblems() {
      await browser.drainProblems();
      return browser.problems.splice(0);
    },
    async close() {
      await browser.close();
      if (httpServer) {
        const closed = new Promise((resolve) => httpServer.close(resolve));
        httpServer.closeAllConnections(); // including responses a test keeps open on purpose
        await closed;
      }
    },
  };
}

/** Requests that went anywhere but `origin` (data:, blob: and file: URLs are not requests to a host). */
export const foreign = (requests, origin) => requests.filter((u) => !/^(data|blob|file):/.test(u) && !u.startsWith(`${origin}/`));

/**
 * Waits until the widget matched by `selector` has computed a result for which `check(result)` is
 * true, and shows it: no panel is still waiting to be drawn (the widget draws panels off screen
 * once the page is idle, marking them aria-busy until then). Returns the result. Polls from Node
 * (the page's CSP forbids evaluating strings in it).
 */
export async function waitForResult(page, selector = 'salary-calculator', check = () => true) {
  const deadline = Date.now() + TIMEOUT;
  let last = null;
  for (;;) {
    const seen = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return { result: el?.result ?? null, busy: Boolean(el?.shadowRoot?.querySelector('[aria-busy]')) };
    }, selector);
    last = seen.result;
    if (last && !seen.busy && check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`no matching result from ${selector}; last: ${JSON.stringify(last && { where: last.where, salary: last.salary, errors: last.errors })}${seen.busy ? ' (panels still waiting to be drawn)' : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The reference Calculator, computed in Node from the same dist/ files the page uses. */
export async function reference() {
  const { load } = await import(join(dist, 'salary-core.mjs'));
  return load();
}

/**
 * Puts a place into a place field (#f-area, #f-compareTo: typed, with suggestions) as a visitor
 * does: types it (a code, a name, a city or a county) and leaves the field, which commits it.
 */
export async function choosePlace(field, text) {
  await field.fill(text);
  await field.blur();
}

/** Formats like the page does for an en-US visitor. */
export const usd = (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v);
/** An estimate as the page shows it: 3 significant figures ($143,550 → "$144,000"), signed for a change. */
export const usd3 = (v, sign = 'auto') => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3, signDisplay: sign }).format(v);

/** Fails the test if any console error or uncaught exception was seen. */
export async function assertNoProblems(env, assert) {
  assert.deepEqual(await env.takeProblems(), [], 'console errors or page errors');
}

/**
 * Serves `html` as `path` on the test server's origin (so a host page's module script loads the
 * widget from dist/ beside it). Returns the page's URL.
 */
export function hostPage(env, path, html) {
  env.route(path, { body: html });
  return `${env.origin}${path}`;
}

/** A minimal host page: `head` goes in <head> after the widget's script, `body` in <body>. */
export const hostHtml = ({ head = '', body = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">
<script type="module" src="./salary-calculator.js"></script>
${head}</head><body>${body}</body></html>`;

/** Pixels that differ by more than `threshold` in any channel (images of different sizes: all). */
export function pixelDifference(a, b, threshold = 0) {
  if (a.width !== b.width || a.height !== b.height) return { differing: Infinity, total: a.width * a.height };
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let k = 0; k < 4; k++) {
      if (Math.abs(a.data[i + k] - b.data[i + k]) > threshold) {
        differing++;
        break;
      }
    }
  }
  return { differing, total: a.width * a.height };
}

/**
 * An init script that records, in window.__watch, every Content-Security-Policy violation and
 * every attempt to store something or send something out of band: cookies, Web Storage,
 * IndexedDB, Cache Storage, service workers, beacons. Installed before any page script runs.
 */
export function watchScript() {
  const w = { csp: [], writes: [] };
  Object.defineProperty(window, '__watch', { value: w });
  document.addEventListener('securitypolicyviolation', (e) => w.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  const wrap = (object, name, what) => {
    const original = object && object[name];
    if (typeof original !== 'function') return;
    object[name] = function watched(...args) {
      w.writes.push(`${what}(${args.map((a) => String(a).slice(0, 60)).join(', ')})`);
      return original.apply(this, args);
    };
  };
  wrap(Storage.prototype, 'setItem', 'Storage.setItem');
  wrap(typeof IDBFactory === 'function' && IDBFactory.prototype, 'open', 'indexedDB.open');
  wrap(typeof CacheStorage === 'function' && CacheStorage.prototype, 'open', 'caches.open');
  wrap(typeof ServiceWorkerContainer === 'function' && ServiceWorkerContainer.prototype, 'register', 'serviceWorker.register');
  wrap(Navigator.prototype, 'sendBeacon', 'navigator.sendBeacon');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(value) { w.writes.push(`document.cookie = ${String(value).slice(0, 60)}`); cookie.set.call(this, value); },
  });
}

/** What the page has stored, read at the end of a session: all of it should be empty. */
export async function storedState(page, context) {
  const inPage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: typeof caches === 'object' ? await caches.keys() : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
  return { ...inPage, contextCookies: (await context.cookies()).map((c) => c.name) };
}

/**
 * A full session on the page's full-layout calculator (#calculator): types into every text field,
 * sets every menu and checkbox group, opens every collapsed part, sorts the cost-of-living table,
 * follows a source link and makes a share link. Returns the last result.
 */
export async function fullSession(page, { share = true } = {}) {
  const w = page.locator('#calculator');
  await w.locator('#f-salary').fill('57.5');
  await w.locator('#f-period').selectOption('hourly');
  await w.locator('#f-occupation').selectOption('15-1254');
  await choosePlace(w.locator('#f-area'), 'WA');
  await w.locator('#f-experience').selectOption('mid');
  await w.locator('#f-specialization').selectOption('cloud');
  await w.locator('#f-companyType').selectOption('large-tech');
  await w.locator('details.more > summary').click();
  for (const name of ['skills', 'technologies', 'certifications']) await w.locator(`input[name=${name}]`).first().check();
  await w.locator('#f-offer').fill('150,000');
  await w.locator('#f-bonusPercent').fill('10%');
  await w.locator('#f-equityGrant').fill('80k');
  await w.locator('#f-equityYears').fill('4');
  await w.locator('#f-benefits').fill('12000');
  await w.locator('#f-matchPercent').fill('4');
  await waitForResult(page, '#calculator', (r) => r.takeHome && r.costOfLiving); // the tax tables are in
  await w.locator('#f-filingStatus').selectOption('head_of_household');
  await w.locator('#f-taxYear').selectOption('2025');
  await w.locator('#f-retirement').fill('9000');
  await choosePlace(w.locator('#f-compareTo'), 'California');
  await w.locator('table.col-table button[data-sort=rpp]').click();
  await w.locator('details.regions > summary').click();
  await w.locator('tr[data-factor=experience] a.cite').click();
  const result = await waitForResult(page, '#calculator', (r) => r.salary === 119600 && r.inputs.compareTo === 'CA'
    && r.takeHome?.year === 2025 && r.takeHome.filingStatus === 'head_of_household' && r.takeHome.pretaxRetirement === 9000
    && r.offer?.result && r.compensation?.benefits === 12000 && r.inputs.certifications.length === 1);
  if (share) {
    await page.locator('#share-button').click();
    await page.locator('#share-link').waitFor();
  }
  return result;
}

/**
 * The page script the offline file's inline script unpacks and runs (scripts/build-offline.mjs):
 * gzipped and written as text (web/offline/text91.mjs) in that script's `code` string.
 */
export function offlinePageScript(inlineScript) {
  const packed = /\bcode:"([^"]*)"/.exec(inlineScript);
  if (!packed) throw new Error('the offline file\'s script has no packed page script');
  return gunzipSync(decode(packed[1])).toString('utf8');
}
