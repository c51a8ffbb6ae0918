// Where a keystroke's time goes, in counts rather than milliseconds (counts do not move with the
// machine's load): types salaries into the page as scripts/bench.mjs does and prints, per
// keystroke, the Calculator calls by method, the JSON made (fingerprints, memo keys), the DOM
// changes in the widget (MutationObserver records), and, from a CPU profile of the same
// keystrokes, the functions with the most self time.
// A developer's tool, not a test. For function names, build dist/ readable first:
//
//   SALARY_READABLE=1 node scripts/assemble-dist.mjs && node scripts/profile-typing.mjs [--keystrokes 60]
//   node scripts/assemble-dist.mjs   # then minify again before anything ships
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const KEYSTROKES = Number(args[args.indexOf('--keystrokes') + 1]) || 60;
const server = await startServer({ port: 0, quiet: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const profileDir = mkdtempSync(join(tmpdir(), 'salary-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('salary-calculator')?.result);
  // Count the Calculator's calls: its methods live on the prototype the page's module shares.
  await page.evaluate(async (url) => {
    const { Calculator } = await import(url);
    window.__calls = {};
    for (const name of Object.getOwnPropertyNames(Calculator.prototype)) {
      const original = Object.getOwnPropertyDescriptor(Calculator.prototype, name).value; // (not the getters)
      if (name === 'constructor' || typeof original !== 'function') continue;
      Calculator.prototype[name] = function counted(...a) {
        window.__calls[name] = (window.__calls[name] || 0) + 1;
        return original.apply(this, a);
      };
    }
    // JSON made per keystroke (the panels' fingerprints, memo keys): characters produced.
    const stringify = JSON.stringify;
    window.__json = 0;
    JSON.stringify = function counted(...a) {
      const text = stringify.apply(this, a);
      window.__json += text?.length ?? 0;
      return text;
    };
    const widget = document.querySelector('salary-calculator');
    window.__mutations = {};
    new MutationObserver((records) => {
      for (const r of records) {
        const what = r.type === 'attributes' ? `attribute ${r.attributeName}` : r.type === 'childList' ? 'nodes added or removed' : 'text';
        const panel = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('[data-panel]')?.dataset.panel ?? 'form';
        const key = `${what}, ${panel}`;
        window.__mutations[key] = (window.__mutations[key] || 0) + 1;
      }
    })
      .observe(widget.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
  }, `${origin}/salary-core.mjs`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate(async (n) => {
    const widget = document.querySelector('salary-calculator');
    const input = widget.shadowRoot.querySelector('input[name="salary"]');
    for (let i = 0; i < n; i++) {
      await new Promise((resolve) => {
        widget.addEventListener('change', () => requestAnimationFrame(() => setTimeout(resolve, 0)), { once: true });
        input.value = String(90000 + i * 1373);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // the panels drawn when idle
  }, KEYSTROKES);
  const { profile } = await cdp.send('Profiler.stop');
  const { calls, mutations, json } = await page.evaluate(() => ({ calls: window.__calls, mutations: window.__mutations, json: window.__json }));

  const per = (n) => (n / KEYSTROKES).toFixed(1);
  console.log(`${KEYSTROKES} keystrokes into ${origin}/index.html (full layout)\n`);
  console.log('Calculator calls per keystroke:');
  for (const [name, n] of Object.entries(calls).sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(20)} ${per(n)}`);
  console.log(`\nJSON made per keystroke: ${Math.round(json / KEYSTROKES)} characters`);
  console.log('\nDOM changes per keystroke (MutationObserver records, by kind and panel):');
  for (const [kind, n] of Object.entries(mutations).sort((a, b) => b[1] - a[1])) console.log(`  ${per(n).padStart(6)}  ${kind}`);

  // Self time per function: samples × the interval between them.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { callFrame: f } = byId.get(id);
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (deltas[i + 1] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nSelf time, top 20 (of ${(total / 1000).toFixed(0)} ms sampled; ms per keystroke):`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${(us / 1000 / KEYSTROKES).toFixed(3).padStart(7)}  ${key}`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}
