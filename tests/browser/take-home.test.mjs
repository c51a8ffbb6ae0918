// The take-home panel on the page: the locality question follows the place, local and state
// payroll taxes and the pre-tax contributions give the core's numbers, and a contribution above
// its limit is reported next to its own field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, waitForResult, reference, usd, assertNoProblems } from './helpers.mjs';

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
  await waitForResult(page, '#calculator', (x) => x.takeHome);
  return { page, w: page.locator('#calculator') };
}

const question = (w) => w.locator('.f-locality label').textContent();
const choices = (w) => w.locator('#f-locality option').evaluateAll((options) => options.map((o) => o.value));

test('the locality question follows the place, and a chosen city comes back with its state', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('150000');
  await w.locator('#f-area').selectOption('NY');
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
  await w.locator('#f-area').selectOption('PA');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'PA');
  assert.equal(await question(w), 'Do you live in the city of Philadelphia?');
  assert.deepEqual(await choices(w), ['', 'philadelphia']);
  assert.equal(r.takeHome.locality, '');
  assert.equal(r.errors.locality, undefined);
  await w.locator('#f-area').selectOption('MD');
  await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'MD');
  assert.equal(await question(w), 'Which Maryland county do you live in?');
  assert.equal((await choices(w)).length, 25);
  await w.locator('#f-area').selectOption('TX');
  await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'TX');
  assert.deepEqual(await choices(w), ['']);
  // Back in New York, the city chosen before is there again.
  await w.locator('#f-area').selectOption('NY');
  r = await waitForResult(page, '#calculator', (x) => x.takeHome?.state === 'NY');
  assert.equal(r.takeHome.locality, 'nyc');
  assert.equal(await w.locator('#f-locality').inputValue(), 'nyc');
  assertNoProblems(env, assert);
});

test('HSA, FSA and 401(k) contributions: limits by coverage and age, errors next to their fields', T, async () => {
  const { page, w } = await openPage();
  await w.locator('#f-salary').fill('140000');
  await w.locator('#f-area').selectOption('CA');
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
