// Shared set-up for the browser tests: the dist/ server on a free loopback port, headless Debian
// Chromium through playwright-core with a fresh profile, a record of every request (to assert none
// leaves the page's origin) and of every console error and uncaught exception (to assert none).
import { mkdtempSync, rmSync } from 'node:fs';
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
 * Starts the server (unless `server: false`) and a browser context. Returns
 * {origin, context, newPage, requests, problems, close}. `problems` collects console errors and
 * page errors from every page; `requests` every URL requested.
 */
export async function setup({ server = true, colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const httpServer = server ? await startServer({ port: 0, quiet: true }) : null;
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
      if (httpServer) await new Promise((resolve) => httpServer.close(resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that went anywhere but `origin` (data:, blob: and file: URLs are not requests to a host). */
export const foreign = (requests, origin) => requests.filter((u) => !/^(data|blob|file):/.test(u) && !u.startsWith(`${origin}/`));

/**
 * Waits until the widget matched by `selector` has computed a result for which `check(result)` is
 * true, and returns it. Polls from Node (the page's CSP forbids evaluating strings in it).
 */
export async function waitForResult(page, selector = 'salary-calculator', check = () => true) {
  const deadline = Date.now() + TIMEOUT;
  let last = null;
  for (;;) {
    last = await page.evaluate((sel) => document.querySelector(sel)?.result ?? null, selector);
    if (last && check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`no matching result from ${selector}; last: ${JSON.stringify(last && { where: last.where, salary: last.salary, errors: last.errors })}`);
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
