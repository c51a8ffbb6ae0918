// The page on a phone: the distribution chart's labels never collide (their boxes measured at 320,
// 360 and 390 px, for places and pays that crowd them), the first screen shows the answer, and
// the pay and the place stay on screen in a bar while the results scroll, with every input a tap
// away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, waitForResult, foreign, assertNoProblems, choosePlace } from './helpers.mjs';

const T = { timeout: 240_000 };
let env;
before(async () => { env = await setup({ viewport: { width: 360, height: 640 } }); });
after(async () => env?.close());

let visit = 0;
/**
 * Opens the page at `width` × `height` with a shared link's inputs (a new navigation each time).
 * WebKit's MiniBrowser window cannot be narrower than its toolbar (about 450 px): there the page's
 * root is made `width` wide instead, so the widget and its chart still lay out at that width (the
 * phone's media queries hold at both).
 */
async function open(page, { width, height = 640, fragment = '' }) {
  await page.setViewportSize({ width, height });
  await page.goto(`${env.origin}/?visit=${++visit}#${fragment}`);
  const narrowed = await page.evaluate((w) => {
    if (document.documentElement.clientWidth <= w) return false;
    document.documentElement.style.width = `${w}px`;
    return true;
  }, width);
  const result = await waitForResult(page, '#calculator');
  // The widget redraws its chart for a new width on the next frame after it is resized.
  for (let tries = 0; narrowed && tries < 100; tries++) {
    const drawn = await page.locator('#calculator').evaluate((el, w) => el.shadowRoot.querySelector('.chart-box svg')?.getBoundingClientRect().width < w, width);
    if (drawn) break;
    await page.waitForTimeout(50);
  }
  return result;
}

/** Every label of the distribution chart: its text and box (CSS px), and the chart's box. */
const chartLabels = (page) => page.locator('#calculator').evaluate((el) => {
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  const figure = el.shadowRoot.querySelector('.chart-box');
  return { chart: box(figure), labels: [...figure.querySelectorAll('svg text')].map((t) => ({ text: t.textContent, ...box(t) })) };
});

const CROWDED = [
  '', // no pay: the national distribution
  'salary=120000&area=TX',
  'salary=900000&area=CA', // a pay far above p90: the points crowd to the left
  'salary=15000&area=CA', // far below: California's top-coded ≈p90
  'salary=150000&area=41940', // a metro, every point estimated (≈)
  'salary=60000&area=MS&occupation=15-1254',
];

test('the chart’s labels never collide and stay inside it, at 320, 360 and 390 px', T, async () => {
  const page = await env.newPage();
  for (const width of [320, 360, 390]) {
    for (const fragment of CROWDED) {
      await open(page, { width, fragment });
      const { chart, labels } = await chartLabels(page);
      const what = `${width} px, #${fragment}`;
      assert.ok(chart.right - chart.left < width, `${what}: the chart is laid out narrower than the page (${chart.right - chart.left} px)`);
      assert.ok(labels.some((l) => /^≈?p50 /.test(l.text)), `${what}: the median is labelled`);
      for (const l of labels) {
        assert.ok(l.right - l.left > 5, `${what}: ${l.text} is drawn`);
        assert.ok(l.left >= chart.left - 0.5 && l.right <= chart.right + 0.5, `${what}: ${l.text} [${l.left}, ${l.right}] inside the chart [${chart.left}, ${chart.right}]`);
      }
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i], labels[j]];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          assert.ok(!overlap, `${what}: “${a.text}” and “${b.text}” overlap (${JSON.stringify([a, b])})`);
        }
      }
    }
  }
  await assertNoProblems(env, assert);
});

test('the first screen on a phone shows the answer', T, async () => {
  const page = await env.newPage();
  for (const [width, height] of [[360, 640], [390, 844]]) {
    await open(page, { width, height, fragment: 'salary=120000&area=TX' });
    const lead = await page.locator('#calculator [data-result=percentile]').evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, text: e.textContent, scrolled: window.scrollY, height: window.innerHeight };
    });
    assert.equal(lead.scrolled, 0);
    assert.match(lead.text, /^\$120,000 a year is higher than about 41% of software developers in Texas/);
    assert.ok(lead.top > 0 && lead.bottom <= lead.height, `${width}×${height}: the answer [${lead.top}, ${lead.bottom}] is within the first ${lead.height} px`);
    // The form is folded away behind "All inputs".
    assert.equal(await page.locator('#calculator form.inputs').isVisible(), false);
  }
  await assertNoProblems(env, assert);
});

test('the bar: the pay and the place stay on screen, work both ways, and open every input', T, async () => {
  const page = await env.newPage();
  await open(page, { width: 360, height: 640 });
  await page.locator('#quick-pay').fill('95000');
  let r = await waitForResult(page, '#calculator', (x) => x.salary === 95000);
  await choosePlace(page.locator('#quick-area'), 'colorado'); // typed, in any case, and left
  r = await waitForResult(page, '#calculator', (x) => x.salary === 95000 && x.where.area === 'CO');
  assert.match(await page.locator('#calculator [data-result=percentile]').textContent(), /^\$95,000 a year is higher than about \d+% of software developers in Colorado/);
  // A city names its metro area, as in the calculator's own field; the bar then shows the area's name.
  await choosePlace(page.locator('#quick-area'), 'Austin');
  await waitForResult(page, '#calculator', (x) => x.where.area === '12420');
  assert.equal(await page.locator('#quick-area').inputValue(), 'Austin-Round Rock-San Marcos, TX');
  await choosePlace(page.locator('#quick-area'), 'Colorado');
  r = await waitForResult(page, '#calculator', (x) => x.where.area === 'CO');
  // Scrolled to the end of the page, the bar is still at the top of the screen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const bar = await page.locator('#quick').evaluate((e) => ({ top: e.getBoundingClientRect().top, scrolled: window.scrollY }));
  assert.ok(bar.scrolled > 1000, 'scrolled down');
  assert.ok(Math.abs(bar.top) < 1, `the bar is at the top (${bar.top})`);
  assert.equal(await page.locator('#quick-pay').isVisible(), true);
  // A bad pay is said in the bar; the last good result stays.
  await page.locator('#quick-pay').fill('lots');
  await waitForResult(page, '#calculator', (x) => Boolean(x.errors.salary));
  assert.match(await page.locator('#quick-error').textContent(), /Enter your pay as a number/);
  assert.equal(await page.locator('#quick-pay').getAttribute('aria-invalid'), '');
  await page.locator('#quick-pay').fill('95k');
  await waitForResult(page, '#calculator', (x) => x.salary === 95000 && !x.errors.salary);
  assert.equal(await page.locator('#quick-error').textContent(), '');
  // "All inputs" unfolds the calculator's own form, there, with the focus in it.
  await page.locator('#quick-more').click();
  assert.equal(await page.locator('#quick-more').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#calculator form.inputs').isVisible(), true);
  assert.equal(await page.locator('#calculator').evaluate((el) => el.shadowRoot.activeElement?.closest('form') !== null), true);
  // A change made there comes back to the bar.
  await page.locator('#calculator #f-salary').fill('101000');
  await choosePlace(page.locator('#calculator #f-area'), 'WA');
  await waitForResult(page, '#calculator', (x) => x.salary === 101000 && x.where.area === 'WA');
  assert.equal(await page.locator('#quick-pay').inputValue(), '101000');
  assert.equal(await page.locator('#quick-area').inputValue(), 'Washington');
  await page.locator('#calculator #f-period').selectOption('monthly');
  await waitForResult(page, '#calculator', (x) => x.inputs.period === 'monthly');
  assert.equal(await page.locator('#quick-period').textContent(), 'a month');
  await page.locator('#quick-more').click();
  assert.equal(await page.locator('#calculator form.inputs').isVisible(), false);
  assert.deepEqual(foreign(env.requests, env.origin), []);
  await assertNoProblems(env, assert);
});

test('on a wide screen there is no bar: the form is beside the results', T, async () => {
  const page = await env.newPage();
  await open(page, { width: 1280, height: 900 });
  assert.equal(await page.locator('#quick').isVisible(), false);
  assert.equal(await page.locator('#calculator form.inputs').isVisible(), true);
  await assertNoProblems(env, assert);
});
