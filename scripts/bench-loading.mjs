// How loading time grows with a dataset's entries (a benchmark, not a test). Datasets made from the
// shipped one grown to 1/8, 1/4, 1/2 and all of every entry limit at once (docs/dataset.md,
// "Limits"; scripts/scaled-dataset.mjs) are loaded:
//   native   the C++ JSON loader and the binary snapshot reader (build/native/load_time)
//   wasm     the same code compiled to wasm, under Node (build/wasm/load_time.js)
//   api      load({ dataset }) of the JS API in Node: the JSON module, and reading the listings
//   widget   a <salary-calculator> given the dataset in headless Chromium: time to its first
//            result on the dataset, and the longest main-thread task meanwhile
// Each reports entries per second; loading is linear when that rate stays flat as the size grows
// (a quadratic loader's rate halves each time the size doubles). Then datasets over the limits
// (20,000 and 100,000 extra areas; 5,000 to 100,000 extra skills) are refused, and how fast.
//
//   node scripts/bench-loading.mjs [--runs 3] [--no-browser]
// scripts/bench builds the probes and runs this as its "loading" figure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { datasetAtLimits, scaledDataset, countEntries } from './scaled-dataset.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FRACTIONS = [0.125, 0.25, 0.5, 1];
const OVER_LIMITS = [
  ['20,000 extra areas', { areas: 20000 }], ['100,000 extra areas', { areas: 100000 }],
  ['5,000 extra skills', { skills: 5000 }], ['10,000 extra skills', { skills: 10000 }],
  ['20,000 extra skills', { skills: 20000 }], ['100,000 extra skills', { skills: 100000 }],
];

const best = (xs) => Math.min(...xs);
const rate = (entries, seconds) => Math.round(entries / seconds);

async function timed(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  return best(times); // the run least disturbed by other work on the machine
}

function probe(command, args) {
  return JSON.parse(execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop());
}

async function widgetLoad(text, version) {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('./serve.mjs');
  const server = await startServer({ port: 0, quiet: true });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'salary-bench-loading-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    await page.route(`${origin}/big.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }));
    await page.route(`${origin}/host.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading</title>'
      + '<script type="module" src="./salary-calculator.js"></script></head><body></body></html>' }));
    await page.goto(`${origin}/host.html`);
    await page.evaluate(() => customElements.whenDefined('salary-calculator'));
    return await page.evaluate((expected) => new Promise((resolve) => {
      const tasks = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      const start = performance.now();
      const el = document.createElement('salary-calculator');
      el.setAttribute('layout', 'full');
      el.setAttribute('dataset-src', './big.json');
      document.body.append(el);
      const poll = () => {
        if (el.result?.version === expected) {
          const seconds = (performance.now() - start) / 1000;
          setTimeout(() => resolve({ seconds, longest: Math.max(0, ...tasks) / 1000 }), 200);
        } else setTimeout(poll, 10);
      };
      poll();
    }), version);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Measures every row; returns {rows, over, linearity}: rows[i] = {fraction, entries, bytes, native,
 * snapshot, wasm, api, widget, longest} (seconds); linearity = for each way, the rate at the
 * limits over the rate at 1/8 of them (1 = perfectly linear; a quadratic loader gives 1/8).
 */
export async function measureLoading({ runs = 3, browser = true, log = console.log } = {}) {
  const { load } = await import(pathToFileURL(join(root, 'dist/salary-core.mjs')).href);
  const nativeProbe = join(root, 'build/native/load_time');
  const wasmProbe = join(root, 'build/wasm/load_time.js');
  const dir = mkdtempSync(join(tmpdir(), 'salary-loading-'));
  const rows = [];
  try {
    for (const fraction of FRACTIONS) {
      const data = datasetAtLimits(fraction);
      const text = JSON.stringify(data);
      const file = join(dir, `at-${fraction}.json`);
      writeFileSync(file, text);
      const row = { fraction, entries: countEntries(data), bytes: text.length };
      if (existsSync(nativeProbe)) {
        const n = probe(nativeProbe, [file, String(runs)]);
        Object.assign(row, { native: n.json_seconds, snapshot: n.snapshot_seconds });
      }
      if (existsSync(wasmProbe)) row.wasm = probe('node', [wasmProbe, file, String(runs)]).json_seconds;
      row.api = await timed(runs, async () => (await load({ dataset: text })).dispose());
      if (browser) Object.assign(row, await widgetLoad(text, data.version).then((w) => ({ widget: w.seconds, longest: w.longest })));
      rows.push(row);
      log(`  ${String(fraction).padEnd(5)} of the limits: ${row.entries} entries, ${(row.bytes / 1024).toFixed(0)} KB — entries/s: `
        + ['native', 'snapshot', 'wasm', 'api', 'widget'].filter((k) => row[k]).map((k) => `${k} ${rate(row.entries, row[k])}`).join(', ')
        + (row.longest !== undefined ? `; longest task ${(row.longest * 1000).toFixed(0)} ms` : ''));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const over = [];
  for (const [name, spec] of OVER_LIMITS) {
    const text = JSON.stringify(scaledDataset(spec));
    let message = 'accepted';
    const seconds = await timed(1, () => load({ dataset: text }).then((c) => c.dispose(), (e) => { message = e.message; }));
    over.push({ name, bytes: text.length, seconds, message });
    log(`  ${name} (${(text.length / 1024 / 1024).toFixed(1)} MB): ${message} — in ${(seconds * 1000).toFixed(0)} ms`);
  }
  const first = rows[0], last = rows.at(-1);
  const linearity = Object.fromEntries(['native', 'snapshot', 'wasm', 'api', 'widget'].filter((k) => first[k] && last[k])
    .map((k) => [k, (last.entries / last[k]) / (first.entries / first[k])]));
  return { rows, over, linearity };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  console.log('Loading datasets grown toward every entry limit at once (best of', runs, 'runs):');
  const { linearity } = await measureLoading({ runs, browser: !args.includes('--no-browser') });
  console.log(`rate at the limits / rate at 1/8 of them (1 = linear, 0.125 = quadratic): ${
    Object.entries(linearity).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
}
