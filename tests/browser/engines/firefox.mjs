// Firefox (Debian's firefox-esr) over WebDriver BiDi through puppeteer-core: pages, scripts, real
// mouse and key input, preload scripts, console messages, uncaught errors and the pages' requests
// (BiDi network events: what the pages ask for, not Firefox's own background traffic). Its HTTP(S)
// traffic, loopback included, goes through the proxy (proxy.mjs), which refuses anything but
// loopback, so nothing reaches the internet, and everything once blockNetwork() is called.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Page } from './page.mjs';

export const executable = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const KEYS = { Tab: 'Tab', Enter: 'Enter', Backspace: 'Backspace', Escape: 'Escape', 'Shift+Tab': ['Shift', 'Tab'] };

/** Launches Firefox with a fresh profile; returns {newPage, cookies, close}. */
export async function launchFirefox({ proxyPort, colorScheme, viewport, timeout, locale, problems, requests }) {
  const profile = mkdtempSync(join(tmpdir(), 'salary-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: executable, headless: true, userDataDir: profile,
    env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, TZ: 'UTC' },
    extraPrefsFirefox: {
      'intl.accept_languages': locale, 'intl.regional_prefs.use_os_locales': true,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      // Every request through the recording proxy, loopback too.
      'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': proxyPort, 'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true, 'network.proxy.share_proxy_settings': true,
      // Nothing of Firefox's own: no updates, telemetry, safe browsing, captive portal checks.
      'app.update.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'browser.region.network.url': '', 'extensions.getAddons.cache.enabled': false,
      'services.settings.server': 'data:,#remote-settings-dummy/v1', 'extensions.update.enabled': false,
      'browser.newtabpage.enabled': false, 'browser.startup.homepage_override.mstone': 'ignore',
      'network.dns.disablePrefetch': true, 'network.prefetch-next': false, 'browser.search.update': false,
    },
  });
  const pages = new Set();
  let front = null;

  async function newPage() {
    const raw = await browser.newPage();
    await raw.setViewport(viewport);
    raw.setDefaultTimeout(timeout);
    raw.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    raw.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    raw.on('request', (r) => { if (!/^(data|blob|about):/.test(r.url())) requests.push(r.url()); }); // (Firefox's own data: fonts are no request)
    // Background tabs are throttled: the page acted on is brought to the front first.
    const active = async () => {
      if (front !== raw) {
        front = raw;
        await raw.bringToFront();
      }
      return raw;
    };
    const driver = {
      async goto(url) { await (await active()).goto(url, { waitUntil: 'load' }); },
      url: () => raw.url(),
      async run(source) { return (await active()).evaluate(source); },
      async screenshot(source) {
        const handle = await (await active()).evaluateHandle(source);
        try {
          return Buffer.from(await handle.screenshot({ type: 'png' }));
        } finally {
          await handle.dispose();
        }
      },
      async click(x, y) { await (await active()).mouse.click(x, y); },
      async keys(keys) {
        const page = await active();
        for (const key of keys) {
          const chord = [].concat(KEYS[key] || key);
          for (const k of chord) await page.keyboard.down(k);
          for (const k of chord.reverse()) await page.keyboard.up(k);
        }
      },
      async typeText(text) { await (await active()).keyboard.type(text); },
      setViewport: (width, height) => raw.setViewport({ width, height }),
      addInitScript: (source) => raw.evaluateOnNewDocument(source),
      on(event, handler) {
        if (event !== 'console') throw new Error(`no ${event} events here`);
        raw.on('console', (m) => handler({ type: () => m.type(), text: () => m.text() }));
      },
      async close() {
        pages.delete(raw);
        if (front === raw) front = null;
        await raw.close();
      },
    };
    pages.add(raw);
    front = raw;
    return new Page(driver, { timeout });
  }

  return {
    newPage,
    async cookies() { return browser.cookies(); },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
