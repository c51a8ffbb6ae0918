// Accessibility: axe finds no violations on the page (light, dark, 320 px), on the embed example
// and in the offline file (axe looks inside the shadow roots); the focus order follows the layout;
// results reach a live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, waitForResult, foreign, dist, assertNoProblems, chromiumOnly, choosePlace } from './helpers.mjs';

// axe runs through @axe-core/playwright, which needs a Playwright page: these tests run in Chromium
// only (the keyboard test with them, as it shares their set-up).
const T = { timeout: 240_000, skip: chromiumOnly('axe runs through @axe-core/playwright, which needs Playwright pages') };
let env;
before(async () => { if (!T.skip) env = await setup(); });
after(async () => env?.close());

async function audit(page, what) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('\n    ')}`);
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

/** Fills the page's calculator so that every panel shows results, open parts included. */
async function fill(page) {
  const w = page.locator('#calculator');
  await w.locator('#f-salary').fill('120000');
  await choosePlace(w.locator('#f-area'), 'TX');
  await w.locator('#f-experience').selectOption('senior');
  await w.locator('#f-offer').fill('150000');
  await w.locator('details.more > summary').click();
  await w.locator('details.regions > summary').click();
  await w.locator('input[name=skills][value=python]').check();
  await w.locator('#f-bonusPercent').fill('abc'); // an error message on show, too
  // Two offers compared (one remote, its group open), and a third half entered.
  await choosePlace(w.locator('#f-aArea'), 'Texas');
  await w.locator('#f-aBase').fill('150000');
  await choosePlace(w.locator('#f-bArea'), 'Washington');
  await w.locator('#f-bBase').fill('170000');
  await w.locator('[data-offer=b] details > summary').click();
  await choosePlace(w.locator('#f-bEmployer'), 'California');
  await w.locator('#f-cBase').fill('140000');
  await waitForResult(page, '#calculator', (r) => r.salary === 120000 && r.offer?.result && r.errors.bonusPercent
    && r.offers?.result?.offers[1].employerPercentile && r.offers.waiting.length === 1);
}

test('axe: the page, light, with every panel filled', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  await fill(page);
  await page.locator('#share-button').click();
  await audit(page, 'the page');
  await assertNoProblems(env, assert);
});

test('axe: the page in dark mode at 320 px', T, async () => {
  const dark = await setup({ colorScheme: 'dark', viewport: { width: 320, height: 800 } });
  try {
    const page = await dark.newPage();
    await page.goto(`${dark.origin}/`);
    await waitForResult(page, '#calculator');
    await audit(page, 'the page (dark, 320 px, the form folded behind the bar)');
    await page.locator('#quick-more').click(); // on a phone the form opens from the bar
    await fill(page);
    await audit(page, 'the page (dark, 320 px)');
    // The widget follows the visitor's scheme, and theme="light" overrides it.
    const background = () => page.locator('#calculator').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.root')).backgroundColor);
    assert.equal(await background(), 'rgb(13, 17, 23)');
    await page.locator('#calculator').evaluate((el) => { el.theme = 'light'; });
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await assertNoProblems(dark, assert);
  } finally {
    await dark.close();
  }
});

test('axe: the widgets on the embed example', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/embed-example.html`);
  await waitForResult(page, '#texas', (r) => r.salary === 120000);
  await waitForResult(page, '#california');
  await audit(page, 'the embed example');
  await assertNoProblems(env, assert);
});

test('axe: the offline file', T, async () => {
  const page = await env.newPage();
  await page.goto(pathToFileURL(join(dist, 'salary-calculator.offline.html')).href);
  await waitForResult(page, '#calculator');
  await audit(page, 'the offline file');
  await assertNoProblems(env, assert);
});

test('keyboard focus follows the layout and results reach the live region', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.shadowRoot ? a.shadowRoot.activeElement?.id || a.shadowRoot.activeElement?.tagName : a?.className || a?.id || a?.tagName;
  });
  const order = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order, ['skip', 'f-salary', 'f-period', 'f-occupation', 'f-area', 'f-experience', 'f-specialization']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'f-salary');
  await page.keyboard.type('87000');
  await page.waitForFunction(() => {
    const live = document.querySelector('#calculator').shadowRoot.querySelector('[role=status][aria-live=polite]');
    return /\$87,000 a year is higher than about \d+% of software developers in the United States/.test(live.textContent);
  }, null, { timeout: 30_000 });
  // Labels: every control in the shadow root has one.
  const unlabelled = await page.locator('#calculator').evaluate((el) => [...el.shadowRoot.querySelectorAll('input, select')]
    .filter((c) => !(c.labels && c.labels.length) && !c.closest('label')).map((c) => c.id || c.name));
  assert.deepEqual(unlabelled, []);
  await assertNoProblems(env, assert);
});

test('no request went to any host but the page’s own origin', T, () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
