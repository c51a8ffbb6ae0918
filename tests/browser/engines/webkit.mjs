// WebKit: Debian's WebKitGTK MiniBrowser driven by its WebKitWebDriver (classic WebDriver over
// HTTP; this build has no BiDi) under a virtual X server (xvfb-run). Classic WebDriver has no
// console log, no preload scripts and no request events, so: the recording proxy (proxy.mjs) is the
// request log and puts the tests' init scripts, and a watcher of console errors, uncaught errors
// and CSP violations, at the top of every HTML document; the watcher's records are collected from
// each page before it navigates or closes, and when a test asks (drainProblems). Pages opened from
// file:// do not pass through the proxy: there the watcher and init scripts run once the page has loaded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Page } from './page.mjs';
import { cropPng } from './png.mjs';

export const driverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowser = process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// WebDriver's key codes (W3C WebDriver, "Keyboard actions") for the named keys the tests press.
const KEYS = {
  Tab: '\uE004', Enter: '\uE007', Backspace: '\uE003', Escape: '\uE00C', Shift: '\uE008', Home: '\uE011',
  End: '\uE010', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
};
const PROBLEMS = "Symbol.for('salary-tests.problems')";

/** Records console errors, uncaught errors and CSP violations of the document it runs in. */
export const WATCHER = `(() => {
  const key = ${PROBLEMS};
  if (window[key]) return;
  const list = [];
  Object.defineProperty(window, key, { value: list });
  const error = console.error;
  console.error = function (...args) { list.push('console error: ' + args.map(String).join(' ')); return error.apply(this, args); };
  addEventListener('error', (e) => { if (e instanceof ErrorEvent) list.push('page error: ' + e.message); }, true);
  addEventListener('unhandledrejection', (e) => list.push('page error: ' + (e.reason && e.reason.message || e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => list.push('console error: Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));
})();`;

/** LANG for a BCP 47 tag; 'C' gives C.UTF-8, what a bare Debian environment has. */
export function localeEnvironment(locale) {
  if (locale === 'C') return { LANG: 'C.UTF-8', LANGUAGE: '', LC_ALL: '' }; // as on this machine bare
  const posix = locale.replace('-', '_');
  return { LANG: `${posix}.UTF-8`, LANGUAGE: posix, LC_ALL: '' };
}

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts WebKitWebDriver and a MiniBrowser session; returns {newPage, cookies, drainProblems, close}. */
export async function launchWebKit({ proxy, setInitScript, colorScheme, viewport, timeout, locale, problems }) {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x3200x24', driverPath, `--port=${port}`], {
    // A real locale: in a bare environment (LANG unset or C) WebKitGTK reports its locale as "C".
    env: { ...process.env, ...localeEnvironment(locale), TZ: 'UTC' }, stdio: 'ignore', detached: true,
  });
  // The driver, its MiniBrowser and Xvfb share a process group: ended together, also if the test
  // process exits without closing.
  const end = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  const interrupted = () => { end(); process.exit(143); }; // (a test process timed out or stopped)
  process.once('exit', end);
  process.once('SIGTERM', interrupted);
  const base = `http://127.0.0.1:${port}`;
  async function call(method, path, body) {
    const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await r.json();
    if (value && value.error) throw new Error(`WebDriver ${path}: ${value.error}: ${value.message}`);
    return value;
  }
  for (let i = 0; ; i++) { // the driver takes a moment to listen
    try {
      await call('GET', '/status');
      break;
    } catch (e) {
      if (i > 100) throw new Error(`WebKitWebDriver did not start: ${e.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const address = `127.0.0.1:${proxy.port}`;
  const session = await call('POST', '/session', { capabilities: { alwaysMatch: {
    proxy: { proxyType: 'manual', httpProxy: address, sslProxy: address, noProxy: [] },
    timeouts: { script: timeout, pageLoad: timeout, implicit: 0 },
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation', ...(colorScheme === 'dark' ? ['--dark-mode'] : [])] },
  } } });
  const s = `/session/${session.sessionId}`;
  let current = await call('GET', `${s}/window`);
  let firstWindowFree = true;
  const open = new Set();

  async function newPage() {
    let handle;
    if (firstWindowFree) {
      firstWindowFree = false;
      handle = current;
    } else {
      ({ handle } = await call('POST', `${s}/window/new`, { type: 'window' }));
    }
    const initScripts = [];
    const consoleHandlers = [];
    const focus = async () => {
      if (current !== handle) {
        await call('POST', `${s}/window`, { handle });
        current = handle;
      }
    };
    const execute = async (body) => {
      await focus();
      const r = await call('POST', `${s}/execute/async`, {
        script: `const done = arguments[arguments.length - 1]; (${body}).then(done, (e) => done({ __error: String(e) + (e && e.stack ? '\\n' + e.stack : '') }));`,
        args: [],
      });
      if (r && r.__error) throw new Error(r.__error);
      return r;
    };
    const drain = async () => {
      try {
        const list = await execute(`Promise.resolve(window[${PROBLEMS}] ? window[${PROBLEMS}].splice(0) : [])`);
        problems.push(...list);
        for (const text of list) for (const handler of consoleHandlers) handler({ type: () => 'error', text: () => text });
      } catch {
        // a page that has gone (closed, or mid-navigation) has nothing left to say
      }
    };
    const page = {
      async goto(url) {
        await drain();
        await focus();
        setInitScript([WATCHER, ...initScripts].join('\n'));
        await call('POST', `${s}/url`, { url });
        // A file: page is not proxied: its init scripts run once it has loaded (late, but there).
        if (url.startsWith('file:')) await execute(`Promise.resolve((() => { ${[WATCHER, ...initScripts].join('\n')} return null; })())`);
      },
      async url() {
        await focus();
        return call('GET', `${s}/url`);
      },
      run: (source) => execute(source),
      /** The window's screenshot cut to the element's box (its own screenshots come out partly black). */
      async screenshot(source) {
        const box = JSON.parse(await execute(`Promise.resolve((() => { const b = (${source}).getBoundingClientRect(); return JSON.stringify({ x: b.x * devicePixelRatio, y: b.y * devicePixelRatio, width: b.width * devicePixelRatio, height: b.height * devicePixelRatio }); })())`));
        return cropPng(Buffer.from(await call('GET', `${s}/screenshot`), 'base64'), box);
      },
      async click(x, y) {
        await focus();
        await call('POST', `${s}/actions`, { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x, y, origin: 'viewport', duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
      },
      async keys(keys) {
        await focus();
        const actions = [];
        for (const key of keys) {
          const chord = key.split('+').map((k) => KEYS[k] || k);
          for (const k of chord) actions.push({ type: 'keyDown', value: k });
          for (const k of chord.reverse()) actions.push({ type: 'keyUp', value: k });
        }
        await call('POST', `${s}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
      },
      async typeText(text) {
        await page.keys([...text]);
      },
      async setViewport(width, height) {
        await focus();
        // The window's size includes MiniBrowser's toolbar; it cannot be narrower than the toolbar.
        const chrome = await execute('Promise.resolve(JSON.stringify([outerWidth - innerWidth, outerHeight - innerHeight]))');
        const [dw, dh] = JSON.parse(chrome).map((d) => (Number.isFinite(d) && d >= 0 ? d : 0));
        await call('POST', `${s}/window/rect`, { width: width + dw, height: height + dh });
      },
      async addInitScript(source) {
        initScripts.push(source);
      },
      /** Console errors only, and only as they are collected (see drainProblems). */
      on(event, handler) {
        if (event !== 'console') throw new Error(`no ${event} events here`);
        consoleHandlers.push(handler);
      },
      async close() {
        await drain();
        open.delete(page);
        await focus();
        await call('DELETE', `${s}/window`);
        current = null;
      },
      drain,
    };
    open.add(page);
    await focus();
    await page.setViewport(viewport.width, viewport.height);
    return new Page(page, { timeout });
  }

  return {
    newPage,
    async cookies() { return call('GET', `${s}/cookie`); },
    async drainProblems() {
      const was = current;
      for (const page of open) await page.drain();
      if (was && current !== was) {
        await call('POST', `${s}/window`, { handle: was });
        current = was;
      }
    },
    async close() {
      try {
        await call('DELETE', s);
      } finally {
        process.off('exit', end);
        process.off('SIGTERM', interrupted);
        end();
      }
    },
  };
}
