// The calculator page in headless Chromium: typed inputs give the core's numbers, the chart and the
// breakdown show them, bad input is reported next to its field, nothing leaves the page's origin;
// the take-home panel's place-dependent question and contribution limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, foreign, reference, usd, usd3, dist, assertNoProblems, engine, choosePlace } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

const close = (actual, expected, what) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} vs ${expected}`);

async function openPage() {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  return { page, w: page.locator('#calculator') };
}

test('the served page has no inline script and a strict CSP', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const tag of html.match(/<script\b[^>]*>/g)) assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  // Besides its own files, only the page's inlined <style> elements, by hash (scripts/prerender.mjs;
  // csp-privacy.test.mjs checks that each hash is one of them).
  assert.match(csp, /style-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')*(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
});

test('typed inputs give the percentile and the estimate; the chart and the breakdown show them', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('120,000');
  await choosePlace(w.locator('#f-area'), 'TX');
  await w.locator('#f-experience').selectOption('senior');
  await w.locator('#f-specialization').selectOption('cloud');
  await w.locator('#f-companyType').selectOption('large-tech');
  await w.locator('details.more > summary').click();
  await w.locator('input[name=skills][value=go]').check();
  await w.locator('input[name=skills][value=python]').check();

  const profile = { area: 'TX', experience: 'senior', specialization: 'cloud', companyType: 'large-tech', skills: ['go', 'python'] };
  const r = await waitForResult(page, '#calculator', (x) => x.salary === 120000 && x.where.area === 'TX'
    && x.estimate && x.estimate.factors.length === 5 && x.inputs.companyType === 'large-tech');
  const area = calc.percentileOf(120000, { area: 'TX' });
  const national = calc.percentileOf(120000);
  const estimate = calc.estimate(profile);
  close(r.percentile.area, area.percentile, 'percentile in Texas');
  close(r.percentile.national, national.percentile, 'national percentile');
  for (const k of ['low', 'typical', 'high']) close(r.estimate[k], estimate[k], `estimate ${k}`);

  // The percentile in words.
  const lead = await w.locator('[data-result=percentile]').textContent();
  assert.match(lead, /\$120,000 a year is higher than about 41% of software developers in Texas/);
  assert.equal(Math.round(area.percentile), 41);
  assert.match(await w.locator('[data-result=national]').textContent(), new RegExp(`about ${Math.round(national.percentile)}% of software developers in the United States`));

  // The chart: the published points and the visitor's marker, and a text alternative.
  const chart = w.locator('svg.chart[role=img]');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match(await chart.getAttribute('aria-label'), /Your pay, \$120,000, is at about the 41st percentile/);
  assert.equal(await w.locator('.chart-box [data-marker=you]').getAttribute('data-salary'), '120000');
  for (const [k, v] of Object.entries(area.distribution.points)) {
    assert.equal(await chart.locator(`[data-point=${k}]`).getAttribute('data-salary'), String(Math.round(v)), k);
  }

  // The breakdown: every factor with its effect and source, the superseded one marked.
  const table = w.locator('table.breakdown');
  // Estimates are shown to the 3 significant figures their sources support, as base salary.
  assert.match(await w.locator('[data-result=estimate]').textContent(), new RegExp(`${usd3(estimate.low)}–${usd3(estimate.high)} a year in base salary`.replace(/\$/g, '\\$')));
  for (const f of estimate.factors) {
    const row = table.locator(`tr[data-factor="${f.kind === 'experience' ? 'experience' : `${f.kind}:${f.id}`}"]`);
    assert.equal(await row.count(), 1, `row for ${f.id}`);
    assert.ok((await row.textContent()).includes(f.label), `label of ${f.id}`);
    assert.equal(await row.locator('a.cite').count(), 1, `source link of ${f.id}`);
    assert.equal(await row.evaluate((el) => el.classList.contains('not-applied')), !f.applied, `applied flag of ${f.id}`);
  }
  assert.ok((await table.locator('tr[data-factor="specialization:cloud"]').textContent()).includes('+12.5%'));
  // The dollar column is the core's steps: each applied premium's change in the typical salary.
  const dollars = (factor) => table.locator(`tr[data-factor="${factor}"] td`).last().textContent();
  const steps = estimate.steps;
  assert.equal(steps.at(-1).typical, estimate.typical);
  assert.equal(await dollars('experience'), usd3(steps[1].typical));
  for (let i = 2; i < steps.length; i++) {
    const delta = usd3(steps[i].typical - steps[i - 1].typical, 'exceptZero');
    assert.equal(await dollars(`${steps[i].kind}:${steps[i].id}`), delta, `${steps[i].id}`);
  }
  assert.equal(await dollars('skill:python'), '', 'a superseded premium adds nothing');
  assert.ok((await table.locator('tr[data-factor=total]').textContent()).includes(usd3(estimate.typical)));

  // A source link goes to the sources list inside the widget without touching the URL.
  await table.locator('tr[data-factor=experience] a.cite').click();
  assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.dataset.source), 'seed-002');
  assert.equal(await page.evaluate(() => location.hash), '');
  await assertNoProblems(env, assert);
});

test('figures name their release; the chart is the core\'s own density; premiums not measured for an occupation are shown unapplied', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('120000');
  await choosePlace(w.locator('#f-area'), 'TX');
  await waitForResult(page, '#calculator', (x) => x.salary === 120000 && x.where.area === 'TX');
  // A state figure is May 2024, the national one May 2025, and the page says how far apart.
  assert.match(await w.locator('[data-result=national]').textContent(), /^Nationally \(BLS OEWS May 2025\), it is/);
  const percentilePanel = w.locator('section[data-panel=percentile]');
  assert.match(await percentilePanel.locator('figcaption').textContent(), /Source: BLS OEWS May 2024 /);
  assert.match(await percentilePanel.textContent(), /the national ones are BLS OEWS May 2025, a release newer\. The national median moved \$132,270 \(May 2023\) → \$133,080 \(May 2024\) → \$135,980 \(May 2025\)/);

  // Nationally, the curve drawn has the one peak the published points allow (Texas's force two).
  await choosePlace(w.locator('#f-area'), 'US');
  await waitForResult(page, '#calculator', (x) => x.where.area === 'US');
  const heights = async () => (await w.locator('svg.chart path.curve-line').getAttribute('d'))
    .match(/[ML][\d.]+,[\d.]+/g).map((p) => -Number(p.split(',')[1])); // SVG y grows downwards
  const peaks = (ys) => ys.filter((y, i) => i > 0 && i < ys.length - 1 && y > ys[i - 1] && y >= ys[i + 1]).length;
  assert.equal(peaks(await heights()), 1, 'one peak for the United States');

  // Web developers: the premiums were measured on backend developers, so none is applied.
  await w.locator('#f-occupation').selectOption('15-1254');
  await w.locator('#f-companyType').selectOption('large-tech');
  await waitForResult(page, '#calculator', (x) => x.where.occupation === '15-1254' && x.estimate?.factors.length === 1);
  const row = w.locator('table.breakdown tr[data-factor="company_type:large-tech"]');
  assert.ok(await row.evaluate((el) => el.classList.contains('not-applied')));
  assert.match(await row.textContent(), /Not applied: the source measured it for Software Developers, not Web Developers\./);
  await assertNoProblems(env, assert);
});

test('hourly pay is converted; offer, total compensation and take-home match the core', T, async () => {
  const { page, w } = await openPage();
  await choosePlace(w.locator('#f-area'), 'CA');
  await w.locator('#f-period').selectOption('hourly');
  await w.locator('#f-salary').fill('60');
  let r = await waitForResult(page, '#calculator', (x) => x.salary === 124800 && x.where.area === 'CA');
  close(r.percentile.area, calc.percentileOf(124800, { area: 'CA' }).percentile, 'hourly percentile');

  await w.locator('#f-experience').selectOption('mid');
  await w.locator('#f-offer').fill('150000');
  await w.locator('#f-bonusPercent').fill('10');
  await w.locator('#f-equityGrant').fill('100k');
  await w.locator('#f-matchPercent').fill('4');
  await w.locator('#f-filingStatus').selectOption('joint');
  await w.locator('#f-retirement').fill('10000');
  r = await waitForResult(page, '#calculator', (x) => x.offer?.result && x.compensation?.equity > 0
    && x.compensation.retirementMatch > 0 && x.takeHome?.filingStatus === 'joint' && x.takeHome.pretaxRetirement === 10000);
  const offer = calc.estimate({ area: 'CA', experience: 'mid', offer: 150000 }).offer;
  close(r.offer.result.percentileInProfile, offer.percentileInProfile, 'offer within the profile');
  close(r.offer.result.percentileInArea, offer.percentileInArea, 'offer in the area');
  const total = calc.totalComp({ base: 124800, bonusPercent: 10, equityGrant: 100000, retirementMatchPercent: 4, equityVestingYears: 4 });
  close(r.compensation.total, total.total, 'total compensation');
  const net = calc.takeHome({ salary: 124800, area: 'CA', filingStatus: 'joint', retirementContribution: 10000 });
  close(r.takeHome.net, net.net, 'take-home');
  assert.match(await w.locator('[data-result=offer]').textContent(), /An offer of \$150,000 is higher than about \d+% of pay for your profile/);
  assert.ok((await w.locator('[data-result=take-home]').textContent()).includes(usd(net.net)));
  // Per paycheck, the period chosen: the year's take-home over 26, then 24 paychecks (calc.convert).
  assert.equal(r.takeHome.paycheck.period, 'biweekly');
  close(r.takeHome.paycheck.net, net.net / 26, 'a paycheck every two weeks');
  assert.match(await w.locator('[data-result=paycheck]').textContent(), new RegExp(`^\\${usd(net.net / 26)} every two weeks$`));
  await w.locator('#f-paycheck').selectOption('semimonthly');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.paycheck.period === 'semimonthly');
  close(r.takeHome.paycheck.net, net.net / 24, 'a paycheck twice a month');
  assert.equal(r.takeHome.paycheck.perYear, 24);
  assert.equal(await w.locator('[data-result=paycheck]').textContent(), `${usd(net.net / 24)} twice a month`);
  assert.equal(await w.locator('table.lines tr[data-line=net] td').last().textContent(), usd(net.net / 24));
  await assertNoProblems(env, assert);
});

test('garbage shows a message next to its field and keeps the last valid result', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('95000');
  await waitForResult(page, '#calculator', (x) => x.salary === 95000);
  const before = await w.locator('[data-result=percentile]').textContent();
  for (const garbage of ['abc', '12..5', '-5', '1e400', '$', '<img src=x onerror=alert(1)>']) {
    await w.locator('#f-salary').fill(garbage);
    await waitForResult(page, '#calculator', (x) => Boolean(x.errors.salary));
    assert.match(await w.locator('#f-salary-error').textContent(), /Enter your pay|more than/);
    assert.equal(await w.locator('#f-salary').getAttribute('aria-invalid'), 'true');
    assert.equal(await w.locator('[data-result=percentile]').textContent(), before);
  }
  await w.locator('#f-bonusPercent').fill('lots');
  await waitForResult(page, '#calculator', (x) => Boolean(x.errors.bonusPercent));
  assert.match(await w.locator('#f-bonusPercent-error').textContent(), /Enter the bonus as a number/);
  await w.locator('#f-salary').fill('96000');
  const r = await waitForResult(page, '#calculator', (x) => x.salary === 96000);
  assert.equal(r.errors.salary, undefined);
  assert.equal(await w.locator('#f-salary-error').textContent(), '');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await assertNoProblems(env, assert);
});

test('the comparison across states sorts by any column', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('100000');
  await waitForResult(page, '#calculator', (x) => x.salary === 100000 && x.costOfLiving);
  const table = w.locator('table.col-table');
  const firstState = () => table.locator('tbody tr').first().getAttribute('data-area');
  assert.equal(await firstState(), 'AL');
  assert.equal(await table.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
  await table.locator('button[data-sort=equivalent]').click();
  const r = await page.evaluate(() => document.querySelector('#calculator').result.costOfLiving.states);
  const cheapest = [...r].sort((a, b) => a.equivalent - b.equivalent)[0].area;
  assert.equal(await firstState(), cheapest);
  await table.locator('button[data-sort=equivalent]').click();
  const dearest = [...r].sort((a, b) => b.equivalent - a.equivalent)[0].area;
  assert.equal(await firstState(), dearest);
  assert.equal(await table.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
  assert.equal(await w.evaluate((el) => el.shadowRoot.activeElement?.dataset.sort), 'equivalent', 'focus stays on the button');
  const ca = calc.costOfLiving(100000, 'US', 'CA');
  assert.equal(await table.locator('tr[data-area=CA] td').first().textContent(), usd(ca.equivalent));
  await assertNoProblems(env, assert);
});

test('a keystroke redraws the panels on screen first, and the ones below once the page is idle', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('100000');
  await waitForResult(page, '#calculator', (x) => x.salary === 100000 && x.costOfLiving);
  // The widget learns what is on screen from an IntersectionObserver, which reports after a frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
  // At the `change` event: the percentile (on screen) shows the new pay; the comparison across
  // states (far below) still shows the old one, marked aria-busy, and is drawn without more input.
  const atChange = await w.evaluate((el) => new Promise((resolve) => {
    el.addEventListener('change', () => {
      const out = (name) => el.shadowRoot.querySelector(`[data-output="${name}"]`);
      resolve({
        percentile: out('percentile').textContent.includes('$135,000'),
        percentileBusy: out('percentile').hasAttribute('aria-busy'),
        costBusy: out('cost-of-living').getAttribute('aria-busy'),
        costShowsNew: out('cost-of-living').textContent.includes('$135,000 in'),
      });
    }, { once: true });
    const input = el.shadowRoot.querySelector('#f-salary');
    input.value = '135000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }));
  assert.deepEqual(atChange, { percentile: true, percentileBusy: false, costBusy: 'true', costShowsNew: false });
  const r = await waitForResult(page, '#calculator', (x) => x.salary === 135000);
  const ca = calc.costOfLiving(135000, 'US', 'CA');
  assert.equal(await w.locator('table.col-table tr[data-area=CA] td').first().textContent(), usd(ca.equivalent));
  assert.equal(r.costOfLiving.pair.equivalent, ca.equivalent);
  // A digit typed and deleted before the page was idle: nothing is left waiting, or marked busy.
  const busy = await w.evaluate(async (el) => {
    const input = el.shadowRoot.querySelector('#f-salary');
    for (const value of ['1350000', '135000']) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve(); // the widget renders in a microtask
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return el.shadowRoot.querySelectorAll('[aria-busy]').length;
  });
  assert.equal(busy, 0);
  await assertNoProblems(env, assert);
});

test('no request leaves the origin, and typing sends nothing at all', T, async () => {
  const { page, w } = await openPage();
  const count = env.requests.length;
  await w.locator('#f-salary').fill('123456');
  await choosePlace(w.locator('#f-area'), 'NY');
  await w.locator('#f-offer').fill('150000');
  await waitForResult(page, '#calculator', (x) => x.salary === 123456 && x.where.area === 'NY');
  // Looking for a place fetches the metro areas, a file of the calculator's own, with nothing typed in it.
  assert.deepEqual(env.requests.slice(count), [`${env.origin}/salary-data-areas.bin`]);
  assert.deepEqual(foreign(env.requests, env.origin), []);
  assert.ok(!env.requests.some((u) => u.includes('123456')));
  await assertNoProblems(env, assert);
});

// WebKit's MiniBrowser window cannot be narrower than its toolbar (about 450 px): there the test
// runs at the narrowest width the window takes.
test('at 320 px wide and in dark mode nothing overflows horizontally', T, async () => {
  const narrow = await setup({ colorScheme: 'dark', viewport: { width: 320, height: 700 } });
  try {
    const page = await narrow.newPage();
    await page.goto(`${narrow.origin}/`);
    await waitForResult(page, '#calculator');
    await page.locator('#quick-pay').fill('120000'); // the phone's bar (the form is folded away)
    await waitForResult(page, '#calculator', (x) => x.salary === 120000);
    // The width the page lays out in: the viewport less a classic scrollbar (Firefox's is 12 px).
    const widths = () => page.evaluate(() => ({ width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth }));
    const { width, scrollWidth } = await widths();
    assert.ok(width <= (engine === 'webkit' ? 460 : 320), `laid out at ${width} px`);
    assert.equal(scrollWidth, width, 'no horizontal overflow');
    await page.locator('#quick-more').click();
    assert.equal((await widths()).scrollWidth, width, 'no horizontal overflow with every input open');
    const bg = await page.locator('#calculator').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.root')).backgroundColor);
    assert.equal(bg, 'rgb(13, 17, 23)', 'the dark palette is used');
    await assertNoProblems(narrow, assert);
  } finally {
    await narrow.close();
  }
});

// ---- the take-home panel: the locality question follows the place; contributions and their
// limits, each error next to its own field ----
const question = (w) => w.locator('.f-locality label').textContent();
const choices = (w) => w.locator('#f-locality option').evaluateAll((options) => options.map((o) => o.value));

test('take-home: the locality question follows the place, and a chosen city comes back with its state', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('150000');
  await choosePlace(w.locator('#f-area'), 'NY');
  let r = await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'NY' && x.salary === 150000);
  assert.equal(await question(w), 'Do you live in one of these places (local income tax)?');
  assert.deepEqual(await choices(w), ['', 'nyc', 'yonkers']);
  assert.equal(r.takeHome.localIncomeTax, 0);

  await w.locator('#f-locality').selectOption('nyc');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.locality === 'nyc');
  const nyc = calc.takeHome({ salary: 150000, area: 'NY', locality: 'nyc' });
  close(r.takeHome.net, nyc.net, 'take-home in New York City');
  assert.ok(r.takeHome.localIncomeTax > 0);
  assert.equal(await w.locator('tr[data-line=nyc_income_tax]').count(), 1);
  assert.equal(await w.locator('tr[data-line=ny_pfl]').getAttribute('data-kind'), 'state_payroll');
  assert.ok((await w.locator('[data-result=take-home]').textContent()).includes(usd(nyc.net)));

  // Another state: its own question; New York City no longer applies (and is not an error).
  await choosePlace(w.locator('#f-area'), 'PA');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'PA');
  assert.equal(await question(w), 'Do you live in the city of Philadelphia?');
  assert.deepEqual(await choices(w), ['', 'philadelphia']);
  assert.equal(r.takeHome.locality, '');
  assert.equal(r.errors.locality, undefined);
  await choosePlace(w.locator('#f-area'), 'MD');
  await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'MD');
  assert.equal(await question(w), 'Which Maryland county do you live in?');
  assert.equal((await choices(w)).length, 25);
  await choosePlace(w.locator('#f-area'), 'TX');
  await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'TX');
  assert.deepEqual(await choices(w), ['']);
  // Back in New York, the city chosen before is there again.
  await choosePlace(w.locator('#f-area'), 'NY');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'NY');
  assert.equal(r.takeHome.locality, 'nyc');
  assert.equal(await w.locator('#f-locality').inputValue(), 'nyc');
  assertNoProblems(env, assert);
});

test('take-home: HSA, FSA and 401(k) contributions: limits by coverage and age, errors next to their fields', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('140000');
  await choosePlace(w.locator('#f-area'), 'CA');
  await w.locator('#f-taxYear').selectOption('2026');
  await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'CA' && x.salary === 140000);

  // 2026 limits: HSA $4,400 self-only, $8,750 family; health FSA $3,400; 401(k) $24,500, $32,500
  // from 50.
  await w.locator('#f-hsa').fill('5000');
  let r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.hsa));
  assert.match(await w.locator('#f-hsa-error').textContent(), /above the 2026 HSA limit of \$4,400 for self-only coverage/);
  assert.equal(await w.locator('#f-hsa').getAttribute('aria-invalid'), 'true');
  await w.locator('#f-hsaCoverage').selectOption('family');
  r = await waitForResult(page, '#calculator', (x) => !x.errors.hsa && x.takeHome?.hsa === 5000);

  await w.locator('#f-fsa').fill('3401');
  await waitForResult(page, '#calculator', (x) => Boolean(x.errors.fsa));
  assert.match(await w.locator('#f-fsa-error').textContent(), /limit on health FSA salary reductions of \$3,400/);
  await w.locator('#f-fsa').fill('3400');
  await w.locator('#f-retirement').fill('30000');
  await waitForResult(page, '#calculator', (x) => Boolean(x.errors.retirement));
  assert.match(await w.locator('#f-retirement-error').textContent(), /give the age to include the catch-up/);
  await w.locator('#f-age').fill('55');
  r = await waitForResult(page, '#calculator', (x) => !x.errors.retirement && x.takeHome?.pretaxRetirement === 30000);
  const expected = calc.takeHome({ salary: 140000, area: 'CA', year: 2026, retirementContribution: 30000, age: 55,
    hsa: 5000, hsaCoverage: 'family', fsa: 3400 });
  close(r.takeHome.net, expected.net, 'take-home with every contribution');
  assert.match(await w.locator('[data-caps]').textContent(), /Your 2026 limits: 401\(k\) \$32,500.*HSA \(family\) \$9,750.*health FSA \$3,400/);
  assert.equal(await w.locator('tr[data-line=hsa]').count(), 1);
  assertNoProblems(env, assert);
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});

test('a place is typed, with suggestions: a metro, a city, a county or a code selects it; an unknown or ambiguous one is reported, and no stale comparison stays on screen', T, async () => {
  const { page, w } = await openPage();
  const field = w.locator('#f-compareTo');
  await field.fill('Aus');
  const options = w.locator('#f-compareTo-list [role=option]');
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ['Austin-Round Rock-San Marcos, TX', 'Houston-Pasadena-The Woodlands, TX (Austin County, TX)']);
  assert.equal(await field.getAttribute('aria-expanded'), 'true');
  assert.equal(await w.locator('#f-compareTo-error').textContent(), '', 'no error while a name is being typed');
  await field.press('ArrowDown');
  assert.equal(await field.getAttribute('aria-activedescendant'), 'f-compareTo-list-0');
  await field.press('Enter');
  let r = await waitForResult(page, '#calculator', (x) => x.inputs.compareTo === '12420');
  assert.equal(r.costOfLiving.pair.to.name, 'Austin-Round Rock-San Marcos, TX');
  assert.equal(await field.getAttribute('aria-expanded'), 'false');
  // A city the metro is named after (the issue: "Compare with" rejected "Seattle"), then its name shows.
  await choosePlace(field, 'Seattle');
  r = await waitForResult(page, '#calculator', (x) => x.inputs.compareTo === '42660');
  assert.equal(await field.inputValue(), 'Seattle-Tacoma-Bellevue, WA');
  await choosePlace(field, 'Travis County'); // a county: the area it lies in
  r = await waitForResult(page, '#calculator', (x) => x.inputs.compareTo === '12420');
  await choosePlace(field, 'washington'); // a state's name, in any case
  r = await waitForResult(page, '#calculator', (x) => x.inputs.compareTo === 'WA');
  await choosePlace(field, 'Atlantis');
  await assert.doesNotReject(w.locator('#f-compareTo-error').filter({ hasText: /No place matches “Atlantis”/ }).waitFor());
  // The last good place stays the value, but the panel no longer shows a comparison under the error.
  r = await waitForResult(page, '#calculator', (x) => x.costOfLiving && x.costOfLiving.pair === null);
  assert.equal(r.inputs.compareTo, 'WA');
  assert.match(await w.locator('[data-output="cost-of-living"] .lead').textContent(), /Choose a place to compare with/);
  await choosePlace(field, 'Portland');
  await assert.doesNotReject(w.locator('#f-compareTo-error')
    .filter({ hasText: /could be Portland-South Portland, ME or Portland-Vancouver-Hillsboro, OR-WA/ }).waitFor());
  await choosePlace(field, 'portland, or');
  r = await waitForResult(page, '#calculator', (x) => x.inputs.compareTo === '38900' && x.costOfLiving.pair);
  assert.equal(await w.locator('#f-compareTo-error').textContent(), '');
});

