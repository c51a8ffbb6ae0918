// Renders the calculator page's default result into dist/index.html at build time, so the first
// paint already shows an answer: headless Chromium runs the shipped page (the same widget code and
// wasm core a visitor gets) with the default inputs, and the widget's shadow root is saved as a
// declarative shadow root (<template shadowrootmode="open">). When the calculator is ready, the
// widget adopts that markup instead of rebuilding it (web/ui/element.js, #adopt). The page's own
// style sheet is inlined too (one round trip less before the first paint); the CSP allows exactly
// these two <style> elements by hash, so it still has no 'unsafe-inline'.
//
//   node scripts/prerender.mjs        (scripts/build runs it after assemble-dist.mjs)
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const page = join(dist, 'index.html');
const source = readFileSync(page, 'utf8');
if (source.includes('shadowrootmode')) throw new Error('prerender: dist/index.html is rendered already; run scripts/build');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page as the browser holds it once the widget shows its default result, with the widget's shadow root. */
async function renderedPage() {
  const server = await startServer({ port: 0, quiet: true });
  const profile = mkdtempSync(join(tmpdir(), 'salary-prerender-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 }, locale: 'en-US', // visitors in other locales get it rebuilt (#view)
  });
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await tab.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    // Every panel complete (the tax tables and price levels arrive after the first result) and the
    // live region's summary written (it waits 400 ms after a change).
    await tab.waitForFunction(() => {
      const widget = document.querySelector('salary-calculator');
      const r = widget?.result;
      return r && r.takeHome && r.costOfLiving && widget.shadowRoot.querySelector('[data-live]')?.textContent;
    }, null, { timeout: 30_000 });
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    return await tab.evaluate(() => {
      const widget = document.querySelector('salary-calculator');
      const shadow = widget.shadowRoot;
      widget.setAttribute('data-prerendered', ''); // page.css reserves no room for it while it loads
      // Form state lives in properties; markup keeps only attributes.
      for (const input of shadow.querySelectorAll('input')) {
        if (input.type === 'checkbox') input.toggleAttribute('checked', input.checked);
        else input.setAttribute('value', input.value);
      }
      for (const option of shadow.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
      const css = [...shadow.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
      const style = document.createElement('style');
      style.textContent = css;
      shadow.prepend(style);
      const html = document.documentElement;
      const attributes = html.getAttributeNames().map((n) => ` ${n}="${html.getAttribute(n).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
      return { html: `<!doctype html>\n<html${attributes}>${html.getHTML({ shadowRoots: [shadow] })}</html>\n`, widgetCss: css };
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
  }
}

const { html, widgetCss } = await renderedPage();
const pageCss = readFileSync(join(dist, 'page.css'), 'utf8').trim();
const link = '<link rel="stylesheet" href="./page.css">';
const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')/;
if (!html.includes(link) || !policy.test(html)) throw new Error('prerender: index.html no longer has the page.css link or the CSP style-src this script rewrites');
const out = html
  .replace(link, `<style>${pageCss}</style>`)
  .replace(policy, `$1 ${sha256(pageCss)} ${sha256(widgetCss)}`);
writeFileSync(page, out);
console.log(`prerender: wrote ${page} (${(out.length / 1024).toFixed(1)} KB, the default result inlined)`);
