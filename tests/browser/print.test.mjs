// The page on paper: the default result prints on at most two Letter or A4 pages (printed to PDF,
// its pages counted); in print the inputs are written as text, the results take the whole width
// (no empty column where the form was), every panel is drawn with its charts and its sources (their
// addresses written out), in light colours whatever the screen's scheme, and nothing that only
// works on screen is printed (the phone's bar, sharing, embedding, folding, buttons); of the sources,
// those cited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, waitForResult, assertNoProblems, chromiumOnly } from './helpers.mjs';

const T = {
  timeout: 240_000,
  skip: chromiumOnly('printing to PDF and print media emulation are Playwright (DevTools protocol) calls that the Firefox and WebKit adapters do not have'),
};
let env;
before(async () => { if (!T.skip) env = await setup(); });
after(async () => env?.close());

// A filled result: pay, place, profile with a skill, an offer to negotiate and two offers compared
// (one with a bonus, one remote, in groups that are folded on screen).
const FILLED = 'salary=120000&area=TX&experience=senior&skills=python&offer=150000'
  + '&aArea=TX&aBase=150000&aBonus=10&bArea=WA&bBase=170000&bEmployer=CA';

let visit = 0;
async function open(fragment = '', colorScheme = 'light') {
  const page = await env.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${env.origin}/?print=${++visit}#${fragment}`);
  await waitForResult(page, '#calculator', (r) => Boolean(r.costOfLiving && (!fragment || r.offers?.result)));
  return page;
}

/** The number of pages of a PDF as Chromium writes it (one uncompressed page object per page). */
function pageCount(pdf) {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(pages > 0 && counts.includes(pages), `page objects ${pages}, page tree counts ${counts}`);
  return pages;
}

test('the default result prints on two Letter or A4 pages, a filled one with two offers on three', T, async () => {
  const page = await open();
  // What is said only on paper is not on screen.
  assert.equal(await page.locator('#calculator .panel-compare .paper').isVisible(), false);
  for (const format of ['Letter', 'A4']) {
    const pages = pageCount(await page.pdf({ format }));
    assert.ok(pages <= 2, `the default result on ${format}: ${pages} pages`);
  }
  const filled = await open(FILLED);
  for (const format of ['Letter', 'A4']) {
    const pages = pageCount(await filled.pdf({ format }));
    assert.ok(pages <= 3, `a filled result on ${format}: ${pages} pages`);
  }
  await assertNoProblems(env, assert);
});

/** What the page shows in print media: the parts of the page and of the calculator, as seen. */
const onPaper = (page) => page.evaluate(() => {
  const seen = (e) => Boolean(e) && e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; };
  const shadow = document.getElementById('calculator').shadowRoot;
  const all = (sel) => [...document.querySelectorAll(sel), ...shadow.querySelectorAll(sel)];
  const form = shadow.querySelector('form.inputs');
  const frame = shadow.querySelector('.frame') || shadow.querySelector('.root').parentElement;
  // The fields as printed: each label (with the colon print adds), then the value it shows.
  const asText = (root) => [...root.querySelectorAll('label, legend, input, select')].filter(seen).map((e) => {
    if (e.localName === 'select') return e.selectedOptions[0]?.text;
    if (e.localName === 'input') return e.type === 'checkbox' ? '' : e.value;
    return e.textContent.trim() + getComputedStyle(e, '::after').content.replace(/^none$/, '').replace(/"/g, '');
  }).join(' ').replace(/\s+/g, ' ');
  return {
    page: Object.fromEntries(['#quick', '.share', '.embed', '.how', '.skip', 'footer'].map((s) => [s, seen(document.querySelector(s))])),
    root: box(shadow.querySelector('.root')),
    results: box(shadow.querySelector('.results')),
    formText: asText(form),
    offersText: asText(shadow.querySelector('.panel-offers .controls')),
    // Inputs shown must read as text: no box, no placeholder standing in for a value.
    boxedInputs: all('input, select').filter(seen).filter((e) => {
      const s = getComputedStyle(e);
      return s.borderTopStyle !== 'none' || s.appearance !== 'none' || e.matches(':placeholder-shown');
    }).map((e) => e.id || e.name),
    // Buttons shown are only the table headings that sort on screen (as plain headings on paper).
    buttons: all('button, summary').filter(seen).filter((e) => !e.closest('th')).map((e) => e.id || e.textContent),
    panels: [...shadow.querySelectorAll('.panel')].map((p) => ({ name: p.dataset.panel, seen: seen(p), height: p.getBoundingClientRect().height })),
    charts: [...shadow.querySelectorAll('svg.chart:not(.chart-you), svg.bar')].filter(seen).map((s) => box(s)),
    sources: [...shadow.querySelectorAll('.sources li')].filter(seen).map((li) => li.querySelector('a')).filter(Boolean)
      .map((a) => ({ href: a.href, after: getComputedStyle(a, '::after').content })),
    // Every source printed is one a printed figure cites, and only those (the full layout lists all).
    sourcesPrinted: [...shadow.querySelectorAll('.sources li')].filter(seen).map((li) => li.dataset.source).sort(),
    sourcesCited: [...new Set([...shadow.querySelectorAll('.results a.cite')].filter(seen).map((a) => a.dataset.source))].sort(),
    sourcesListed: shadow.querySelectorAll('.sources li').length,
    // The published figures for other places are left out, and the page says how many.
    elsewhere: [...shadow.querySelectorAll('.compare-table [data-elsewhere]')].map(seen),
    paperNote: seen(shadow.querySelector('.panel-compare .paper')) && shadow.querySelector('.panel-compare .paper').textContent,
    colours: { text: getComputedStyle(frame).color, background: getComputedStyle(shadow.querySelector('.panel')).backgroundColor },
  };
});

test('on paper: the inputs as text, the results across the page with charts and sources, light colours, no screen-only controls', T, async () => {
  for (const [fragment, scheme] of [['', 'light'], [FILLED, 'dark']]) {
    const page = await open(fragment, scheme);
    await page.emulateMedia({ media: 'print', colorScheme: scheme });
    const p = await onPaper(page);
    const what = fragment ? `filled, ${scheme}` : `default, ${scheme}`;
    assert.deepEqual(p.page, { '#quick': false, '.share': false, '.embed': false, '.how': false, '.skip': false, footer: true }, what);
    // No empty column: the results start where the calculator does and take its width.
    assert.ok(Math.abs(p.results.left - p.root.left) < 2 && p.results.width > p.root.width * 0.95, `${what}: results ${JSON.stringify(p.results)} in ${JSON.stringify(p.root)}`);
    assert.deepEqual(p.boxedInputs, [], `${what}: inputs drawn as fields on paper`);
    assert.deepEqual(p.buttons, [], `${what}: controls that only work on screen`);
    for (const panel of p.panels) {
      if (panel.name === 'offers' && !fragment) assert.equal(panel.seen, false, 'no offers entered: the panel is left off paper');
      else assert.ok(panel.seen && panel.height > 20, `${what}: the ${panel.name} panel is printed (${panel.height} px)`);
    }
    assert.ok(p.charts.length >= 5 && p.charts.every((c) => c.width > 30 && c.height > 8), `${what}: charts ${JSON.stringify(p.charts)}`);
    assert.ok(p.charts[0].width > 400, `${what}: the distribution chart is ${p.charts[0].width} px wide`);
    assert.ok(p.sources.length >= 5);
    for (const s of p.sources) assert.ok(s.after.includes(s.href), `${what}: the address of ${s.href} is written out (${s.after})`);
    assert.deepEqual(p.sourcesPrinted, p.sourcesCited, `${what}: the sources printed are those cited`);
    assert.ok(p.sourcesListed > p.sourcesPrinted.length, `${what}: ${p.sourcesListed} sources on screen, ${p.sourcesPrinted.length} on paper`);
    assert.deepEqual(p.colours, { text: 'rgb(27, 31, 36)', background: 'rgba(0, 0, 0, 0)' }, `${what}: dark text, no panel background`);
    assert.ok(p.elsewhere.length > 0 && !p.elsewhere.some(Boolean), `${what}: figures for other places are printed`);
    assert.equal(p.paperNote, `Left out on paper: the ${p.elsewhere.length} figures published for other places (they are on screen).`);
    assert.match(p.formText, /Occupation: Software Developers/);
    if (fragment) {
      // What was typed, folded groups included, reads as text; blank fields are left out.
      assert.match(p.formText, /Your pay \(USD\): 120000 .*Place: Texas .*Experience: Senior \(6–10 years\).*Skills: Python/);
      assert.match(p.offersText, /Offer A: Place: Texas Base salary per year \(USD\): 150000 Target bonus \(% of base\): 10 Offer B: Place: Washington Base salary per year \(USD\): 170000 If remote, where the employer is: California/);
      assert.doesNotMatch(p.offersText, /Offer C|Equity|Sign-on/);
    } else {
      assert.doesNotMatch(p.formText, /Your pay|Skills|e\.g\./, 'blank fields are left out');
    }
  }
  await assertNoProblems(env, assert);
});
