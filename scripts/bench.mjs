// The benchmark: prints each figure with its budget and PASS/FAIL, and rewrites BENCHMARKS.md.
// A benchmark, not a test: nothing here fails the test suite. Run it with scripts/bench (which
// builds the release artefacts first). Timings: the median of RUNS runs, with min and max.
//
//   node scripts/bench.mjs [--runs 15] [--no-lighthouse] [--only bytes,offline,cold,typing,estimate,throughput,loading,lighthouse]
// (BENCHMARKS.md is rewritten only by a complete run.)
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { measureLoading } from './bench-loading.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 15;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];

function report(figure, value, budget, pass, detail = '') {
  rows.push({ figure, value, budget, pass, detail });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${figure}: ${value} (budget ${budget})${detail ? `  ${detail}` : ''}`);
}

async function browser(extraArgs = []) {
  const profile = mkdtempSync(join(tmpdir(), 'salary-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs], viewport: { width: 1280, height: 900 },
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// 1. Bytes on the wire for the widget on the sample blog post: every response except the post.
async function widgetBytes(origin) {
  const { context, close } = await browser();
  const page = await context.newPage();
  const pending = [];
  page.on('requestfinished', (request) => {
    pending.push(request.sizes().then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize })));
  });
  await page.goto(`${origin}/embed-example.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('salary-calculator')].every((w) => w.result));
  await page.waitForLoadState('networkidle');
  const responses = await Promise.all(pending);
  await close();
  const widget = responses.filter((r) => !r.url.endsWith('/embed-example.html') && !r.url.endsWith('/embed-example.css'));
  const total = widget.reduce((sum, r) => sum + r.bytes, 0);
  const detail = widget.map((r) => `${r.url.split('/').pop()} ${kb(r.bytes)}`).join(', ');
  report('widget + default dataset, bytes transferred (gzip)', kb(total), '≤ 64 KB', total <= 64 * 1024, detail);
}

function offlineSize() {
  const bytes = statSync(join(dist, 'salary-calculator.offline.html')).size;
  report('offline single file, raw', kb(bytes), '≤ 256 KB', bytes <= 256 * 1024);
}

// 2. Cold load: navigation → first computed result shown, over first contentful paint. The page
//    carries the default result rendered at build time (scripts/prerender.mjs), so that result is
//    painted with the first contentful paint — provided it is the result the calculator computes
//    now: each run checks that the text painted first is the text the live widget shows once it
//    has computed (else the prerender is stale and the result counts as shown only then). The
//    widget's mark (salary-calculator:first-result, its first computed result) is the time it is
//    interactive, reported alongside.
async function coldLoad(origin) {
  const ratios = [], results = [], paints = [], ready = [];
  let stale = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, close } = await browser(); // a fresh profile: nothing cached
    const page = await context.newPage();
    const response = await page.goto(`${origin}/index.html`);
    const served = await response.text();
    const t = await page.evaluate((html) => new Promise((resolve) => {
      // What the served HTML itself shows (its declarative shadow root), before any script ran.
      const shadow = Document.parseHTMLUnsafe(html).querySelector('salary-calculator')?.shadowRoot;
      const firstPaintText = shadow?.querySelector('[data-result="estimate"]')?.textContent ?? null;
      const read = () => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const computed = performance.getEntriesByName('salary-calculator:first-result')[0];
        if (fcp && computed) {
          const live = document.querySelector('salary-calculator').shadowRoot.querySelector('[data-result="estimate"]');
          resolve({ fcp: fcp.startTime, computed: computed.startTime, text: live ? live.textContent : null, firstPaintText });
        } else setTimeout(read, 20);
      };
      read();
    }), served);
    await close();
    const firstPaintText = t.firstPaintText;
    const prerendered = firstPaintText !== null && firstPaintText === t.text;
    if (firstPaintText !== null && !prerendered) stale++;
    const shown = prerendered ? t.fcp : t.computed;
    ratios.push(shown / t.fcp);
    results.push(shown);
    paints.push(t.fcp);
    ready.push(t.computed);
  }
  const r = stats(ratios);
  report('cold load: first result shown / first contentful paint', r.median.toFixed(2), '≤ 1.25', r.median <= 1.25,
    `min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)}; result ${median(results).toFixed(0)} ms, FCP ${median(paints).toFixed(0)} ms, `
    + `interactive ${median(ready).toFixed(0)} ms (medians of ${RUNS})${stale ? `; the built-in result was stale in ${stale} runs` : ''}`);
}


// 3. Typing a new salary → result updated and chart painted. Frames are not throttled to vsync,
//    so the figure is the work, not the wait for the next 16.7 ms tick. Each run is a fresh
//    browser that types 60 salaries into the page as soon as it has its first result, the first
//    keystrokes (code still cold) included; the figure is the median over the runs of each run's
//    95th percentile.
const KEYSTROKES = 60;
async function typing(origin) {
  const p95s = [], all = [];
  for (let r = 0; r < RUNS; r++) {
    const { context, close } = await browser(['--disable-gpu-vsync', '--disable-frame-rate-limit']);
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.querySelector('salary-calculator')?.result);
    const times = await page.evaluate(async (n) => {
      const widget = document.querySelector('salary-calculator');
      const input = widget.shadowRoot.querySelector('input[name="salary"]') || widget.shadowRoot.querySelector('input');
      const out = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        await new Promise((resolve) => {
          widget.addEventListener('change', () => requestAnimationFrame(() => setTimeout(resolve, 0)), { once: true });
          input.value = String(90000 + i * 1373);
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        });
        out.push(performance.now() - start);
      }
      return out;
    }, KEYSTROKES);
    await close();
    p95s.push(quantile(times, 0.95));
    all.push(...times);
  }
  const p = stats(p95s);
  report('typing → result and chart painted, p95', `${p.median.toFixed(1)} ms`, '≤ 16 ms', p.median <= 16,
    `p95 of each run: min ${p.min.toFixed(1)}, max ${p.max.toFixed(1)} ms; every keystroke: median ${median(all).toFixed(1)}, `
    + `max ${Math.max(...all).toFixed(1)} ms (${RUNS} runs of ${KEYSTROKES})`);
}

// 4. One full estimate() in the browser.
async function estimateInBrowser(origin) {
  const { context, close } = await browser();
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('salary-calculator')?.result);
  const perCall = await page.evaluate(async ({ runs, url }) => {
    const { load } = await import(url);
    const calc = await load();
    const profile = { area: 'CA', experience: 'senior', specialization: 'cloud', skills: ['go', 'python'], companyType: 'large-tech', offer: 190000 };
    for (let i = 0; i < 200; i++) calc.estimate(profile); // warm up the JIT
    const out = [];
    for (let r = 0; r < runs; r++) {
      const n = 2000, start = performance.now();
      for (let i = 0; i < n; i++) calc.estimate(profile);
      out.push(((performance.now() - start) / n) * 1000);
    }
    return out;
  }, { runs: RUNS, url: `${origin}/salary-core.mjs` });
  await close();
  const s = stats(perCall);
  report('estimate() in the browser, median', `${s.median.toFixed(1)} µs`, '≤ 20 µs', s.median <= 20,
    `min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)} µs (${RUNS} runs of 2,000 calls)`);
}

// 5. The percentile lookup, wasm under Node against the same C++ compiled natively, same run.
function throughputRatio() {
  const dataset = join(root, 'data/salary-data.json');
  const native = join(root, 'build/native/percentile_throughput');
  const wasm = join(root, 'build/wasm/percentile_throughput.js');
  const perSecond = (cmd, cmdArgs) => JSON.parse(execFileSync(cmd, cmdArgs, { encoding: 'utf8' }).trim().split('\n').pop()).per_second;
  const ratios = [], nat = [], was = [];
  for (let i = 0; i < Math.max(5, Math.min(RUNS, 9)); i++) {  // alternate, so load on the machine hits both
    const n = perSecond(native, [dataset, '3000000']);
    const w = perSecond('node', [wasm, dataset, '3000000']);
    nat.push(n); was.push(w); ratios.push(w / n);
  }
  const r = stats(ratios);
  report('percentileOf throughput, wasm (Node) / native', r.median.toFixed(2), '≥ 0.5', r.median >= 0.5,
    `native ${(median(nat) / 1e6).toFixed(1)}M/s, wasm ${(median(was) / 1e6).toFixed(1)}M/s; ratio min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)}`);
}

// 6. Loading a dataset: entries per second as a dataset grows from 1/8 to all of every entry limit
//    (scripts/bench-loading.mjs). Linear loading keeps the rate flat: the figure is the lowest, over
//    the ways of loading, of (rate at the limits) / (rate at 1/8 of them); a quadratic loader's is 0.125.
async function loading() {
  const { rows, over, linearity } = await measureLoading({ runs: 3, log: () => {} });
  const last = rows.at(-1);
  const worst = Math.min(...['native', 'wasm', 'api'].map((k) => linearity[k]).filter(Number.isFinite));
  const perSecond = (k) => `${Math.round(last.entries / last[k] / 1000)}k/s`;
  report('dataset loading: entries/s at the limits ÷ at 1/8 of them', worst.toFixed(2), '≥ 0.5 (linear ≈ 1)', worst >= 0.5,
    `at the limits (${last.entries} entries, ${(last.bytes / 2 ** 20).toFixed(1)} MB): native ${perSecond('native')}, wasm ${perSecond('wasm')}, `
    + `JS API ${perSecond('api')} (${(last.api * 1000).toFixed(0)} ms)${last.widget ? `, widget's first result ${(last.widget * 1000).toFixed(0)} ms `
    + `(longest task ${(last.longest * 1000).toFixed(0)} ms)` : ''}; ratios ${Object.entries(linearity).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; `
    + `over the limits refused in ≤ ${Math.max(...over.map((o) => o.seconds * 1000)).toFixed(0)} ms`);
}

// 7. Lighthouse 12 (mobile, simulated throttling) on the page.
async function lighthouse(origin) {
  const out = join(tmpdir(), `salary-lighthouse-${process.pid}.json`);
  try {
    // Asynchronously: the server answering Lighthouse's requests runs in this process.
    await promisify(execFile)(join(root, 'node_modules/.bin/lighthouse'), [`${origin}/index.html`, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices', '--form-factor=mobile', '--throttling-method=simulate',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000, killSignal: 'SIGKILL' });
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const scores = [score('performance'), score('accessibility'), score('best-practices')];
    const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
      && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual').map((a) => a.id).slice(0, 8);
    report('Lighthouse 12 mobile: performance / accessibility / best practices', scores.join(' / '), '100 / 100 / 100',
      scores.every((s) => s === 100), failing.length ? `below 1: ${failing.join(', ')}` : '');
  } catch (e) {
    report('Lighthouse 12 mobile: performance / accessibility / best practices', 'not measured', '100 / 100 / 100', false,
      `lighthouse did not complete: ${e.signal ? `killed after ${e.signal === 'SIGKILL' ? '180 s' : e.signal}` : e.message.split('\n')[0]}`);
  } finally {
    rmSync(out, { force: true });
  }
}

const server = await startServer({ port: 0, quiet: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const FIGURES = {
  bytes: () => widgetBytes(origin), offline: offlineSize, cold: () => coldLoad(origin), typing: () => typing(origin),
  estimate: () => estimateInBrowser(origin), throughput: throughputRatio, loading, lighthouse: () => lighthouse(origin),
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
try {
  for (const [name, measure] of Object.entries(FIGURES)) {
    if (only ? only.includes(name) : !(name === 'lighthouse' && args.includes('--no-lighthouse'))) await measure();
  }
} finally {
  server.close();
}
if (only || args.includes('--no-lighthouse')) process.exit(0); // BENCHMARKS.md holds complete runs only

const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()}`;
const date = new Date().toISOString().slice(0, 10);
const table = rows.map((r) => `| ${r.figure} | ${r.value} | ${r.budget} | ${r.pass ? 'PASS' : '**FAIL**'} | ${r.detail} |`).join('\n');
writeFileSync(join(root, 'BENCHMARKS.md'), `# Benchmarks

Produced by \`scripts/bench\` on ${date}, on ${machine}. Timings are medians of ${RUNS} runs
(min and max alongside); sizes are what the browser received from \`scripts/serve.mjs\`, which sends
the precompressed \`.gz\` files \`scripts/build\` writes.

| figure | value | budget | | detail |
|---|---|---|---|---|
${table}

What each lever bought is recorded in [docs/performance.md](docs/performance.md).
`);
console.log(`\nwrote BENCHMARKS.md (${rows.filter((r) => r.pass).length} of ${rows.length} budgets hold)`);
