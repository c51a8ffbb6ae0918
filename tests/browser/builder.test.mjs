// The embed builder on the page: loaded only when opened (it is in neither the widget nor the
// page's first script), its choices drive a live widget and three snippets (script, iframe, link),
// and each snippet, pasted or opened, gives the embed that was chosen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, reference, dist, hostPage, assertNoProblems } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

async function openBuilder() {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  await page.locator('#embed-builder > summary').click();
  await page.locator('#b-occupation').waitFor();
  return page;
}

test('the builder is a file of its own, fetched only when it is opened', T, async () => {
  for (const name of readdirSync(dist).filter((n) => /^(salary-calculator.*\.js|page\.mjs)$/.test(n))) {
    assert.ok(!/Parts shown|Iframe \(sites that allow/.test(readFileSync(join(dist, name), 'utf8')), `${name} holds none of the builder`);
  }
  const page = await env.newPage();
  const start = env.requests.length;
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  await page.waitForTimeout(500);
  assert.ok(!env.requests.slice(start).some((u) => u.includes('embed-builder')), 'not loaded with the page');
  await page.locator('#embed-builder > summary').click();
  await page.locator('#b-occupation').waitFor();
  assert.equal(env.requests.slice(start).filter((u) => u.endsWith('/embed-builder.mjs')).length, 1);
  await assertNoProblems(env, assert);
});

test('choices drive the live widget and the three snippets, and each snippet gives that embed', T, async () => {
  const page = await openBuilder();
  await page.locator('#b-occupation').selectOption('15-1254');
  await page.locator('#b-area').selectOption('CA');
  await page.locator('#b-experience').selectOption('senior');
  await page.locator('#b-salary').fill('150,000');
  await page.locator('input[name=panels][value=estimate]').click(); // off
  await page.locator('input[name=panels][value=career]').check();
  await page.locator('input[name=theme][value=dark]').check();
  const r = await waitForResult(page, '#builder-preview', (x) => x.salary === 150000 && x.where.area === 'CA' && Array.isArray(x.career));
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(150000, { occupation: '15-1254', area: 'CA' }).percentile) < 1e-9);
  assert.deepEqual(await page.locator('#builder-preview section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'career', 'sources']);

  const attributes = 'occupation="15-1254" area="CA" experience="senior" salary="150000" panels="percentile career sources" theme="dark"';
  const script = await page.locator('#b-script').inputValue();
  assert.equal(script, `<script type="module" src="${env.origin}/salary-calculator.js"></script>\n<salary-calculator ${attributes}></salary-calculator>`);
  const iframe = await page.locator('#b-iframe').inputValue();
  const src = /src="([^"]+)"/.exec(iframe)[1];
  assert.equal(src, `${env.origin}/embed.html#occupation=15-1254&area=CA&experience=senior&salary=150000&panels=percentile+career+sources&theme=dark`);
  assert.match(iframe, /title="Software developer salary calculator" width="100%" height="\d+"/);
  assert.ok(Number(/height="(\d+)"/.exec(iframe)[1]) >= 400);
  const link = await page.locator('#b-link').inputValue();
  assert.equal(link, `${env.origin}/#occupation=15-1254&area=CA&experience=senior&salary=150000`);

  // The script snippet pasted into a post.
  const post = await env.newPage();
  await post.goto(hostPage(env, '/pasted.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title><link rel="icon" href="data:,"></head><body>${script}</body></html>`));
  const pasted = await waitForResult(post, 'salary-calculator', (x) => x.salary === 150000 && Array.isArray(x.career));
  assert.equal(pasted.percentile.area, r.percentile.area);
  assert.equal(await post.locator('salary-calculator').getAttribute('theme'), 'dark');
  // The iframe's page, opened.
  const framed = await env.newPage();
  await framed.goto(src);
  await waitForResult(framed, '#calculator', (x) => x.salary === 150000 && x.inputs.experience === 'senior');
  assert.deepEqual(await framed.locator('#calculator section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'career', 'sources']);
  // The link.
  const linked = await env.newPage();
  await linked.goto(link);
  await waitForResult(linked, '#calculator', (x) => x.salary === 150000 && x.where.area === 'CA' && x.inputs.experience === 'senior');

  // The full layout checks every part; a copy button copies or selects its snippet.
  await page.locator('input[name=layout][value=full]').check();
  assert.equal(await page.locator('input[name=panels]:checked').count(), 10); // every panel, the offers comparison included
  assert.doesNotMatch(await page.locator('#b-script').inputValue(), /panels=/, 'all parts: no panels attribute needed');
  await page.locator('button[data-copy=b-iframe]').click();
  // The status is written once the clipboard answers (a promise): wait for it, then read it.
  await page.locator('.builder-status').filter({ hasText: /^Iframe/ }).waitFor();
  assert.match(await page.locator('.builder-status').textContent(), /^Iframe .*: (copied to the clipboard|selected; copy it)/);
  await assertNoProblems(env, assert);
});

test('what is typed into the builder cannot break out of the snippets', T, async () => {
  const page = await openBuilder();
  await page.locator('#b-salary').fill('"><script>alert(1)</script>');
  await page.waitForTimeout(200);
  const script = await page.locator('#b-script').inputValue();
  assert.doesNotMatch(script, /alert/, script);
  assert.match(script, /<salary-calculator occupation="15-1252" salary="1"><\/salary-calculator>$/, 'only the digits are kept');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
  await assertNoProblems(env, assert);
});
