// What the widget does where an engine lacks something it uses: it still computes, styles itself
// and draws every panel without scheduler.postTask, requestIdleCallback, IntersectionObserver,
// ResizeObserver or constructable style sheets; markup pre-rendered as a declarative shadow root
// that an engine does not understand is ignored, not shown twice; without CSS light-dark() its
// colours fall back to the host page's, which stay readable; and a POSIX "C" locale still gets
// grouped money. Runs in every engine (scripts/test runs it in Chromium, Firefox and WebKit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, reference, usd, dist, hostPage, hostHtml, assertNoProblems, engine } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

/** Runs before any script of the page: takes away what older engines do not have. */
function withoutModernApis() {
  for (const name of ['scheduler', 'requestIdleCallback', 'IntersectionObserver', 'ResizeObserver']) delete window[name];
  delete Document.prototype.adoptedStyleSheets;
  delete ShadowRoot.prototype.adoptedStyleSheets;
  window.__removed = ['scheduler', 'requestIdleCallback', 'IntersectionObserver', 'ResizeObserver'].filter((n) => n in window).length === 0
    && !('adoptedStyleSheets' in Document.prototype);
}

test('without postTask, idle callbacks, observers or adopted style sheets the widget computes, styles and draws every panel', T, async () => {
  const page = await env.newPage();
  await page.addInitScript(withoutModernApis);
  // No CSP on this host page: the widget's fallback is a <style> element in its shadow root.
  const url = hostPage(env, '/host-old-engine.html', hostHtml({ body: '<salary-calculator id="w" layout="full" area="TX" salary="120000"></salary-calculator>' }));
  await page.goto(url);
  assert.equal(await page.evaluate(() => window.__removed), true, 'the APIs are gone before the widget loads');
  const r = await waitForResult(page, '#w', (x) => x.salary === 120000 && x.costOfLiving && x.takeHome);
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(120000, { area: 'TX' }).percentile) < 1e-9);
  const w = page.locator('#w');
  // The widget's stylesheet as a <style> element, and (this is the full layout) its print rules
  // as a second one (print-styles.js).
  assert.deepEqual(await w.evaluate((el) => [...el.shadowRoot.querySelectorAll('style')].map((s) => s.dataset.sheet ?? 'widget')),
    ['widget', 'print'], 'the styles as <style> elements');
  assert.equal(await w.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.root')).backgroundColor), 'rgb(255, 255, 255)');
  await w.locator('#f-salary').fill('135000');
  await waitForResult(page, '#w', (x) => x.salary === 135000);
  // Every panel, the far ones included, shows the new figures (waitForResult waited for aria-busy to clear).
  const ca = calc.costOfLiving(135000, 'TX', 'CA');
  assert.equal(await w.locator('table.col-table tr[data-area=CA] td').first().textContent(), usd(ca.equivalent), 'the comparison across states is drawn');
  await assertNoProblems(env, assert);
});

test('pre-rendered markup an engine does not take as a shadow root is left inert, and the widget builds its own', T, async () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const prerendered = /<salary-calculator[^>]*data-prerendered[^>]*>[\s\S]*?<\/salary-calculator>/.exec(html)[0];
  // What an engine without declarative shadow DOM sees: a plain <template> child (the attribute
  // renamed to the pre-standard one, which no current engine acts on).
  const old = prerendered.replace('shadowrootmode="open"', 'shadowroot="open"');
  assert.notEqual(old, prerendered);
  const page = await env.newPage();
  const url = hostPage(env, '/host-no-dsd.html', hostHtml({ body: old }));
  await page.goto(url);
  const r = await waitForResult(page, '#calculator');
  assert.ok(r.estimate);
  const seen = await page.locator('#calculator').evaluate((el) => ({
    frames: el.shadowRoot.querySelectorAll('.frame').length,
    template: el.querySelector(':scope > template') !== null,
    outputs: el.shadowRoot.querySelectorAll('[data-output="percentile"]').length,
  }));
  assert.deepEqual(seen, { frames: 1, template: true, outputs: 1 });
  await page.locator('#calculator #f-salary').fill('88000');
  await waitForResult(page, '#calculator', (x) => x.salary === 88000);
  await assertNoProblems(env, assert);
});

test('without CSS light-dark() the widget takes the host page’s colours and stays readable', T, async () => {
  // An engine without light-dark() drops every colour the widget defines with it, as it drops
  // these values, which no engine parses: what is left is what the page passes on.
  const names = ['accent', 'background', 'surface', 'text', 'muted', 'border', 'error', 'marker'];
  const css = `body { background: #101010; color: #f0f0f0; } salary-calculator { ${names.map((n) => `--salary-${n}: light-dark-unsupported(#fff, #000);`).join(' ')} }`;
  const page = await env.newPage();
  const url = hostPage(env, '/host-no-light-dark.html', hostHtml({ head: `<style>${css}</style>`, body: '<salary-calculator id="w" salary="100000"></salary-calculator>' }));
  await page.goto(url);
  await waitForResult(page, '#w', (x) => x.salary === 100000);
  const look = await page.locator('#w').evaluate((el) => {
    const root = el.shadowRoot.querySelector('.root');
    const lead = el.shadowRoot.querySelector('[data-result=percentile]');
    return { bg: getComputedStyle(root).backgroundColor, text: getComputedStyle(lead).color, shown: lead.getBoundingClientRect().height > 0 };
  });
  assert.deepEqual(look, { bg: 'rgba(0, 0, 0, 0)', text: 'rgb(240, 240, 240)', shown: true }, 'light text on the page’s dark background');
  await assertNoProblems(env, assert);
});

test('in a POSIX "C" locale money is still grouped', { ...T, skip: engine === 'chromium' ? 'Chromium’s locale emulation refuses "C"' : false }, async () => {
  const posix = await setup({ locale: 'C' });
  try {
    const page = await posix.newPage();
    await page.goto(`${posix.origin}/embed-example.html`);
    await waitForResult(page, '#texas', (r) => r.salary === 120000);
    const text = await page.locator('#texas [data-result=percentile]').textContent();
    assert.match(text, /\$120,000 a year/, text);
    await assertNoProblems(posix, assert);
  } finally {
    await posix.close();
  }
});
