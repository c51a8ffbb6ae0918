// Shared links: the inputs go into the URL fragment (never sent to a server) only when the visitor
// asks, and opening the link restores them; a damaged link restores what it can.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, waitForResult, foreign, reference, assertNoProblems, choosePlace } from './helpers.mjs';

const T = { timeout: 180_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

test('a shared link restores its inputs', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  await waitForResult(page, '#calculator');
  const w = page.locator('#calculator');
  await w.locator('#f-salary').fill('135000');
  await choosePlace(w.locator('#f-area'), 'CO');
  await w.locator('#f-experience').selectOption('staff');
  await w.locator('details.more > summary').click();
  await w.locator('input[name=skills][value=go]').check();
  await w.locator('#f-offer').fill('180000');
  await w.locator('#f-bonusPercent').fill('12');
  await w.locator('#f-filingStatus').selectOption('joint');
  await choosePlace(w.locator('#f-compareTo'), 'Washington');
  const original = await waitForResult(page, '#calculator', (r) => r.salary === 135000 && r.inputs.compareTo === 'WA'
    && r.inputs.skills.length === 1 && r.inputs.filingStatus === 'joint' && r.inputs.bonusPercent === 12);
  assert.equal(await page.evaluate(() => location.hash), '', 'no link before the visitor asks');
  assert.equal(await page.locator('#share-output').isHidden(), true);

  await page.locator('#share-button').click();
  const link = await page.locator('#share-link').inputValue();
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, `${env.origin}/`);
  const params = new URLSearchParams(url.hash.slice(1));
  assert.equal(params.get('salary'), '135000');
  assert.equal(params.get('area'), 'CO');
  assert.equal(params.get('skills'), 'go');
  assert.equal(url.search, '', 'nothing in the query string (it would reach the server)');

  const opened = await env.newPage();
  await opened.goto(link);
  const restored = await waitForResult(opened, '#calculator', (r) => r.salary === 135000 && r.inputs.compareTo === 'WA');
  assert.deepEqual(restored.inputs, original.inputs);
  assert.equal(restored.percentile.area, original.percentile.area);
  assert.equal(restored.offer.result.percentileInProfile, original.offer.result.percentileInProfile);
  const ow = opened.locator('#calculator');
  assert.equal(await ow.locator('#f-salary').inputValue(), '135000');
  assert.equal(await ow.locator('#f-area').inputValue(), 'Colorado', 'a place field shows the place\'s name');
  assert.equal(await ow.locator('#f-experience').inputValue(), 'staff');
  assert.equal(await ow.locator('input[name=skills][value=go]').isChecked(), true);
  assert.equal(await ow.locator('#f-bonusPercent').inputValue(), '12');
  const expected = calc.estimate({ area: 'CO', experience: 'staff', skills: ['go'], offer: 180000 });
  assert.ok(Math.abs(restored.estimate.typical - expected.typical) < 1e-6);
  await assertNoProblems(env, assert);
});

test('a damaged link restores what it can and says what it could not', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/#salary=lots&area=Atlantis&experience=senior&skills=go,quantum&offer=1e999&junk=%E0%A4%A`);
  const r = await waitForResult(page, '#calculator', (x) => x.inputs.experience === 'senior' && x.errors.salary && x.errors.area);
  assert.deepEqual(r.inputs.skills, ['go']);
  assert.equal(r.where.area, 'US');
  const w = page.locator('#calculator');
  assert.match(await w.locator('#f-salary-error').textContent(), /Enter your pay/);
  assert.equal(await w.locator('#f-salary').inputValue(), 'lots', 'what was in the link stays visible to correct');
  assert.match(await w.locator('#f-area-error').textContent(), /Atlantis/);
  assert.match(await w.locator('fieldset[data-field=skills] .error').textContent(), /quantum/);
  assert.ok(r.errors.offer);
  // Changing the fragment of an open page applies it too; a plain anchor is ignored.
  await page.evaluate(() => { location.hash = 'salary=88000&area=OH'; });
  await waitForResult(page, '#calculator', (x) => x.salary === 88000 && x.where.area === 'OH');
  await page.evaluate(() => { location.hash = 'how'; });
  await page.waitForTimeout(200);
  assert.equal((await page.evaluate(() => document.querySelector('#calculator').result)).salary, 88000);
  await assertNoProblems(env, assert);
});

test('a link names a metro or nonmetro area by its code, and the metro areas load for it', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/#salary=150000&area=12420&compareTo=4800001`);
  const r = await waitForResult(page, '#calculator', (x) => x.where.area === '12420' && x.costOfLiving?.pair && x.prevailingWage);
  const w = page.locator('#calculator');
  assert.equal(await w.locator('#f-area').inputValue(), 'Austin-Round Rock-San Marcos, TX');
  assert.equal(r.costOfLiving.pair.to.name, 'Northwestern Region of Texas nonmetropolitan area');
  assert.equal(r.percentile.distribution.areaName, 'Austin-Round Rock-San Marcos, TX');
  assert.equal(r.prevailingWage.levels[0].annual, calc.prevailingWage({ area: '12420' }).levels[0].annual);
  // Sharing it again writes the same codes.
  await page.locator('#share-button').click();
  const params = new URLSearchParams(new URL(await page.locator('#share-link').inputValue()).hash.slice(1));
  assert.equal(params.get('area'), '12420');
  assert.equal(params.get('compareTo'), '4800001');
  // An unknown code is reported, not guessed.
  await page.evaluate(() => { location.hash = 'area=99999'; });
  await assert.doesNotReject(w.locator('#f-area-error').filter({ hasText: /No place matches “99999”/ }).waitFor());
  await assertNoProblems(env, assert);
});

test('a shared link’s locality shows in its menu, whose choices are the link’s place’s', T, async () => {
  // The page arrives rendered for the default place (whose menu has no localities): the link's
  // place gets its own choices before the link's locality is shown in it.
  const page = await env.newPage();
  await page.goto(`${env.origin}/#area=MO&locality=kansas-city`);
  const r = await waitForResult(page, '#calculator', (x) => x.takeHome?.locality === 'kansas-city');
  assert.equal(r.takeHome.localityName, 'Kansas City');
  assert.equal(await page.locator('#calculator #f-locality').inputValue(), 'kansas-city');
  assert.equal(await page.locator('#calculator label[for=f-locality]').textContent(), 'Do you live in one of these places (local income tax)?');
  await assertNoProblems(env, assert);
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
