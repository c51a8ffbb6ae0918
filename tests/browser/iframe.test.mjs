// The iframe embed (dist/embed.html) for sites that allow an <iframe> but no script: configured by
// its URL (fragment or query, the element's attribute names), a link to the full calculator with
// the same inputs, the resize protocol that grows the frame to its content on a page of another
// origin (with the host script the README gives), the host's light/dark preference, and the same
// privacy as the page: its CSP holds, nothing is sent after it loads, nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setup, waitForResult, reference, decodePng, watchScript, storedState, assertNoProblems, choosePlace } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc, blog, blogOrigin;
const blogPages = new Map();

/** The host script of README "Embed it", as a blogger would paste it (plus a record of the messages). */
const hostScript = (embedOrigin) => `
window.__messages = [];
addEventListener('message', (event) => {
  if (event.origin !== '${embedOrigin}' || !event.data || event.data.type !== 'salary-calculator:resize') return;
  window.__messages.push(event.data);
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';
  }
});`;

const blogPage = ({ src, colorScheme = 'light dark', script = true }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<style>:root { color-scheme: ${colorScheme}; } article { width: 640px; } iframe { border: 0; width: 100%; height: 700px; display: block; }</style>
</head><body><article><h1>Pay in California</h1>
<iframe id="calc" title="Salary calculator" src="${src}"></iframe>
<p>The end.</p></article>${script ? `<script>${hostScript(env.origin)}</script>` : ''}</body></html>`;

before(async () => {
  env = await setup();
  calc = await reference();
  // The blog: another loopback origin than the one serving the calculator.
  blog = createServer((req, res) => {
    const html = blogPages.get(new URL(req.url, 'http://127.0.0.1').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html || 'not found');
  });
  await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
  blogOrigin = `http://127.0.0.1:${blog.address().port}`;
});
after(async () => {
  await env?.close();
  if (blog) await new Promise((resolve) => { blog.closeAllConnections(); blog.close(resolve); });
});

const embedUrl = (config) => `${env.origin}/embed.html#${config}`;

test('embed.html shows one widget configured by its URL, and links to the full calculator with the same inputs', T, async () => {
  const page = await env.newPage();
  await page.goto(embedUrl('occupation=15-1254&area=CA&salary=150000&panels=percentile+career&theme=dark'));
  const r = await waitForResult(page, '#calculator', (x) => x.salary === 150000);
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(150000, { occupation: '15-1254', area: 'CA' }).percentile) < 1e-9);
  assert.deepEqual(await page.locator('#calculator section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'career']);
  assert.equal(await page.locator('#calculator').getAttribute('theme'), 'dark');
  const link = await page.locator('#full-link').getAttribute('href');
  assert.equal(link, `${env.origin}/#occupation=15-1254&area=CA&salary=150000`);
  assert.equal(await page.locator('#full-link').getAttribute('target'), '_blank');
  // The link opens the page with those inputs.
  const full = await env.newPage();
  await full.goto(link);
  await waitForResult(full, '#calculator', (x) => x.salary === 150000 && x.where.area === 'CA' && x.inputs.occupation === '15-1254');
  // The query works too; the fragment wins over it; unknown names and bad values do no harm.
  const query = await env.newPage();
  await query.goto(`${env.origin}/embed.html?area=TX&salary=90000&junk=1#salary=91000`);
  const q = await waitForResult(query, '#calculator', (x) => x.salary === 91000 && x.where.area === 'TX');
  assert.equal(q.inputs.salary, 91000);
  await query.goto(embedUrl('area=Atlantis&salary=lots&panels=nonsense'));
  await waitForResult(query, '#calculator', (x) => Boolean(x.errors.area && x.errors.salary));
  await assertNoProblems(env, assert);
});

test('in an iframe on another origin it grows to its content through the resize protocol, and says nothing else', T, async () => {
  blogPages.set('/post.html', blogPage({ src: embedUrl('area=CA&salary=120000') }));
  const page = await env.newPage();
  // Tall enough to show the whole frame: panels the visitor has not scrolled to keep a placeholder
  // height (content-visibility) until they are, and the frame then follows their real one.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(`${blogOrigin}/post.html`);
  const frameHeight = () => page.evaluate(() => document.getElementById('calc').getBoundingClientRect().height);
  await page.waitForFunction(() => window.__messages.length > 0 && document.getElementById('calc').style.height !== '');
  // Settled (no new message for a second): the last message's height is the frame's.
  let messages = [];
  for (let i = 0, count = -1; i < 30 && messages.length !== count; i++) {
    count = messages.length;
    await page.waitForTimeout(1000);
    messages = await page.evaluate(() => window.__messages);
  }
  assert.equal(await frameHeight(), messages.at(-1).height);
  for (const m of messages) assert.deepEqual(Object.keys(m).sort(), ['height', 'type'], 'only the height crosses to the host');
  // It is the height of the content: the same page opened at the frame's width is that tall.
  const alone = await env.newPage();
  await alone.setViewportSize({ width: 640, height: 2400 }); // all of it on screen, as in the frame
  await alone.goto(embedUrl('area=CA&salary=120000'));
  await waitForResult(alone, '#calculator', (x) => x.salary === 120000);
  // Once its panels are drawn at their real height (content-visibility keeps a placeholder height
  // until the engine has decided they are on screen): the same for half a second.
  let contentHeight = -1;
  for (let i = 0, last = -2; i < 40 && contentHeight !== last; i++) {
    last = contentHeight;
    await alone.waitForTimeout(500);
    contentHeight = await alone.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  }
  assert.ok(Math.abs(messages.at(-1).height - contentHeight) <= 2, `frame ${messages.at(-1).height} px, content ${contentHeight} px`);
  // The host changes the configuration (the fragment only: no reload): the frame follows.
  const before = await frameHeight();
  await page.evaluate((src) => { document.getElementById('calc').src = src; }, embedUrl('area=CA&salary=120000&layout=full'));
  await page.waitForFunction((h) => document.getElementById('calc').getBoundingClientRect().height > h + 200, before);
  await assertNoProblems(env, assert);
});

test('without the host script the frame keeps its height and the calculator still works in it', T, async () => {
  blogPages.set('/plain.html', blogPage({ src: embedUrl('salary=100000'), script: false }));
  const page = await env.newPage();
  await page.goto(`${blogOrigin}/plain.html`);
  await page.waitForTimeout(2000);
  assert.equal(await page.evaluate(() => document.getElementById('calc').getBoundingClientRect().height), 700);
  assert.ok(env.requests.some((u) => u.startsWith(`${env.origin}/salary-core.wasm`)), 'the frame loaded the calculator');
  await assertNoProblems(env, assert);
});

/** The colour at (x, y) of an element's screenshot, as "r,g,b". */
async function colourAt(locator, x, y) {
  const png = decodePng(await locator.screenshot());
  const i = (y * png.width + x) * 4;
  return [...png.data.subarray(i, i + 3)].join(',');
}

test('it follows the host’s light or dark scheme, and theme= in its URL overrides it', T, async () => {
  const dark = await setup({ colorScheme: 'dark' });
  try {
    blogPages.set('/dark.html', blogPage({ src: `${dark.origin}/embed.html#salary=100000` }).replaceAll(env.origin, dark.origin));
    blogPages.set('/forced-light.html', blogPage({ src: `${dark.origin}/embed.html#salary=100000&theme=light` }).replaceAll(env.origin, dark.origin));
    for (const [path, expected] of [['/dark.html', '13,17,23'], ['/forced-light.html', '255,255,255']]) {
      const page = await dark.newPage();
      await page.goto(`${blogOrigin}${path}`);
      await page.waitForFunction(() => window.__messages.length > 0);
      // Inside the widget's box (1 px of page padding, 1 px of border, then its background), once
      // the frame has been drawn (on a loaded machine that can take a while).
      let seen = null;
      for (let i = 0; i < 40 && seen !== expected; i++) {
        if (i) await page.waitForTimeout(500);
        seen = await colourAt(page.locator('#calc'), 6, 6);
      }
      assert.equal(seen, expected, path);
    }
    await assertNoProblems(dark, assert);
  } finally {
    await dark.close();
  }
});

test('the embed keeps the privacy promises: no CSP violation, nothing sent after loading, nothing stored', T, async () => {
  const session = await setup(); // a fresh profile: nothing stored before
  try {
    const page = await session.newPage();
    await page.addInitScript(watchScript);
    await page.goto(`${session.origin}/embed.html#area=WA&salary=100000&panels=percentile+take-home+cost-of-living`);
    await waitForResult(page, '#calculator', (x) => x.salary === 100000 && x.takeHome && x.costOfLiving);
    // The first place typed brings the place search and the metro areas (the embed's own files).
    await choosePlace(page.locator('#calculator #f-area'), 'OR');
    await waitForResult(page, '#calculator', (x) => x.where.area === 'OR');
    const loaded = session.requests.length;
    await page.locator('#calculator #f-salary').fill('123456');
    await choosePlace(page.locator('#calculator #f-area'), 'Portland, OR');
    await waitForResult(page, '#calculator', (x) => x.salary === 123456 && x.where.area === '38900');
    assert.deepEqual(session.requests.slice(loaded), [], 'nothing sent while typing');
    assert.ok(!session.requests.some((u) => u.includes('123456')));
    assert.ok(session.requests.every((u) => u.startsWith(`${session.origin}/`)), 'only its own files');
    assert.deepEqual(await page.evaluate(() => window.__watch), { csp: [], writes: [] });
    assert.deepEqual(await storedState(page, session.context), {
      cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0, contextCookies: [],
    });
    await assertNoProblems(session, assert);
  } finally {
    await session.close();
  }
});
