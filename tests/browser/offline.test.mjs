// dist/salary-calculator.offline.html: one self-contained file that computes when opened from
// file:// with every network request blocked, and again after the browser's "Save page as".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, waitForResult, reference, dist, root, assertNoProblems, choosePlace, offlinePageScript } from './helpers.mjs';

// Every panel of the widget (read as text: the panel list imports modules that need the build).
const PANEL_COUNT = [...readFileSync(join(root, 'web/ui/panels/index.js'), 'utf8').matchAll(/^  \{ name: '/gm)].length;

const T = { timeout: 180_000 };
const file = join(dist, 'salary-calculator.offline.html');
let env, calc, scratch;

before(async () => {
  calc = await reference();
  scratch = mkdtempSync(join(tmpdir(), 'salary-offline-'));
  env = await setup({ server: false });
  // No network at all: every request that is not the file itself is refused.
  await env.blockNetwork();
});
after(async () => {
  await env?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function computeIn(url, salary) {
  const page = await env.newPage();
  await page.goto(url);
  await waitForResult(page, '#calculator');
  await page.locator('#calculator #f-salary').fill(String(salary));
  await choosePlace(page.locator('#calculator #f-area'), 'TX');
  const r = await waitForResult(page, '#calculator', (x) => x.salary === salary && x.where.area === 'TX');
  const expected = calc.percentileOf(salary, { area: 'TX' }).percentile;
  assert.ok(Math.abs(r.percentile.area - expected) < 1e-9, `${r.percentile.area} vs ${expected}`);
  assert.match(await page.locator('#calculator [data-result=percentile]').textContent(), /of software developers in Texas/);
  // Every metro area is in the file too: a city finds its metro, with its prevailing wage levels.
  await choosePlace(page.locator('#calculator #f-area'), 'Austin');
  const austin = await waitForResult(page, '#calculator', (x) => x.where.area === '12420' && x.prevailingWage);
  assert.equal(austin.prevailingWage.levels[0].annual, calc.prevailingWage({ area: '12420' }).levels[0].annual);
  await choosePlace(page.locator('#calculator #f-area'), 'TX');
  await waitForResult(page, '#calculator', (x) => x.where.area === 'TX');
  return page;
}

test('the offline file is one self-contained file with a hash-based CSP', () => {
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet|type="module"/);
  assert.doesNotMatch(html, /\s(src|href)="(?!data:|#|https:\/\/)[^"]*"/, 'no reference to another file');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  // Two scripts may run: the inline one, and the page script it unpacks (gzipped, as text).
  const pageScript = offlinePageScript(scripts[0]);
  assert.ok(pageScript.includes('"salary-calculator"') && pageScript.includes('getElementById("calculator")'), 'the page script defines the widget');
  assert.ok(csp.includes(`script-src ${hash(scripts[0])} ${hash(pageScript)} 'wasm-unsafe-eval';`), csp);
  assert.ok(csp.includes(`style-src ${hash(styles[0])}`), csp);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|connect-src/);
});

test('it computes from file:// with all network blocked', T, async () => {
  await computeIn(pathToFileURL(file).href, 120000);
  assert.deepEqual(env.requests.filter((u) => !u.startsWith('file:')), []);
  await assertNoProblems(env, assert);
});

test('it keeps working after "Save page as"', T, async () => {
  const page = await computeIn(pathToFileURL(file).href, 99000);
  await page.locator('#share-button').click();
  // What Chromium's "Save page as" writes: the current DOM, serialized, with a mark of the web.
  const saved = await page.evaluate(() => `<!DOCTYPE html>\n<!-- saved from url=(0014)about:internet -->\n${document.documentElement.outerHTML}`);
  // The unpacked page script removed itself once run: the copy runs the inline script only.
  assert.equal([...saved.matchAll(/<script\b/g)].length, 1);
  const copy = join(scratch, 'Saved salary calculator.html');
  writeFileSync(copy, saved);
  const again = await computeIn(pathToFileURL(copy).href, 101000);
  assert.equal(await again.locator('#share-output').isHidden(), true, 'the saved share output is reset');
  assert.equal(await again.locator('#calculator section[data-panel]').count(), PANEL_COUNT, `every panel (${PANEL_COUNT})`);
  assert.deepEqual(env.requests.filter((u) => !u.startsWith('file:')), []);
  await assertNoProblems(env, assert);
});
