// Comparing offers on the page and in the widget: two offers in two metros give the offers API's
// figures and its words, the share link carries them, bad offers get a message next to their
// field, and the compact widget never downloads the comparison's code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, waitForResult, foreign, reference, usd, dist, hostPage, hostHtml, assertNoProblems, choosePlace } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc, compareOffers;
before(async () => {
  env = await setup();
  calc = await reference();
  ({ compareOffers } = await import(pathToFileURL(join(dist, 'salary-offers.mjs')).href));
});
after(async () => env?.close());

const AUSTIN = 'Austin-Round Rock-San Marcos, TX', SEATTLE = 'Seattle-Tacoma-Bellevue, WA';

test('two offers in two metros: which leaves more after tax and prices, in words, with the API’s figures', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const w = page.locator('#calculator');
  await w.locator('#f-experience').selectOption('senior');
  await choosePlace(w.locator('#f-aArea'), SEATTLE);
  await w.locator('#f-aBase').fill('185,000');
  await choosePlace(w.locator('#f-bArea'), AUSTIN);
  await w.locator('#f-bBase').fill('165k');
  await w.locator('[data-offer=b] details > summary').click();
  await w.locator('#f-bSignOn').fill('20000');
  await w.locator('#f-bMatch').fill('4');
  const r = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers.length === 2 && x.inputs.bMatch === 4 && x.inputs.bSignOn === 20000);
  const expected = compareOffers(calc, [
    { label: 'Offer A', area: '42660', base: 185000 },
    { label: 'Offer B', area: '12420', base: 165000, signOnBonus: 20000, retirementMatchPercent: 4 },
  ], { profile: { occupation: '15-1252', experience: 'senior', skills: [], technologies: [], certifications: [] }, payPeriod: 'biweekly', retirementContribution: 0 });
  const got = r.offers.result;
  for (const i of [0, 1]) {
    assert.equal(got.offers[i].takeHome.steadyState, expected.offers[i].takeHome.steadyState, `take-home ${i}`);
    assert.equal(got.offers[i].buyingPower.steadyState, expected.offers[i].buyingPower.steadyState, `at Seattle prices ${i}`);
    assert.equal(got.offers[i].totalComp.firstYear, expected.offers[i].totalComp.firstYear, `first year ${i}`);
    assert.equal(got.offers[i].percentile.inProfile, expected.offers[i].percentile.inProfile, `percentile ${i}`);
  }
  assert.deepEqual(got.differences.map((d) => d.text), expected.differences.map((d) => d.text));
  assert.equal(got.pricesIn.area, '42660', 'at the first offer’s prices');
  // What the page says: the main difference in words, the others below, the table side by side.
  assert.equal(await w.locator('[data-result=offers]').textContent(), expected.differences[0].text);
  assert.match(expected.differences[0].text, /^Offer [AB] leaves you \$[\d,]+ a year more than Offer [AB] after tax and prices \(at Seattle-Tacoma-Bellevue, WA prices\)\.$/);
  assert.equal(await w.locator('[data-result=offer-differences] li').count(), expected.differences.length - 1);
  const table = w.locator('table.offers-table');
  const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent));
  assert.deepEqual(await texts(table.locator('thead th')), ['Figure', 'Offer A', 'Offer B']);
  const row = (id) => texts(table.locator(`tr[data-row=${id}] td`));
  assert.deepEqual(await row('take-home'), expected.offers.map((o) => usd(o.takeHome.steadyState)));
  assert.deepEqual(await row('buying-power'), expected.offers.map((o) => usd(o.buyingPower.steadyState)));
  assert.deepEqual(await row('paycheck'), expected.offers.map((o) => usd(o.paycheck.net)));
  // DOL's levels for Software Developers, 2025-26 (data/oflc, annual): Seattle-Tacoma-Bellevue III
  // $180,710, IV $212,202: $185,000 is Level III; Austin IV $163,550: $165,000 is Level IV.
  assert.deepEqual(await row('level'), ['Level III (from $180,710)', 'Level IV (from $163,550)']);
  const best = expected.best.afterTaxAndPrices;
  assert.equal(await table.locator(`tr[data-row=buying-power] td`).nth(best).getAttribute('data-best'), '');
  // Each figure cites its sources: taxes, price levels, wages.
  for (const id of ['take-home', 'buying-power', 'percentile']) assert.ok(await table.locator(`tr[data-row=${id}] a.cite`).count() > 0, `${id} cites`);

  // Compared at other prices, chosen by name.
  await choosePlace(w.locator('#f-pricesIn'), AUSTIN);
  const again = await waitForResult(page, '#calculator', (x) => x.offers?.result?.pricesIn.area === '12420');
  assert.equal(again.offers.result.offers[1].buyingPower.steadyState, expected.offers[1].takeHome.steadyState, 'Austin’s take-home at Austin prices is itself');
  await assertNoProblems(env, assert);
});

test('the share link carries every offer; opening it shows the same comparison', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const w = page.locator('#calculator');
  await choosePlace(w.locator('#f-aArea'), 'Texas');
  await w.locator('#f-aBase').fill('150000');
  await choosePlace(w.locator('#f-bArea'), 'New York-Newark-Jersey City, NY-NJ');
  await w.locator('#f-bBase').fill('190000');
  await w.locator('[data-offer=c] details > summary').click();
  await choosePlace(w.locator('#f-cArea'), 'Colorado');
  await w.locator('#f-cBase').fill('160000');
  await w.locator('#f-cEquity').fill('120000');
  await w.locator('#f-cYears').fill('3');
  await w.locator('#f-paycheck').selectOption('monthly');
  const original = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers.length === 3 && x.inputs.cYears === 3 && x.offers.result.payPeriod === 'monthly');
  await page.locator('#share-button').click();
  const link = await page.locator('#share-link').inputValue();
  const params = new URLSearchParams(new URL(link).hash.slice(1));
  assert.deepEqual(['aArea', 'aBase', 'bArea', 'bBase', 'cArea', 'cBase', 'cEquity', 'cYears', 'paycheck'].map((k) => params.get(k)),
    ['TX', '150000', '35620', '190000', 'CO', '160000', '120000', '3', 'monthly']);
  const opened = await env.newPage();
  await opened.goto(link);
  const restored = await waitForResult(opened, '#calculator', (x) => x.offers?.result?.offers.length === 3);
  assert.deepEqual(restored.offers.result.differences.map((d) => d.text), original.offers.result.differences.map((d) => d.text));
  assert.equal(await opened.locator('#calculator #f-cArea').inputValue(), 'Colorado');
  assert.equal(await opened.locator('#calculator #f-bArea').inputValue(), 'New York-Newark-Jersey City, NY-NJ');
  // An old link (before offers) still opens as it did.
  const old = await env.newPage();
  await old.goto(`${env.origin}/#salary=135000&area=CO&offer=180000`);
  const r = await waitForResult(old, '#calculator', (x) => x.salary === 135000 && x.offer?.result);
  assert.equal(r.offers.result, null);
  assert.deepEqual(r.errors, {});
  await assertNoProblems(env, assert);
});

// Kansas City's earnings tax: 1 % of a resident's wages (kcmo-earnings-tax). Two offers at the same
// pay in the Kansas City metro (taxed by Missouri): living in the city takes 1 % × 120,000 = $1,200
// a year more.
test('each offer’s locality: asked where its state has a local income tax, taxed, and in the share link', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const w = page.locator('#calculator');
  await choosePlace(w.locator('#f-aArea'), 'Kansas City, MO-KS');
  await w.locator('#f-aBase').fill('120000');
  await choosePlace(w.locator('#f-bArea'), 'Kansas City, MO-KS');
  await w.locator('#f-bBase').fill('120000');
  await choosePlace(w.locator('#f-cArea'), 'Texas');
  await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers.length === 2 && x.inputs.cArea === 'TX');
  await w.locator('#f-aLocality').waitFor();
  assert.equal(await w.locator('label[for=f-aLocality]').textContent(), 'Would you live in one of these places (local income tax)?');
  assert.equal(await w.locator('#f-cLocality').isVisible(), false, 'Texas has no local income tax: no question');
  await w.locator('#f-aLocality').selectOption('kansas-city');
  const r = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers[0].place.locality === 'kansas-city');
  const [city, outside] = r.offers.result.offers;
  assert.equal(outside.takeHome.steadyState - city.takeHome.steadyState, 1200);
  const table = w.locator('table.offers-table');
  assert.deepEqual(await table.locator('tr[data-row=place] td').evaluateAll((els) => els.map((e) => e.textContent)),
    ['Kansas City, MO-KS, living in Kansas City', 'Kansas City, MO-KS']);
  assert.ok(await table.locator('tr[data-row=take-home] a.cite[data-source=kcmo-earnings-tax]').count() === 1, 'the local tax is cited');
  await page.locator('#share-button').click();
  const link = await page.locator('#share-link').inputValue();
  assert.equal(new URLSearchParams(new URL(link).hash.slice(1)).get('aLocality'), 'kansas-city');
  const opened = await env.newPage();
  await opened.goto(link);
  await waitForResult(opened, '#calculator', (x) => x.offers?.result?.offers[0].place.locality === 'kansas-city');
  assert.equal(await opened.locator('#calculator #f-aLocality').inputValue(), 'kansas-city');
  // Another state: the locality goes, and so does its tax.
  await choosePlace(w.locator('#f-aArea'), 'Texas');
  const moved = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers[0].place.area === 'TX');
  assert.equal(moved.offers.result.offers[0].place.locality, '');
  await assertNoProblems(env, assert);
});

test('an offer in a place spanning two states asks which one you would live in, and taxes you there', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const w = page.locator('#calculator');
  assert.equal(await w.locator('#f-aResidence').isVisible(), false, 'no place yet: no question');
  await choosePlace(w.locator('#f-aArea'), 'Portland-Vancouver-Hillsboro, OR-WA');
  await w.locator('#f-aBase').fill('150000');
  let r = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers[0].place.state === 'OR');
  assert.deepEqual(await w.locator('#f-aResidence option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])), [['', 'Oregon'], ['WA', 'Washington']]);
  // Oregon's localities (Portland's taxes) are asked while one would live in Oregon.
  assert.equal(await w.locator('#f-aLocality').isVisible(), true);
  const oregon = r.offers.result.offers[0].takeHome.steadyState;
  await w.locator('#f-aResidence').selectOption('WA');
  r = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers[0].place.state === 'WA');
  assert.ok(r.offers.result.offers[0].takeHome.steadyState > oregon, 'Washington taxes no wages');
  assert.equal(await w.locator('#f-aLocality').isVisible(), false, 'Washington has no local income tax');
  assert.equal(await w.locator('table.offers-table tr[data-row=place] td').first().textContent(), 'Portland-Vancouver-Hillsboro, OR-WA, living in Washington');
  await assertNoProblems(env, assert);
});

test('a bad offer gets a message next to its field, and the comparison keeps its last figures', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/#aArea=TX&aBase=120000&bArea=FL&bBase=130000`);
  const w = page.locator('#calculator');
  const good = await waitForResult(page, '#calculator', (x) => x.offers?.result?.offers.length === 2);
  const lead = await w.locator('[data-result=offers]').textContent();
  await w.locator('#f-bBase').fill('-5');
  let r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.bBase));
  assert.match(await w.locator('#f-bBase-error').textContent(), /Enter the base salary as a number/);
  assert.equal(await w.locator('#f-bBase').getAttribute('aria-invalid'), 'true');
  assert.equal(await w.locator('[data-result=offers]').textContent(), lead, 'the last valid comparison stays');
  await choosePlace(w.locator('#f-bArea'), 'Atlantis'); // a place is checked once it is left
  r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.bArea));
  assert.match(await w.locator('#f-bArea-error').textContent(), /No place matches “Atlantis”/);
  // A base without a place: that offer waits, and the page says what it needs.
  await choosePlace(w.locator('#f-bArea'), '');
  await w.locator('#f-bBase').fill('130000');
  r = await waitForResult(page, '#calculator', (x) => x.offers?.waiting.length === 1 && !x.errors.bArea && !x.errors.bBase);
  assert.deepEqual(r.offers.waiting, ['Offer B needs a place to be compared.']);
  assert.match(await w.locator('.panel-offers').textContent(), /Offer B needs a place to be compared\./);
  assert.equal(r.offers.result.offers.length, 1);
  // A 401(k) larger than an offer's base: said next to the 401(k).
  await choosePlace(w.locator('#f-bArea'), 'Florida');
  await w.locator('#f-aBase').fill('9000');
  await w.locator('#f-retirement').fill('10000');
  r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.retirement));
  assert.match(r.errors.retirement, /more than/);
  assert.ok(good.offers.result.differences.length > 0);
  await assertNoProblems(env, assert);
});

test('in the widget when asked for: panels="offers", its fields set through `state`', T, async () => {
  const page = await env.newPage();
  await page.goto(hostPage(env, '/offers-host.html', hostHtml({
    body: '<salary-calculator id="w" panels="offers sources"></salary-calculator><salary-calculator id="compact"></salary-calculator>',
  })));
  await waitForResult(page, '#w');
  await waitForResult(page, '#compact');
  await page.locator('#w').evaluate((el) => { el.state = { aArea: 'WA', aBase: '170k', bArea: 'OR', bBase: 160000, bEmployer: 'CA' }; });
  const r = await waitForResult(page, '#w', (x) => x.offers?.result?.offers.length === 2);
  const expected = compareOffers(calc, [{ label: 'Offer A', area: 'WA', base: 170000 }, { label: 'Offer B', area: 'OR', base: 160000, remote: true, employerArea: 'CA' }],
    { profile: { occupation: '15-1252', skills: [], technologies: [], certifications: [] }, retirementContribution: 0 });
  assert.equal(r.offers.result.differences[0].text, expected.differences[0].text);
  assert.equal(r.offers.result.offers[1].employerPercentile.area, 'CA');
  assert.match(await page.locator('#w tr[data-row=employer]').textContent(), /where the employer is/);
  // The compact widget beside it shows its three panels; the page fetched the comparison's chunk once.
  assert.deepEqual(await page.locator('#compact section[data-panel]').evaluateAll((s) => s.map((x) => x.dataset.panel)), ['percentile', 'estimate', 'sources']);
  assert.equal(env.requests.filter((u) => /salary-calculator-offers-/.test(u) && u.startsWith(env.origin)).length >= 1, true);
  await assertNoProblems(env, assert);
});

test('the compact widget does not download the comparison', T, async () => {
  // In a browser of its own: the other tests' pages fetched the comparison already.
  const own = await setup();
  try {
    const page = await own.newPage();
    await page.goto(`${own.origin}/embed-example.html`);
    await waitForResult(page, '#texas', (x) => x.salary === 120000);
    await waitForResult(page, '#california');
    assert.ok(own.requests.some((u) => /salary-calculator-percentile-/.test(u)), 'the requests are seen');
    assert.deepEqual(own.requests.filter((u) => /offers/.test(u)), []);
    await assertNoProblems(own, assert);
  } finally {
    await own.close();
  }
  assert.deepEqual(foreign(env.requests, env.origin), []);
  await assertNoProblems(env, assert);
});
