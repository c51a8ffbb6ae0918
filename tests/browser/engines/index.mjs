// Which browser engine the browser tests run in: BROWSER=chromium (the default), firefox or webkit
// (scripts/test runs the suite once in each). Chromium is driven by playwright-core as before; the
// other two through adapters that give the tests the same Page and Locator API (page.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const engine = process.env.BROWSER || 'chromium';
export const ENGINES = ['chromium', 'firefox', 'webkit'];
if (!ENGINES.includes(engine)) throw new Error(`BROWSER=${engine}: expected one of ${ENGINES.join(', ')}`);

/**
 * `{ skip }` for a test that needs Chromium: false there, elsewhere the reason (node:test prints it).
 * Use it only where the reason is the test tool, not the product: say which.
 */
export const chromiumOnly = (why) => (engine === 'chromium' ? false : `Chromium only: ${why}`);

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A fresh browser profile in the chosen engine. Returns {context, newPage, requests, problems,
 * drainProblems, blockNetwork, close} (after blockNetwork() every request but file: ones fails): `requests` lists every URL requested, `problems` every console error and
 * uncaught exception (call drainProblems() first: WebKit's are collected from its pages).
 */
export async function launch({ colorScheme = 'light', viewport = { width: 1280, height: 900 }, timeout = 60_000, locale = 'en-US' } = {}) {
  const requests = [];
  const problems = [];
  if (engine === 'chromium') {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'salary-browser-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, colorScheme, viewport, locale, timezoneId: 'UTC',
    });
    context.setDefaultTimeout(timeout);
    context.on('request', (r) => requests.push(r.url()));
    const watch = (page) => {
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    };
    context.on('page', watch);
    for (const p of context.pages()) watch(p);
    return {
      context, requests, problems,
      newPage: () => context.newPage(),
      drainProblems: async () => {},
      async blockNetwork() {
        await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
        await context.setOffline(true);
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  }
  const { startProxy } = await import('./proxy.mjs');
  let initScript = '';
  const proxy = await startProxy({ initScript: () => initScript });
  // WebKit's request log is the proxy's; Firefox's its pages' own (the proxy also sees Firefox's
  // background traffic, which it refuses).
  const log = engine === 'webkit' ? proxy.requests : requests;
  const options = { proxyPort: proxy.port, proxy, colorScheme, viewport, timeout, locale, problems, requests: log, setInitScript: (s) => { initScript = s; } };
  const browser = engine === 'firefox'
    ? await (await import('./firefox.mjs')).launchFirefox(options)
    : await (await import('./webkit.mjs')).launchWebKit(options);
  return {
    context: { newPage: browser.newPage, cookies: browser.cookies },
    requests: log, problems,
    newPage: browser.newPage,
    drainProblems: () => browser.drainProblems?.(),
    blockNetwork: () => proxy.blockAll(),
    async close() {
      try {
        await browser.close();
      } finally {
        await proxy.close();
      }
    },
  };
}
