// Bad input of every kind, on the page and in the widget: garbage typed into any field shows a
// message next to that field and keeps the last valid result; malformed datasets (given as a
// property or by URL) are reported and the default data is used; dataset text is shown as text.
// None of it may throw into the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, foreign, reference, root, hostPage, hostHtml, assertNoProblems, choosePlace } from './helpers.mjs';

const T = { timeout: 240_000 };
let env, calc;
before(async () => {
  env = await setup();
  calc = await reference();
});
after(async () => env?.close());

// What a visitor (or a cat) might type into an amount or a percentage.
// ('٣٫٣٫٣', Arabic-Indic digits with two decimal marks, replaced '١٢٣' when digits of other
// scripts became numbers: see the test of numbers written other ways, below.)
const GARBAGE = ['abc', '-5', '1e400', '12..5', '$', '<img src=x onerror=alert(1)>', '０x10', 'NaN', '٣٫٣٫٣', '9'.repeat(400)];
const TEXT_FIELDS = {
  salary: '120000', offer: '150000', bonusPercent: '10', equityGrant: '100k', equityYears: '4',
  benefits: '12000', matchPercent: '4', retirement: '6000',
};

/** The text of every panel's results (not their inputs, which hold the messages). */
const resultsText = (w) => w.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-output]')].map((o) => o.textContent).join('\n'));

/** Asserts the field shows `message` next to itself (its own error element) and is marked invalid. */
async function assertFieldError(w, name, message) {
  const error = w.locator(`#f-${name}-error`);
  assert.match(await error.textContent(), message, `message next to ${name}`);
  assert.ok(await error.isVisible(), `the message for ${name} is visible`);
  assert.equal(await w.locator(`#f-${name}`).getAttribute('aria-invalid'), 'true', `${name} marked invalid`);
  // Next to it: inside the same field box as the input.
  assert.equal(await w.locator(`[data-field=${name}] #f-${name}-error`).count(), 1);
}

test('the page: garbage in every text field is reported next to it and the last valid result stays', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  const w = page.locator('#calculator');
  await waitForResult(page, '#calculator');
  for (const [name, value] of Object.entries(TEXT_FIELDS)) await w.locator(`#f-${name}`).fill(value);
  await choosePlace(w.locator('#f-area'), 'TX');
  await waitForResult(page, '#calculator', (r) => r.salary === 120000 && r.takeHome?.pretaxRetirement === 6000
    && r.compensation?.benefits === 12000 && r.offer?.result && r.costOfLiving && r.where.area === 'TX');
  const valid = await resultsText(w);

  for (const [name, value] of Object.entries(TEXT_FIELDS)) {
    for (const garbage of GARBAGE) {
      await w.locator(`#f-${name}`).fill(garbage);
      const r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors[name]));
      assert.equal(Object.keys(r.errors).join(), name, `only ${name} has an error (${garbage})`);
      await assertFieldError(w, name, /Enter|more than|between/);
      assert.equal(await resultsText(w), valid, `${name} = ${garbage.slice(0, 20)}: the last valid result stays`);
      await w.locator(`#f-${name}`).fill(value);
      await waitForResult(page, '#calculator', (x) => !x.errors[name]);
    }
    assert.equal(await w.locator(`#f-${name}-error`).textContent(), '');
    assert.equal(await w.locator(`#f-${name}`).getAttribute('aria-invalid'), null);
  }
  assert.equal(await resultsText(w), valid);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await assertNoProblems(env, assert);
});

test('the page: values that parse but cannot be used are reported next to their field too', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  const w = page.locator('#calculator');
  await waitForResult(page, '#calculator');
  await w.locator('#f-salary').fill('90000');
  await w.locator('#f-retirement').fill('5000');
  await waitForResult(page, '#calculator', (r) => r.salary === 90000 && r.takeHome?.pretaxRetirement === 5000);
  const valid = await resultsText(w);

  // A 401(k) larger than the pay it comes out of.
  await w.locator('#f-retirement').fill('95000');
  await waitForResult(page, '#calculator', (r) => Boolean(r.errors.retirement));
  await assertFieldError(w, 'retirement', /more than the pay it comes out of \(\$90,000 a year\)/);
  assert.equal(await resultsText(w), valid);
  await w.locator('#f-retirement').fill('5000');
  await waitForResult(page, '#calculator', (r) => !r.errors.retirement);

  // A pay that is fine per year but not per hour: more than the core's limit once converted.
  await w.locator('#f-salary').fill('900000');
  await waitForResult(page, '#calculator', (r) => r.salary === 900000);
  const valid2 = await resultsText(w);
  await w.locator('#f-period').selectOption('hourly');
  const r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.salary));
  await assertFieldError(w, 'salary', /more than \$1,000,000,000 a year/);
  assert.equal(r.salary, 900000, 'the last valid pay is still used');
  assert.equal(await resultsText(w), valid2);
  await w.locator('#f-salary').fill('45');
  await waitForResult(page, '#calculator', (x) => x.salary === 93600 && !x.errors.salary);
  assert.notEqual(await resultsText(w), valid);
  await assertNoProblems(env, assert);
});

test('the page: garbage in the menus and checkbox groups (from a link or a script) is reported next to them', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  const w = page.locator('#calculator');
  await w.locator('#f-salary').fill('110000');
  // Looking for a place loads every metro area (and the sources they cite): in before the reference
  // text is taken, as a garbage place would load them too.
  await w.locator('#f-area').focus();
  await waitForResult(page, '#calculator', (r) => r.salary === 110000 && r.takeHome && r.costOfLiving
    && r.compare.rows.some((row) => row.area === 'San Jose-Sunnyvale-Santa Clara, CA'));
  await w.locator('#f-area').blur();
  const valid = await resultsText(w);
  const bad = {
    period: 'fortnightly', occupation: '99-9999', area: 'Atlantis', experience: 'wizard', specialization: '<b>x</b>',
    companyType: 'x'.repeat(5000), filingStatus: 'married-ish', taxYear: '1850', compareTo: 'Mars',
    skills: ['quantum'], technologies: ['<script>'], certifications: [''.padEnd(50, '?')],
  };
  for (const [name, value] of Object.entries(bad)) {
    await w.evaluate((el, [n, v]) => { el.state = { [n]: v }; }, [name, value]);
    const r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors[name]));
    assert.equal(Object.keys(r.errors).join(), name);
    const error = w.locator(`[data-field=${name}] .error`);
    assert.match(await error.textContent(), /not one of the choices|Not in the data|No place matches|matches several places/, name);
    assert.ok((await error.textContent()).length < 200, 'a long value is shortened in the message');
    if (name === 'compareTo') { // no comparison with the last good place under its error (issue 12)
      assert.match(await w.locator('[data-output="cost-of-living"] .lead').textContent(), /Choose a place to compare with/);
    } else {
      assert.equal(await resultsText(w), valid, `${name}: the last valid result stays`);
    }
    await w.evaluate((el, n) => { el.state = { [n]: n === 'skills' || n === 'technologies' || n === 'certifications' ? [] : '' }; }, name);
    await waitForResult(page, '#calculator', (x) => !x.errors[name]);
  }
  assert.equal(await resultsText(w), valid);
  // Values of the wrong type through the API do not throw either.
  await w.evaluate((el) => { el.state = 42; el.state = null; el.state = { salary: { toString: () => 'x' }, skills: 'go,python' }; });
  await waitForResult(page, '#calculator', (r) => Boolean(r.errors.salary) && r.inputs.skills.length === 2);
  await assertNoProblems(env, assert);
});

test('the page: numbers written other ways are read, and one that reads two ways gets a question, never a guess', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/`);
  const w = page.locator('#calculator');
  await waitForResult(page, '#calculator');
  await w.locator('#f-salary').fill('90000');
  await waitForResult(page, '#calculator', (r) => r.salary === 90000);
  const read = {
    '120,000.5': 120000.5, '120.000,50': 120000.5, '120 000': 120000, '120\u00a0000,5': 120000.5, "1'200'000": 1200000,
    '1.200.000': 1200000, '120,5': 120.5, '0.500': 0.5,
    '١٢٠٬٠٠٠': 120000, '١٢٠٠٠٠': 120000, '۱۲۰۰۰۰': 120000, '１２０，０００': 120000, '１２００００': 120000, '٩٠٫٥': 90.5,
  };
  for (const [typed, value] of Object.entries(read)) {
    await w.locator('#f-salary').fill(typed);
    const r = await waitForResult(page, '#calculator', (x) => x.salary === value && !x.errors.salary);
    assert.equal(r.salary, value, typed);
  }
  // Grouping or decimals? "120.000" is $120,000 to most of Europe and $120 to a program: asked.
  for (const [typed, question] of [
    ['120.000', 'Is “120.000” $120,000 or $120? Type 120000 or 120.00.'],
    ['$85.500', 'Is “$85.500” $85,500 or $85.50? Type 85500 or 85.50.'],
    ['1.200k', 'Is “1.200k” $1,200,000 or $1,200? Type 1200000 or 1200.00.'],
  ]) {
    await w.locator('#f-salary').fill('90000');
    await waitForResult(page, '#calculator', (r) => r.salary === 90000 && !r.errors.salary);
    await w.locator('#f-salary').fill(typed);
    const r = await waitForResult(page, '#calculator', (x) => Boolean(x.errors.salary));
    assert.equal(r.salary, 90000, `${typed}: not guessed; the last good pay stays`);
    await assertFieldError(w, 'salary', new RegExp(`^${question.replace(/[$.?()]/g, '\\$&')}$`));
  }
  // A percentage or a number of years: one reading out of range is no question.
  await w.locator('#f-equityYears').fill('4.500');
  await waitForResult(page, '#calculator', (r) => r.inputs.equityYears === 4.5 && !r.errors.equityYears);
  await w.locator('#f-bonusPercent').fill('12,5');
  await waitForResult(page, '#calculator', (r) => r.inputs.bonusPercent === 12.5 && !r.errors.bonusPercent);
  await w.locator('#f-bonusPercent').fill('1.000');
  await waitForResult(page, '#calculator', (r) => Boolean(r.errors.bonusPercent));
  await assertFieldError(w, 'bonusPercent', /^Is “1\.000” 1,000 % or 1 %\? Type 1000 or 1\.$/);
  await assertNoProblems(env, assert);
});

test('the widget: an attribute or a share link written other ways is read the same way', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-numbers.html', hostHtml({
    body: '<salary-calculator id="arabic" salary="١٢٠٬٠٠٠"></salary-calculator><salary-calculator id="dotted" salary="120.000"></salary-calculator>',
  }));
  await page.goto(url);
  assert.equal((await waitForResult(page, '#arabic', (r) => r.salary === 120000)).salary, 120000);
  const r = await waitForResult(page, '#dotted', (x) => Boolean(x.errors.salary));
  assert.equal(r.salary, null, 'no pay guessed');
  assert.match(await page.locator('#dotted #f-salary-error').textContent(), /^Is “120\.000” \$120,000 or \$120\?/);
  // The salary property reads the attribute as the field does (it read null for "120k").
  assert.deepEqual(await page.evaluate(() => ['120k', '$120,000', '١٢٠٬٠٠٠', '120.000', 'lots', ''].map((v) => {
    const el = document.querySelector('#dotted');
    el.setAttribute('salary', v);
    return el.salary;
  })), [120000, 120000, 120000, null, null, null]);
  await page.goto(`${env.origin}/#salary=120.000,50&area=TX`);
  assert.equal((await waitForResult(page, '#calculator', (x) => x.salary === 120000.5 && x.where.area === 'TX')).salary, 120000.5);
  await assertNoProblems(env, assert);
});

// Issue 14, item 4: values given before the calculator has its data went unchecked into its state
// (the panels then showed "Cannot read properties of null (reading 'low')", "unknown experience
// level", "no tax tables for 1900", and Share wrote them back into a link).
const EARLY = { experience: 'bogus', taxYear: '1900', companyType: 'bogus', specialization: 'bogus', filingStatus: 'bogus', occupation: 'bogus', period: 'bogus' };
const RAW_ERROR = /Cannot read|unknown|no tax tables|undefined|null|NaN/;

test('the page: bad values in a share link, given before the calculator loads, are checked like later ones', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/#salary=120000&area=TX&${new URLSearchParams(EARLY)}`);
  const w = page.locator('#calculator');
  const r = await waitForResult(page, '#calculator', (x) => x.salary === 120000 && x.takeHome && x.costOfLiving
    && Object.keys(EARLY).every((name) => x.errors[name]));
  assert.deepEqual(Object.keys(r.errors).sort(), Object.keys(EARLY).sort());
  for (const name of Object.keys(EARLY)) await assertFieldError(w, name, /not one of the choices/);
  // The results use each field's default, and say nothing raw.
  const state = await w.evaluate((el) => el.state);
  assert.deepEqual({ experience: state.experience, companyType: state.companyType, specialization: state.specialization,
    filingStatus: state.filingStatus, occupation: state.occupation, period: state.period, area: state.area },
  { experience: '', companyType: '', specialization: '', filingStatus: 'single', occupation: '15-1252', period: 'annual', area: 'TX' });
  assert.equal(state.taxYear, String(Math.max(...calc.taxYears())));
  assert.doesNotMatch(await resultsText(w), RAW_ERROR);
  // The same result as the defaults given outright.
  assert.ok(Math.abs(r.percentile.area - calc.percentileOf(120000, { area: 'TX' }).percentile) < 1e-9);
  // Share writes no bad value back (the tax year, whose default depends on the data, is written).
  await page.locator('#share-button').click();
  const link = new URL(await page.locator('#share-link').inputValue());
  assert.deepEqual(Object.fromEntries(new URLSearchParams(link.hash.slice(1))), { salary: '120000', area: 'TX', taxYear: state.taxYear });
  await assertNoProblems(env, assert);
});

test('the widget: attributes given before load are checked like later ones; a case-only mismatch is that choice', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-early.html', hostHtml({
    body: '<salary-calculator id="cased" experience="Senior" area="tx" occupation="15-1252" salary="150000" layout="full"></salary-calculator>'
      + '<salary-calculator id="bad" experience="bogus" area="Atlantis" salary="150000"></salary-calculator>',
  }));
  await page.goto(url);
  const cased = await waitForResult(page, '#cased', (x) => x.salary === 150000);
  assert.deepEqual(cased.errors, {});
  assert.equal(cased.where.area, 'TX');
  assert.equal(cased.inputs.experience, 'senior');
  assert.ok(Math.abs(cased.estimate.typical - calc.estimate({ area: 'TX', experience: 'senior' }).typical) < 1e-6);
  assert.equal(await page.locator('#cased #f-area').inputValue(), 'Texas'); // a place field shows the place's name
  assert.equal(await page.locator('#cased #f-experience').inputValue(), 'senior');
  // Skills too, and the same after load.
  await page.locator('#cased').evaluate((el) => { el.state = { skills: ['GO', 'python'], companyType: 'LARGE-TECH' }; });
  const later = await waitForResult(page, '#cased', (x) => x.inputs.skills.length === 2);
  assert.deepEqual(later.inputs.skills, ['go', 'python']);
  assert.equal(later.inputs.companyType, 'large-tech');
  assert.deepEqual(later.errors, {});

  const bad = await waitForResult(page, '#bad', (x) => x.errors.experience && x.errors.area);
  assert.equal(bad.where.area, 'US');
  assert.equal(bad.inputs.experience, '');
  assert.doesNotMatch(await resultsText(page.locator('#bad')), RAW_ERROR);
  // After load the same values are reported the same way, and the last good value stays.
  await page.locator('#cased').evaluate((el) => { el.setAttribute('experience', 'bogus'); el.setAttribute('area', 'Atlantis'); });
  const after = await waitForResult(page, '#cased', (x) => x.errors.experience && x.errors.area);
  assert.equal(after.where.area, 'TX');
  assert.equal(after.inputs.experience, 'senior');
  await assertNoProblems(env, assert);
});

test('the widget: garbage typed or set as attributes is reported next to its field', T, async () => {
  const page = await env.newPage();
  await page.goto(`${env.origin}/embed-example.html`);
  const w = page.locator('#texas');
  await waitForResult(page, '#texas', (r) => r.salary === 120000);
  const valid = await resultsText(w);
  for (const garbage of GARBAGE) {
    await w.locator('#f-salary').fill(garbage);
    await waitForResult(page, '#texas', (r) => Boolean(r.errors.salary));
    await assertFieldError(w, 'salary', /Enter your pay|more than/);
    assert.equal(await resultsText(w), valid);
    await w.locator('#f-salary').fill('120000');
    await waitForResult(page, '#texas', (r) => !r.errors.salary);
  }
  for (const [attribute, value, message] of [['salary', 'lots', /Enter your pay/], ['area', 'Atlantis', /No place matches “Atlantis”/],
    ['occupation', '<img src=x>', /not one of the choices/], ['experience', 'wizard', /not one of the choices/]]) {
    await w.evaluate((el, [a, v]) => el.setAttribute(a, v), [attribute, value]);
    await waitForResult(page, '#texas', (r) => Boolean(r.errors[attribute]));
    assert.match(await w.locator(`#f-${attribute}-error`).textContent(), message);
    assert.equal(await resultsText(w), valid, `${attribute}="${value}"`);
    await w.evaluate((el, [a, v]) => el.setAttribute(a, v), [attribute, { salary: '120000', area: 'TX', occupation: '15-1252', experience: '' }[attribute]]);
    await waitForResult(page, '#texas', (r) => !r.errors[attribute]);
  }
  assert.equal(await resultsText(w), valid);
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('img').length), 0);
  await assertNoProblems(env, assert);
});

test('malformed datasets are reported and the widget keeps working on the default data', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-datasets.html', hostHtml({ body: '<main></main>' }));
  const bad = {
    '/bad/garbage.json': 'garbage, not JSON',
    '/bad/truncated.json': '{"format": "salary-dataset/1", "sources": {',
    '/bad/not-utf8.json': Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    '/bad/empty.json': '',
    '/bad/wrong-shape.json': JSON.stringify({ format: 'salary-dataset/1', occupations: [1, 2, 3] }),
  };
  for (const [path, body] of Object.entries(bad)) {
    env.route(path, { contentType: 'application/json', body });
  }
  await page.goto(url);
  await page.evaluate(() => customElements.whenDefined('salary-calculator'));
  // By URL (including one that 404s and one that is not a URL at all) and as a property.
  const widgets = {
    ...Object.fromEntries(Object.keys(bad).map((p, i) => [`src${i}`, { src: `.${p}` }])),
    missing: { src: './bad/no-such-file.json' },
    notUrl: { src: 'http://[' },
    number: { dataset: 42 },
    text: { dataset: 'not json' },
    array: { dataset: [] },
    empty: { dataset: {} },
    shape: { dataset: { format: 'salary-dataset/1', sources: 7 } },
    markup: { dataset: { format: '<img src=x onerror="window.__pwned=3">' } },
  };
  await page.evaluate((specs) => {
    for (const [id, spec] of Object.entries(specs)) {
      const el = document.createElement('salary-calculator');
      el.id = id;
      if (spec.src) el.setAttribute('dataset-src', spec.src);
      if ('dataset' in spec) el.salaryDataset = spec.dataset;
      document.querySelector('main').append(el);
    }
  }, widgets);
  await page.evaluate(() => {
    const big = document.createElement('salary-calculator');
    big.id = 'huge';
    big.salaryDataset = ' '.repeat(9 * 1024 * 1024); // over the 8 MiB limit
    document.querySelector('main').append(big);
  });
  for (const id of [...Object.keys(widgets), 'huge']) {
    const r = await waitForResult(page, `#${id}`, (x) => x.estimate !== null);
    assert.equal(r.version, calc.version(), `${id}: the default data`);
    const notice = page.locator(`#${id} [data-dataset-error]`);
    assert.match(await notice.textContent(), /^The custom dataset could not be used \(.+\)\. Showing the default data instead\.$/s, id);
    assert.equal(await notice.getAttribute('role'), 'alert');
    // And it keeps working.
    await page.locator(`#${id} #f-salary`).fill('101000');
    const typed = await waitForResult(page, `#${id}`, (x) => x.salary === 101000);
    assert.ok(Math.abs(typed.percentile.area - calc.percentileOf(101000).percentile) < 1e-9);
  }
  assert.match(await page.locator('#src0 [data-dataset-error]').textContent(), /dataset_syntax|line 1|syntax|JSON/i);
  assert.match(await page.locator('#missing [data-dataset-error]').textContent(), /HTTP 404/);
  assert.match(await page.locator('#huge [data-dataset-error]').textContent(), /limit/);
  // Markup in an error message is text.
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('salary-calculator')].reduce((n, el) => n + el.shadowRoot.querySelectorAll('img').length, 0)), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Taking the dataset away clears the message.
  await page.evaluate(() => { document.querySelector('#shape').salaryDataset = null; });
  await page.waitForFunction(() => !document.querySelector('#shape').shadowRoot.querySelector('[data-dataset-error]'));
  await waitForResult(page, '#shape', (x) => x.estimate !== null);
  // The 404 is the one console error expected (the browser logs the failed request).
  const problems = await env.takeProblems();
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});

test('dataset text with markup and script is shown literally and runs nothing', T, async () => {
  const page = await env.newPage();
  const url = await hostPage(env, '/host-markup.html', hostHtml({ body: '<main></main>' }));
  await page.goto(url);
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const SCRIPT = '<script>window.__pwned=2</script>';
  const data = JSON.parse(readFileSync(join(root, 'data/salary-data.json'), 'utf8'));
  data.occupations['15-1252'].title = IMG;
  data.sources['bls-oews-2024'].title = SCRIPT;
  data.sources['bls-oews-2024'].publisher = `${SCRIPT} BLS`;
  data.experience_levels[0].label = IMG; // the career table and the experience menu
  data.areas.TX.name = SCRIPT; // the place menu and every sentence about Texas
  await page.evaluate((dataset) => {
    const el = document.createElement('salary-calculator');
    el.id = 'custom';
    el.setAttribute('layout', 'full');
    el.setAttribute('area', 'TX');
    el.setAttribute('salary', '120000');
    el.salaryDataset = dataset;
    document.querySelector('main').append(el);
  }, data);
  const r = await waitForResult(page, '#custom', (x) => x.salary === 120000 && x.compare);
  assert.equal(r.percentile.distribution.occupationTitle, IMG);
  const w = page.locator('#custom');
  // The literal text is what the visitor sees: in the menu, the result sentence, the sources list.
  assert.equal(await w.locator('#f-occupation option[value="15-1252"]').textContent(), IMG);
  const lead = w.locator('[data-result=percentile]');
  assert.ok((await lead.textContent()).includes(IMG.toLowerCase()), await lead.textContent());
  assert.ok(await lead.isVisible());
  const source = w.locator('li[data-source="bls-oews-2024"]');
  assert.ok((await source.textContent()).includes(SCRIPT));
  assert.ok(await source.isVisible());
  assert.ok((await w.locator('table.breakdown').textContent()).includes(IMG.toLowerCase()));
  assert.equal(await w.locator('#f-experience option[value=entry]').textContent(), `${IMG} (0–2 years)`);
  assert.ok((await w.locator('tr[data-level=entry]').textContent()).includes(IMG));
  assert.equal(await w.locator('#f-area').inputValue(), SCRIPT); // the place field shows the state's name
  assert.ok((await lead.textContent()).includes(`in ${SCRIPT}`));
  await page.waitForTimeout(300); // an onerror would have fired by now
  const found = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('salary-calculator')].map((el) => el.shadowRoot)];
    return {
      img: roots.reduce((n, x) => n + x.querySelectorAll('img').length, 0),
      script: roots.slice(1).reduce((n, x) => n + x.querySelectorAll('script').length, 0),
      pwned: window.__pwned,
    };
  });
  assert.deepEqual(found, { img: 0, script: 0, pwned: undefined });
  await assertNoProblems(env, assert);
});

test('no request went to any host but the page’s own origin', () => {
  assert.ok(env.requests.length > 0);
  assert.deepEqual(foreign(env.requests, env.origin), []);
});
