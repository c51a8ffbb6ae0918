// Shared set-up for the browser tests: the dist/ server on a free loopback port, headless Debian
// Chromium through playwright-core with a fresh profile, a record of every request (to assert none
// leaves the page's origin) and of every console error and uncaught exception (to assert none).
import { mkdtempSync, rmSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
export const TIMEOUT = 60_000;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the server (unless `server: false`; `handle` answers requests of its own, see
 * scripts/serve.mjs) and a browser context. Returns
 * {origin, context, newPage, requests, problems, close}. `problems` collects console errors and
 * page errors from every page; `requests` every URL requested.
 */
export async function setup({ server = true, handle = null, colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const httpServer = server ? await startServer({ port: 0, quiet: true, handle }) : null;
  const origin = httpServer ? `http://127.0.0.1:${httpServer.address().port}` : null;
  const profile = mkdtempSync(join(tmpdir(), 'salary-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ARGS, colorScheme, viewport, locale: 'en-US', timezoneId: 'UTC',
  });
  context.setDefaultTimeout(TIMEOUT);
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    origin, context, requests, problems,
    async newPage() {
      const page = await context.newPage();
      return page;
    },
    async close() {
      await context.close();
      if (httpServer) {
        const closed = new Promise((resolve) => httpServer.close(resolve));
        httpServer.closeAllConnections(); // including responses a test keeps open on purpose
        await closed;
      }
      rmSync(profile, { recursive: true, force: true });
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

/** Formats like the page does for an en-US visitor. */
export const usd = (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v);

/** Fails the test if any console error or uncaught exception was seen. */
export function assertNoProblems(env, assert) {
  assert.deepEqual(env.problems, [], 'console errors or page errors');
}

/**
 * Serves `html` as `path` on the test server's origin (so a host page's module script loads the
 * widget from dist/ beside it) for this page only. Returns the page's URL.
 */
export async function hostPage(env, page, path, html) {
  const url = `${env.origin}${path}`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

/** A minimal host page: `head` goes in <head> after the widget's script, `body` in <body>. */
export const hostHtml = ({ head = '', body = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<script type="module" src="./salary-calculator.js"></script>
${head}</head><body>${body}</body></html>`;

/**
 * Decodes a PNG as Chromium writes screenshots (8-bit greyscale, RGB or RGBA, not interlaced)
 * into {width, height, data} with 4 bytes (RGBA) per pixel.
 */
export function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8, header = null;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], color: data[9], interlace: data[12] };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[header?.color];
  if (!channels || header.depth !== 8 || header.interlace !== 0) throw new Error(`unsupported PNG ${JSON.stringify(header)}`);
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[out + x] = (line[x] + predictor) & 0xff;
    }
  }
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const grey = channels <= 2;
    data[i * 4] = p[0];
    data[i * 4 + 1] = grey ? p[0] : p[1];
    data[i * 4 + 2] = grey ? p[0] : p[2];
    data[i * 4 + 3] = channels === 4 ? p[3] : channels === 2 ? p[1] : 255;
  }
  return { width, height, data };
}

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
  await w.locator('#f-area').selectOption('WA');
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
  await w.locator('#f-compareTo').fill('California');
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
