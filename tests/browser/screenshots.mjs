// Not a test: takes screenshots of the page for a human to look at (desktop and 320 px, light and
// dark) into a folder (default /tmp/salary-screenshots), and with --docs also docs/screenshot.png.
// Run after scripts/build: node tests/browser/screenshots.mjs [folder] [--docs]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setup, waitForResult, root } from './helpers.mjs';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--')) || '/tmp/salary-screenshots';
mkdirSync(folder, { recursive: true });

async function shoot(colorScheme, width, { docs = false } = {}) {
  const env = await setup({ colorScheme, viewport: { width, height: 900 } });
  try {
    const page = await env.newPage();
    // The inputs as a shared link gives them: on a phone the form is folded away behind the bar.
    await page.goto(`${env.origin}/#salary=120000&area=TX&experience=senior&specialization=cloud`);
    await waitForResult(page, '#calculator', (r) => r.salary === 120000 && r.inputs.specialization === 'cloud');
    await page.evaluate(() => document.activeElement?.blur?.());
    const name = `${colorScheme}-${width}`;
    await page.screenshot({ path: join(folder, `${name}.png`) });
    await page.screenshot({ path: join(folder, `${name}-full.png`), fullPage: true });
    if (docs) await page.screenshot({ path: join(root, 'docs/screenshot.png') });
    if (env.problems.length) console.error(env.problems);
  } finally {
    await env.close();
  }
}

await shoot('light', 1200, { docs: args.includes('--docs') });
await shoot('dark', 1200);
await shoot('light', 320);
await shoot('dark', 320);
console.log(`screenshots in ${folder}`);
