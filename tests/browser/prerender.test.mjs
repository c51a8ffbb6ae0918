// The page carries its default result rendered at build time (scripts/prerender.mjs): the first
// paint shows it before any script runs, the widget takes that markup over without rebuilding it,
// the figures are the ones the live calculator computes, and nothing typed early is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { setup, waitForResult, dist, assertNoProblems, chromiumOnly } from './helpers.mjs';

const T = { timeout: 120_000 };
let env;
before(async () => { env = await setup(); });
after(async () => env?.close());

/** Records, from the start of the page, every change made in the widget once parsing has ended. */
function watchMutations() {
  window.__changes = [];
  new MutationObserver(() => {
    const widget = document.querySelector('salary-calculator');
    if (!widget?.shadowRoot || widget.__watched) return;
    widget.__watched = true;
    new MutationObserver((records) => {
      if (document.readyState === 'loading') return; // the parser filling the declarative shadow root
      for (const r of records) window.__changes.push(`${r.type} ${r.target.nodeName} ${r.attributeName || ''}`.trim());
    }).observe(widget.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  }).observe(document, { childList: true, subtree: true });
}

/** A page in a browser of its own (the shared profile cannot change locale or turn scripts off). */
async function withPage(contextOptions, use) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await use(await (await browser.newContext(contextOptions)).newPage());
  } finally {
    await browser.close();
  }
}

test('dist/index.html holds the rendered widget: every panel, with its styles, allowed by the CSP', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  assert.match(html, /<salary-calculator[^>]*data-prerendered[^>]*><template shadowrootmode="open"><style>/);
  for (const panel of ['percentile', 'estimate', 'career', 'offer', 'compensation', 'take-home', 'cost-of-living', 'compare', 'sources']) {
    assert.match(html, new RegExp(`data-output="${panel}" data-shown="\\w+"`), `${panel} rendered`);
  }
  assert.doesNotMatch(html, /Loading the (salary calculator|tax tables)/, 'nothing half-loaded was saved');
  assert.doesNotMatch(html, /<link rel="stylesheet"/, 'no style sheet blocks the first paint');
});

// The engine adapters read a page by running scripts in it, so scripts cannot be turned off there.
test('with scripts off, the page still shows the default result', { ...T, skip: chromiumOnly('the Firefox and WebKit adapters need scripts to read the page') }, async () => {
  await withPage({ javaScriptEnabled: false, locale: 'en-US' }, async (page) => {
    await page.goto(`${env.origin}/`);
    assert.match(await page.locator('#calculator [data-result="estimate"]').innerText(), /typically \$\d/);
    assert.equal(await page.locator('#calculator [data-output="cost-of-living"] tbody tr').count(), 51, 'every state in the table');
  });
});

test('a visitor in another locale gets every figure in that locale, not the build-time one', { ...T, skip: chromiumOnly('a second browser with another locale is launched through playwright-core') }, async () => {
  await withPage({ locale: 'de-DE' }, async (page) => {
    await page.goto(`${env.origin}/`);
    const result = await waitForResult(page, '#calculator');
    const german = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    for (const [panel, value] of [['estimate', result.estimate.typical], ['cost-of-living', result.costOfLiving.pair.equivalent]]) {
      const text = await page.locator(`#calculator [data-output="${panel}"]`).textContent(); // (innerText skips off-screen panels: content-visibility)
      assert.ok(text.includes(german.format(value)), `${panel}: ${german.format(value)} in “${text.slice(0, 200)}”`);
    }
  });
});

test('the widget adopts the markup: no element is rebuilt and the figures are the live ones', T, async () => {
  const page = await env.newPage();
  await page.addInitScript(watchMutations);
  await page.goto(`${env.origin}/`);
  const painted = await page.locator('#calculator [data-result="estimate"]').innerText();
  const result = await waitForResult(page, '#calculator');
  await page.waitForTimeout(600); // the live region's summary comes 400 ms after a result
  const changes = await page.evaluate(() => window.__changes);
  // At the width it was rendered for, adopting it changes nothing a visitor could see.
  assert.deepEqual(changes.filter((c) => !/ data-(shown|cited)$/.test(c)), []);
  assert.equal(await page.locator('#calculator [data-result="estimate"]').innerText(), painted);
  assert.match(painted, new RegExp(`typically \\$${Number(result.estimate.typical.toPrecision(3)).toLocaleString('en-US')}`));
  // Typing after the take-over updates the result as usual.
  await page.locator('#calculator #f-salary').fill('150000');
  await waitForResult(page, '#calculator', (r) => r.salary === 150000);
  assert.match(await page.locator('#calculator [data-result="percentile"]').innerText(), /\$150,000 a year is/);
  await assertNoProblems(env, assert);
});

test('pay typed before the calculator is ready is kept and computed', T, async () => {
  const page = await env.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const wasm = readFileSync(join(dist, 'salary-core.wasm'));
  env.route('/salary-core.wasm', async (req, res) => {
    await held;
    res.writeHead(200, { 'content-type': 'application/wasm', 'cache-control': 'no-cache' });
    res.end(wasm);
  });
  await page.goto(`${env.origin}/`);
  await page.locator('#calculator #f-salary').fill('98765');
  release();
  const result = await waitForResult(page, '#calculator', (r) => r.salary === 98765);
  assert.equal(result.inputs.salary, 98765);
  assert.equal(await page.locator('#calculator #f-salary').inputValue(), '98765');
  assert.match(await page.locator('#calculator [data-result="percentile"]').innerText(), /\$98,765 a year is/);
  await assertNoProblems(env, assert);
});
