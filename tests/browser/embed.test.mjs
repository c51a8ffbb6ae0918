// The widget as a guest on someone else's page: the host's CSS, however aggressive, leaves its
// rendering unchanged; importing it defines no global but the custom element; it downloads only
// the panels it shows; it marks its first result for the benchmark; and custom datasets are
// shared between widgets and freed when the last one lets go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, foreign, reference, root, dist, hostPage, hostHtml, decodePng, pixelDifference, assertNoProblems, engine } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

// The box the widget is given: the same 640 px at the same place on both pages (WebKit rasterizes
// text in form controls a little differently at another x). On the aggressive page the ID
// selector's !important rules outrank the attack's, as a real page's layout would.
const BOX = `#box { display: block !important; position: absolute !important; top: 8px !important; left: 8px !important;
  width: 640px !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: #fff !important; }`;
const WIDGET = `<div id="box"><salary-calculator id="w" theme="light" area="TX" salary="120000" experience="senior"
  panels="percentile estimate offer sources"></salary-calculator></div>`;
const AGGRESSIVE = `
  html { font-size: 31px; }                       /* rem units would grow by half */
  * { all: unset; }                               /* the host element becomes display: inline */
  body { font: italic 40px/3 "Comic Sans MS", cursive !important; color: red !important; letter-spacing: 4px !important;
         word-spacing: 9px !important; text-transform: uppercase !important; text-align: center !important;
         text-indent: 50px !important; white-space: pre !important; direction: rtl !important; visibility: visible !important; }
  salary-calculator { all: unset; font-size: 40px !important; color: red !important; line-height: 3 !important;
                      font-weight: 900 !important; cursor: wait !important; --_accent: red; --_bg: black; --_text: lime; }
  salary-calculator * { color: red !important; font-size: 40px !important; display: inline !important; }
  salary-calculator::before { content: "injected" !important; }
  div, span, p, table, section, form, label, input, select, h2, svg, ul, li, tr, td, th {
    font-size: 40px !important; color: red !important; display: inline !important; margin: 20px !important;
    padding: 20px !important; border: 5px solid red !important; background: yellow !important; }
  input, select, button { font-family: "Comic Sans MS", cursive !important; text-transform: uppercase !important; }
  ${BOX}`;

async function shoot(name, css) {
  const page = await env.newPage();
  const url = await hostPage(env, `/host-${name}.html`, hostHtml({ head: `<style>${css}</style>`, body: WIDGET }));
  // Tall enough for the whole widget: Chromium paints nothing for parts of an element screenshot
  // beyond the viewport on the aggressive page (its root and body are inline there).
  await page.setViewportSize({ width: 1280, height: 3000 });
  await page.goto(url);
  await waitForResult(page, '#w', (r) => r.salary === 120000 && r.estimate);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300); // the chart's width settles (ResizeObserver)
  const box = page.locator('#w .frame'); // the widget's own box: everything it draws is inside
  const size = await box.evaluate((el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; });
  const host = await page.locator('#w').evaluate((el) => getComputedStyle(el).display);
  return { page, png: await box.screenshot({ animations: 'disabled', caret: 'hide' }), size, host };
}

// "Unchanged" means: the widget's own box (.frame, the one element in its shadow root, which
// draws everything the widget shows) has the same size and the same pixels, given the same width.
// The host element's own box belongs to the page: `all: unset` makes it display: inline, and the
// page may give it margins or hide it; the widget renders the same inside either way.
test('a host page with aggressive global CSS leaves the widget’s rendering unchanged', T, async () => {
  const plain = await shoot('plain', `body { margin: 8px; } ${BOX}`);
  const hostile = await shoot('aggressive', AGGRESSIVE);
  assert.equal(plain.host, 'block', 'the widget makes its host a block');
  assert.equal(hostile.host, 'inline', 'the page’s all: unset wins on the host element itself');
  assert.deepEqual(hostile.size, plain.size, 'the widget’s box has the same size');
  assert.equal(plain.size[0], 640);
  if (process.env.SCREENSHOTS) {
    (await import('node:fs')).writeFileSync(`${process.env.SCREENSHOTS}/plain.png`, plain.png);
    (await import('node:fs')).writeFileSync(`${process.env.SCREENSHOTS}/aggressive.png`, hostile.png);
  }
  if (!plain.png.equals(hostile.png)) {
    const a = decodePng(plain.png), b = decodePng(hostile.png);
    // WebKitGTK antialiases some edges a little differently from one paint to the next (by up to
    // ~60 levels, on ~0.05% of the pixels); what the host page could do (its colours, fonts, sizes)
    // changes pixels by far more than that.
    const { differing, total } = pixelDifference(a, b, engine === 'webkit' ? 64 : 8);
    assert.ok(differing <= total * 0.0001, `${differing} of ${total} pixels differ`);
  }
  // The page's rules did not reach in: no red text, no yellow boxes, no injected content.
  const inside = await hostile.page.locator('#w').evaluate((el) => {
    const label = el.shadowRoot.querySelector('label');
    const cs = getComputedStyle(label);
    return { color: cs.color, font: cs.fontFamily, size: cs.fontSize, transform: cs.textTransform, background: getComputedStyle(el.shadowRoot.querySelector('.panel')).backgroundColor };
  });
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.doesNotMatch(inside.font, /Comic/);
  assert.equal(inside.size, '14px');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.background, 'rgb(246, 248, 250)');
  await assertNoProblems(env, assert);
});

test('importing the widget defines no global but the custom element, and touches nothing else', T, async () => {
  const page = await env.newPage();
  // A page that does not load the widget yet: import it later and compare.
  const url = await hostPage(env, '/host-globals.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Globals</title><link rel="icon" href="data:,"></head><body><main></main></body></html>');
  await page.goto(url);
  const snapshot = () => page.evaluate(() => {
    const names = (o) => Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o).map(String)).sort();
    return {
      window: names(globalThis),
      prototypes: Object.fromEntries([Object, Array, Function, String, Number, Promise, Node, Element, HTMLElement, Document, EventTarget, CSSStyleSheet]
        .map((C) => [C.name, names(C.prototype)])),
      statics: { JSON: names(JSON), Math: names(Math), Object: names(Object), Reflect: names(Reflect) },
      head: document.head.innerHTML, body: document.body.innerHTML,
      sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
    };
  });
  const before = await snapshot();
  await page.evaluate(() => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = './salary-calculator.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }));
  await page.evaluate(() => { document.querySelector('main').append(document.createElement('salary-calculator')); });
  await waitForResult(page, 'salary-calculator', (r) => r.estimate);
  await page.evaluate(() => document.querySelector('salary-calculator').setAttribute('panels', 'take-home cost-of-living compare'));
  await waitForResult(page, 'salary-calculator', (r) => r.takeHome && r.costOfLiving);
  const afterwards = await snapshot();
  assert.equal(await page.evaluate(() => typeof customElements.get('salary-calculator')), 'function');
  // Chromium itself adds nothing on its own here: allow nothing.
  assert.deepEqual(afterwards.window.filter((n) => !before.window.includes(n)), []);
  assert.deepEqual(afterwards.prototypes, before.prototypes);
  assert.deepEqual(afterwards.statics, before.statics);
  assert.equal(afterwards.head, `${before.head}<script type="module" src="./salary-calculator.js"></script>`);
  assert.equal(afterwards.sheets, before.sheets, 'no stylesheet added to the page');
  await assertNoProblems(env, assert);
});

test('a compact widget downloads only what it renders; other panels load when shown', T, async () => {
  const session = await setup(); // a fresh cache
  try {
    const page = await session.newPage();
    const url = await hostPage(session, '/host-compact.html', hostHtml({ body: '<salary-calculator id="w" salary="95000"></salary-calculator>' }));
    await page.goto(url);
    await waitForResult(page, '#w', (r) => r.salary === 95000 && r.estimate);
    await page.waitForTimeout(300);
    const names = () => session.requests.map((u) => new URL(u).pathname.slice(1)).filter((n) => n !== 'host-compact.html');
    const panelsLoaded = () => names().map((n) => /^salary-calculator-(?!chunk)(.+)-[A-Z0-9]+\.js$/.exec(n)?.[1]).filter(Boolean).sort();
    assert.deepEqual(panelsLoaded(), ['estimate', 'percentile', 'sources']);
    assert.ok(!names().includes('salary-data-extras.bin'), 'the tax tables and price levels are not fetched');
    assert.ok(!names().some((n) => /json/.test(n)), 'nor the JSON module');
    assert.deepEqual(names().filter((n) => !/^salary-calculator(-.+)?\.js$/.test(n)).sort(),
      ['salary-core.mjs', 'salary-core.wasm', 'salary-data.bin']); // the glue and the data loader are bundled into salary-core.mjs
    // Showing take-home pay fetches its code and the tax tables, then it computes.
    await page.locator('#w').evaluate((el) => { el.panels = 'percentile take-home'; });
    const r = await waitForResult(page, '#w', (x) => x.takeHome);
    assert.ok(Math.abs(r.takeHome.net - calc.takeHome({ salary: 95000 }).net) < 1e-6);
    assert.deepEqual(panelsLoaded(), ['estimate', 'percentile', 'sources', 'take-home']);
    assert.ok(names().includes('salary-data-extras.bin'));
    assert.ok(!names().includes('salary-data-areas.bin'), 'no metro areas until a place is looked for');
    // Looking for a place (focusing the place field) fetches the search and every metro area; a
    // city then finds its metro.
    const area = page.locator('#w #f-area');
    await area.focus();
    await area.fill('Seattle');
    await page.locator('#w #f-area-list [role=option]').first().waitFor();
    assert.ok(names().includes('salary-data-areas.bin'));
    assert.ok(names().some((n) => /^salary-calculator-place-field-[A-Z0-9]+\.js$/.test(n)), names().join());
    await area.press('Enter');
    const seattle = await waitForResult(page, '#w', (x) => x.where.area === '42660' && x.takeHome);
    assert.equal(seattle.takeHome.state, 'WA');
    // One first-result mark per page.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('salary-calculator:first-result').length), 1);
    assert.deepEqual(foreign(session.requests, session.origin), []);
    await assertNoProblems(session, assert);
  } finally {
    await session.close();
  }
});

test('a panel whose code cannot be downloaded says so, and the rest of the widget works', T, async () => {
  const session = await setup(); // a fresh module map
  try {
    const page = await session.newPage();
    const career = readdirSync(dist).find((n) => /^salary-calculator-career-[A-Z0-9]+\.js$/.test(n));
    session.route(`/${career}`, (req) => req.socket.destroy()); // the connection drops
    const url = await hostPage(session, '/host-broken-chunk.html',
      hostHtml({ body: '<salary-calculator id="w" salary="100000" panels="percentile career sources"></salary-calculator>' }));
    await page.goto(url);
    const r = await waitForResult(page, '#w', (x) => x.salary === 100000);
    assert.ok(Math.abs(r.percentile.area - calc.percentileOf(100000).percentile) < 1e-9);
    assert.equal(r.career, undefined);
    assert.match(await page.locator('#w section[data-panel=career] .panel-error').textContent(), /^This part could not be loaded \(.+\)\. Reloading the page may help\.$/);
    await page.locator('#w #f-salary').fill('110000');
    await waitForResult(page, '#w', (x) => x.salary === 110000);
    // Only the failed request itself is logged; nothing is thrown.
    assert.deepEqual((await session.takeProblems()).filter((p) => !/Failed to load resource|net::ERR/.test(p)), []);
  } finally {
    await session.close();
  }
});

test('the first result is marked once per page, however many widgets', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/embed-example.html`);
  await waitForResult(page, '#texas', (r) => r.salary === 120000);
  await waitForResult(page, '#california', (r) => r.estimate);
  await page.locator('#texas #f-salary').fill('130000');
  await waitForResult(page, '#texas', (r) => r.salary === 130000);
  const marks = await page.evaluate(() => performance.getEntriesByName('salary-calculator:first-result').map((m) => ({ type: m.entryType, t: m.startTime })));
  assert.equal(marks.length, 1);
  assert.equal(marks[0].type, 'mark');
  assert.ok(marks[0].t > 0);
  await assertNoProblems(env, assert);
});

test('custom datasets are shared between widgets and disposed when the last one lets go', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-dispose.html', hostHtml({ body: '<main></main>' }));
  await page.goto(url);
  // Count Calculator.dispose() calls: the widget shares this module (./salary-core.mjs).
  await page.evaluate(async () => {
    const { Calculator } = await import('./salary-core.mjs');
    const dispose = Calculator.prototype.dispose;
    window.__disposed = 0;
    Calculator.prototype.dispose = function counted() {
      window.__disposed++;
      return dispose.call(this);
    };
  });
  const data = JSON.parse(readFileSync(join(root, 'data/salary-data.json'), 'utf8'));
  data.occupations['15-1252'].areas.TX.p50 = 133333;
  const disposed = () => page.evaluate(() => window.__disposed);
  const median = (id) => page.evaluate((sel) => document.querySelector(sel).result?.percentile?.distribution.points.p50
    ?? document.querySelector(sel).result?.estimate?.base.points.p50, `#${id}`);
  await page.evaluate((dataset) => {
    window.__dataset = dataset;
    for (const id of ['a', 'b']) {
      const el = document.createElement('salary-calculator');
      el.id = id;
      el.setAttribute('area', 'TX');
      el.setAttribute('salary', '100000');
      el.salaryDataset = dataset; // the same object: one Calculator for both
      document.querySelector('main').append(el);
    }
  }, data);
  await waitForResult(page, '#a', (r) => r.salary === 100000);
  await waitForResult(page, '#b', (r) => r.salary === 100000);
  assert.equal(await median('a'), 133333);
  assert.equal(await median('b'), 133333);

  // A lets go: B still uses it, so it is not disposed, and B keeps computing with it.
  await page.evaluate(() => { document.querySelector('#a').salaryDataset = null; });
  await waitForResult(page, '#a', (r) => r.percentile.distribution.points.p50 === 130500);
  assert.equal(await disposed(), 0);
  await page.locator('#b #f-salary').fill('140000');
  await waitForResult(page, '#b', (r) => r.salary === 140000 && r.percentile.distribution.points.p50 === 133333);

  // Moving B elsewhere on the page keeps it; removing it lets go of the last use.
  await page.evaluate(() => { const b = document.querySelector('#b'); document.body.append(b); });
  await page.waitForTimeout(100);
  assert.equal(await disposed(), 0);
  await page.locator('#b #f-salary').fill('141000');
  await waitForResult(page, '#b', (r) => r.salary === 141000 && r.percentile.distribution.points.p50 === 133333);
  await page.evaluate(() => { window.__b = document.querySelector('#b'); window.__b.remove(); });
  await page.waitForFunction(() => window.__disposed === 1);

  // Put back, it loads the dataset anew (not the disposed one) and works.
  await page.evaluate(() => document.querySelector('main').append(window.__b));
  await page.locator('#b #f-salary').fill('142000');
  await waitForResult(page, '#b', (r) => r.salary === 142000 && r.percentile.distribution.points.p50 === 133333);
  // A third widget with the same dataset shares B's; C letting go frees nothing, B then does.
  await page.evaluate(() => {
    const el = document.createElement('salary-calculator');
    el.id = 'c';
    el.setAttribute('area', 'TX');
    el.setAttribute('salary', '100000');
    el.salaryDataset = window.__dataset;
    document.querySelector('main').append(el);
  });
  await waitForResult(page, '#c', (r) => r.salary === 100000 && r.percentile.distribution.points.p50 === 133333);
  await page.evaluate(() => { document.querySelector('#c').salaryDataset = null; });
  await waitForResult(page, '#c', (r) => r.percentile.distribution.points.p50 === 130500);
  assert.equal(await disposed(), 1);
  await page.evaluate(() => { document.querySelector('#b').salaryDataset = null; });
  await waitForResult(page, '#b', (r) => r.percentile.distribution.points.p50 === 130500);
  await page.waitForFunction(() => window.__disposed === 2);
  // The default data is never disposed, and every widget still computes.
  await page.locator('#a #f-salary').fill('99000');
  await waitForResult(page, '#a', (r) => r.salary === 99000);
  assert.equal(await disposed(), 2);
  await assertNoProblems(env, assert);
});

// Since the dataset-src download is given up when no widget needs it any more (issue 14), a widget
// removed while its dataset loads leaves no Calculator behind: nothing to dispose, and the server
// sees the browser hang up.
test('a widget removed while its dataset loads gives up the download, and a re-added one loads again', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-detach.html', hostHtml({ body: '<main></main>' }));
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const dataset = readFileSync(join(root, 'data/salary-data.json'));
  const first = { asked: false, hungUp: false };
  env.route('/slow.json', async (req, res) => {
    const held = !first.asked;
    first.asked = true;
    if (held) res.on('close', () => { first.hungUp = !res.writableFinished; });
    if (held) await gate;
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(dataset);
  });
  await page.goto(url);
  await page.evaluate(async () => {
    const { Calculator } = await import('./salary-core.mjs');
    const dispose = Calculator.prototype.dispose;
    window.__disposed = 0;
    Calculator.prototype.dispose = function counted() { window.__disposed++; return dispose.call(this); };
    const el = document.createElement('salary-calculator');
    el.id = 'slow';
    el.setAttribute('dataset-src', './slow.json');
    document.querySelector('main').append(el);
  });
  for (let i = 0; i < 100 && !first.asked; i++) await page.waitForTimeout(100);
  assert.ok(first.asked, 'the download started');
  await page.evaluate(() => document.querySelector('#slow').remove()); // while the dataset is still loading
  for (let i = 0; i < 100 && !first.hungUp; i++) await page.waitForTimeout(100);
  assert.ok(first.hungUp, 'the browser gave the download up');
  release();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__disposed), 0, 'no Calculator was made, so none to dispose');
  // Another widget with the same dataset-src loads it again.
  await page.evaluate(() => {
    const el = document.createElement('salary-calculator');
    el.id = 'back';
    el.setAttribute('dataset-src', './slow.json');
    el.setAttribute('salary', '90000');
    document.querySelector('main').append(el);
  });
  const r = await waitForResult(page, '#back', (x) => x.salary === 90000);
  assert.equal(r.version, calc.version());
  assert.equal(await page.locator('#back [data-dataset-error]').count(), 0);
  await assertNoProblems(env, assert);
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
