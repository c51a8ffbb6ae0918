// The embeddable widget on the sample blog post: it renders, emits `change`, two widgets work
// independently on one shared wasm instance, attributes and properties mirror each other, the
// host page's CSS and globals are untouched, and a custom dataset can be given (or fails visibly).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, foreign, reference, root, assertNoProblems } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

async function openEmbed() {
  const page = await env.newPage();
  // Record every `change` event the page sees (they bubble out of the shadow roots).
  await page.addInitScript(() => {
    window.__changes = [];
    document.addEventListener('change', (e) => window.__changes.push({ id: e.target.id, composed: e.composed, salary: e.detail && e.detail.salary, area: e.detail && e.detail.where && e.detail.where.area }));
  });
  await page.goto(`${env.origin}/embed-example.html`);
  await waitForResult(page, '#texas', (r) => r.salary === 120000);
  await waitForResult(page, '#california', (r) => r.estimate !== null);
  return page;
}

test('the embed example renders both widgets and they emit change', T, async () => {
  const page = await openEmbed();
  const texas = await page.evaluate(() => document.querySelector('#texas').result);
  const expected = calc.percentileOf(120000, { area: 'TX' });
  assert.ok(Math.abs(texas.percentile.area - expected.percentile) < 1e-9);
  assert.match(await page.locator('#texas [data-result=percentile]').textContent(), /higher than about 41% of software developers in Texas/);
  const changes = await page.evaluate(() => window.__changes);
  assert.ok(changes.some((c) => c.id === 'texas' && c.salary === 120000 && c.composed), 'change from #texas');
  assert.ok(changes.some((c) => c.id === 'california'), 'change from #california');
  // Compact layout by default; the second one shows only the panels it asked for.
  assert.deepEqual(await page.locator('#texas section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'estimate', 'sources']);
  assert.deepEqual(await page.locator('#california section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'career', 'sources']);
  assert.deepEqual(foreign(env.requests, env.origin), []);
  await assertNoProblems(env, assert);
});

test('two widgets on one page work independently on one wasm instance', T, async () => {
  const before = env.requests.length;
  const page = await openEmbed();
  await page.locator('#texas #f-salary').fill('150000');
  await waitForResult(page, '#texas', (r) => r.salary === 150000);
  const ca = await page.evaluate(() => document.querySelector('#california').result);
  assert.equal(ca.salary, null, 'typing in one widget leaves the other alone');
  assert.equal(ca.where.area, 'CA');
  await page.locator('#california #f-salary').fill('200000');
  const r = await waitForResult(page, '#california', (x) => x.salary === 200000);
  const expected = calc.percentileOf(200000, { occupation: '15-1254', area: 'CA' });
  assert.ok(Math.abs(r.percentile.area - expected.percentile) < 1e-9);
  assert.equal((await page.evaluate(() => document.querySelector('#texas').result)).salary, 150000);
  // One fetch each of the wasm and the dataset for both widgets; the JSON module is not needed.
  const loaded = env.requests.slice(before);
  assert.equal(loaded.filter((u) => u.endsWith('/salary-core.wasm')).length, 1);
  assert.equal(loaded.filter((u) => u.endsWith('/salary-data.bin')).length, 1);
  assert.equal(loaded.filter((u) => /salary-core-json/.test(u)).length, 0);
  await assertNoProblems(env, assert);
});

test('attributes and properties mirror each other; define() is idempotent', T, async () => {
  const page = await openEmbed();
  const el = page.locator('#texas');
  assert.deepEqual(await el.evaluate((e) => [e.occupation, e.area, e.salary, e.layout, e.experience, e.panels]),
    ['15-1252', 'TX', 120000, 'compact', '', ['percentile', 'estimate', 'sources']]);
  await el.evaluate((e) => { e.area = 'WA'; e.salary = 130000; e.experience = 'mid'; });
  assert.deepEqual(await el.evaluate((e) => [e.getAttribute('area'), e.getAttribute('salary'), e.getAttribute('experience')]), ['WA', '130000', 'mid']);
  const r = await waitForResult(page, '#texas', (x) => x.where.area === 'WA' && x.salary === 130000 && x.inputs.experience === 'mid');
  assert.ok(Math.abs(r.estimate.typical - calc.estimate({ area: 'WA', experience: 'mid' }).typical) < 1e-6);
  assert.equal(await page.locator('#texas #f-area').inputValue(), 'Washington'); // the place field shows its name
  await el.evaluate((e) => { e.panels = ['career']; e.layout = 'full'; });
  await waitForResult(page, '#texas', (x) => Array.isArray(x.career));
  assert.deepEqual(await page.locator('#texas section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['career']);
  assert.equal(await el.getAttribute('panels'), 'career');
  // Defining again is harmless; the class can also be defined under another tag.
  const other = await page.evaluate(() => {
    const C = customElements.get('salary-calculator');
    C.define();
    C.define('my-salary-calculator');
    return Boolean(customElements.get('my-salary-calculator'));
  });
  assert.ok(other);
  // A bad attribute value is reported next to its field, not thrown.
  await el.evaluate((e) => { e.area = 'Atlantis'; });
  await waitForResult(page, '#texas', (x) => Boolean(x.errors.area));
  assert.match(await page.locator('#texas #f-area-error').textContent(), /No place matches “Atlantis”/);
  await assertNoProblems(env, assert);
});

test('the widget defines no global and the host page CSS does not reach it', T, async () => {
  const blank = await env.newPage();
  await blank.goto(`${env.origin}/salary-core.d.ts`); // a same-origin document without scripts
  const baseline = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
  await blank.close();
  await env.takeProblems(); // that document's /favicon.ico 404 (earlier tests asserted theirs)
  const page = await openEmbed();
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((n) => !baseline.has(n) && n !== '__changes');
  assert.deepEqual(added, []);
  const styles = await page.locator('#texas #f-occupation').evaluate((s) => {
    const cs = getComputedStyle(s);
    return { font: cs.fontFamily, transform: cs.textTransform };
  });
  assert.doesNotMatch(styles.font, /Comic Sans/);
  assert.equal(styles.transform, 'none');
  const cell = await page.locator('#texas table.breakdown td').first().evaluate((td) => getComputedStyle(td).borderTopStyle);
  assert.notEqual(cell, 'double');
  // The blog's ::part() and custom property reach the themed widget.
  const themed = await page.locator('#california').evaluate((e) => {
    const strong = e.shadowRoot.querySelector('.panel h2');
    return { panel: getComputedStyle(e.shadowRoot.querySelector('.panel')).borderTopColor, accent: getComputedStyle(e.shadowRoot.querySelector('.tag') || strong).backgroundColor };
  });
  assert.equal(themed.panel, 'rgb(201, 179, 209)');
  assert.equal(themed.accent, 'rgb(123, 45, 142)');
  // theme="dark" on a light page.
  const root = (el) => getComputedStyle(el.shadowRoot.querySelector('.root')).backgroundColor;
  assert.equal(await page.locator('#texas').evaluate(root), 'rgb(255, 255, 255)');
  await page.locator('#texas').evaluate((el) => { el.theme = 'dark'; });
  assert.equal(await page.locator('#texas').evaluate(root), 'rgb(13, 17, 23)');
  assert.equal(await page.locator('#texas').getAttribute('theme'), 'dark');
  await assertNoProblems(env, assert);
});

test('a custom dataset can be given, and one that fails is shown with the default data kept', T, async () => {
  const page = await openEmbed();
  const data = JSON.parse(readFileSync(join(root, 'data/salary-data.json'), 'utf8'));
  const tx = data.occupations['15-1252'].areas.TX;
  for (const k of ['p10', 'p25', 'p50', 'p75', 'p90']) tx[k] = Math.round(tx[k] * 1.5);
  // Dataset text is shown as text, and only http(s) URLs become links.
  data.sources['bls-oews-2024'].publisher = '<img src=x onerror="window.__pwned=1">BLS';
  data.sources['bls-oews-2024'].url = 'javascript:window.__pwned=1';
  await page.evaluate((dataset) => {
    const el = document.createElement('salary-calculator');
    el.id = 'custom';
    el.setAttribute('area', 'TX');
    el.setAttribute('salary', '120000');
    el.salaryDataset = dataset;
    document.querySelector('article').append(el);
  }, data);
  const custom = await waitForResult(page, '#custom', (r) => r.salary === 120000);
  assert.equal(custom.percentile.distribution.points.p50, tx.p50);
  assert.ok(custom.percentile.area < 30);
  const hostile = await page.locator('#custom').evaluate((el) => ({
    images: el.shadowRoot.querySelectorAll('img').length,
    scriptLinks: [...el.shadowRoot.querySelectorAll('a')].filter((a) => !/^(https?:|#)/.test(a.getAttribute('href'))).length,
    shown: el.shadowRoot.querySelector('[data-source="bls-oews-2024"]').textContent,
  }));
  assert.deepEqual({ images: hostile.images, scriptLinks: hostile.scriptLinks }, { images: 0, scriptLinks: 0 });
  assert.match(hostile.shown, /<img src=x/);
  // The default widgets are unaffected.
  assert.equal((await page.evaluate(() => document.querySelector('#texas').result)).percentile.distribution.points.p50, 130500);

  // A dataset URL that does not load, and a malformed dataset object: a message, default data.
  await page.evaluate(() => {
    const a = document.createElement('salary-calculator');
    a.id = 'missing';
    a.setAttribute('dataset-src', './no-such-dataset.json');
    const b = document.createElement('salary-calculator');
    b.id = 'broken';
    b.salaryDataset = { format: 'salary-dataset/1', sources: 7 };
    document.querySelector('article').append(a, b);
  });
  await waitForResult(page, '#missing', (r) => r.estimate !== null);
  await waitForResult(page, '#broken', (r) => r.estimate !== null);
  assert.match(await page.locator('#missing [data-dataset-error]').textContent(), /could not be used.*HTTP 404.*default data/);
  assert.match(await page.locator('#broken [data-dataset-error]').textContent(), /could not be used \(.+\)\. Showing the default data/);
  // The 404 for the missing dataset is the one expected console error.
  assert.deepEqual((await env.takeProblems()).filter((p) => !/404/.test(p)), []);
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
