// The offline file's cold load: opened from file:// in headless Chromium, each run in a fresh
// profile, the time from navigation to the widget's first computed result (its
// salary-calculator:first-result mark). scripts/bench reports it beside the file's size. Given a
// second copy (the file as built before a change, say), both are opened in alternation and the
// ratio of their medians is printed: how docs/performance.md compares the offline file's levers.
//
//   node scripts/bench-offline.mjs [--runs 15] [before.html]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const offlineFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'salary-calculator.offline.html');

/** Milliseconds to the first result, `runs` times for each file, the files taking turns. */
export async function offlineLoadTimes(files, runs) {
  const times = files.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, file] of files.entries()) {
      const profile = mkdtempSync(join(tmpdir(), 'salary-offline-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
      });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href);
        times[k].push(await page.evaluate(() => new Promise((done) => {
          const read = () => {
            const mark = performance.getEntriesByName('salary-calculator:first-result')[0];
            if (mark) done(mark.startTime); else setTimeout(read, 10);
          };
          read();
        })));
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  }
  return times;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 15;
  const before = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
  const files = before ? [resolve(before), offlineFile] : [offlineFile];
  const times = await offlineLoadTimes(files, runs);
  files.forEach((file, k) => console.log(`${file}: first result ${median(times[k]).toFixed(0)} ms `
    + `(median of ${runs}; min ${Math.min(...times[k]).toFixed(0)}, max ${Math.max(...times[k]).toFixed(0)})`));
  if (before) console.log(`ratio, this build ÷ ${before}: ${(median(times[1]) / median(times[0])).toFixed(2)}`);
}
