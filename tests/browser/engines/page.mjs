// The part of Playwright's Page and Locator API that the browser tests use, implemented once over
// a few primitives that every WebDriver-style driver has (navigate, run a script, click at a point,
// press keys, take a screenshot), so the same tests run in Firefox and WebKit as in Chromium.
// Semantics follow Playwright's where the tests depend on them: CSS selectors go through open
// shadow roots; actions wait until their element is there and visible; one element per locator
// unless asked for several (strict); fill() sets the value and fires `input` like a paste, and
// `change` when the field loses focus; click() and press() are real input events.
import { runtime, fromPage } from './in-page.mjs';

const POLL = 50;

/** Source text that runs `fn(H, ...args)` in the page (H: the in-page runtime) and returns JSON. */
function script(fn, args) {
  return `(async () => { const H = (${runtime})(); return H.json(await (${fn})(H, ...JSON.parse(${JSON.stringify(JSON.stringify(args))}))); })()`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Playwright-like page. `driver` is {goto(url), run(source) → JSON text, screenshot(source) →
 * PNG, click(x, y), keys(keys), typeText(text), setViewport(w, h), addInitScript(source), close(),
 * on(event, handler)?}; see firefox.mjs and webkit.mjs.
 */
// e.focus() or e.blur(), and their events if the browser sent none (see Locator.focus).
const FOCUS_MOVE = `(e, plain, bubbling) => {
  let sent = false;
  const seen = () => { sent = true; };
  e.addEventListener(plain, seen, { once: true });
  e[plain]();
  e.removeEventListener(plain, seen);
  if (!sent) {
    e.dispatchEvent(new FocusEvent(plain));
    e.dispatchEvent(new FocusEvent(bubbling, { bubbles: true, composed: true }));
  }
}`;

export class Page {
  #driver;
  timeout;
  keyboard;

  constructor(driver, { timeout = 60_000 } = {}) {
    this.#driver = driver;
    this.timeout = timeout;
    this.keyboard = {
      press: (key) => driver.keys([key]),
      type: (text) => driver.typeText(text),
    };
  }

  get driver() { return this.#driver; }

  async goto(url) {
    await this.#driver.goto(url);
  }

  url() { return this.#driver.url(); }

  /** Runs `fn(H, ...args)` in the page and returns its (JSON-able) result. */
  async run(fn, ...args) {
    return fromPage(await this.#driver.run(script(fn, args)));
  }

  evaluate(fn, arg) {
    if (typeof fn !== 'function') throw new TypeError('evaluate: pass a function (the tests never evaluate strings)');
    return this.run(`(H, arg) => (${fn})(arg)`, arg);
  }

  async waitForFunction(fn, arg, { timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (await this.evaluate(fn, arg)) return;
      if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(POLL);
    }
  }

  waitForTimeout(ms) { return sleep(ms); }

  async setViewportSize({ width, height }) {
    await this.#driver.setViewport(width, height);
  }

  async addInitScript(fn, arg) {
    const source = typeof fn === 'function' ? `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)});` : fn.content;
    await this.#driver.addInitScript(source);
  }

  on(event, handler) {
    if (!this.#driver.on) throw new Error(`${event} events are not available in this engine`);
    this.#driver.on(event, handler);
  }

  locator(css) { return new Locator(this, [{ css }]); }

  close() { return this.#driver.close(); }

  /** Polls `fn(H, ...args)` in the page until it returns {done: value}; {wait: reason} means not yet. */
  async until(what, fn, args, { timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const r = await this.run(fn, ...args);
      if (r && 'done' in r) return r.done;
      if (Date.now() > deadline) throw new Error(`${what}: timed out after ${timeout} ms (${r?.wait})`);
      await sleep(POLL);
    }
  }
}

/** An element that the element's own page can find again: a chain of steps (css, nth, hasText). */
export class Locator {
  #page;
  #steps;

  constructor(page, steps) {
    this.#page = page;
    this.#steps = steps;
  }

  locator(css) { return new Locator(this.#page, [...this.#steps, { css }]); }
  first() { return this.nth(0); }
  last() { return this.nth(-1); }
  nth(index) { return new Locator(this.#page, [...this.#steps, { nth: index }]); }
  filter({ hasText }) {
    const step = hasText instanceof RegExp ? { regex: hasText.source, flags: hasText.flags } : { string: String(hasText) };
    return new Locator(this.#page, [...this.#steps, { hasText: step }]);
  }

  get #what() { return this.#steps.map((s) => s.css || ('nth' in s ? `nth=${s.nth}` : 'has-text')).join(' >> '); }

  /** Waits for the element to be attached (and visible, if asked), then runs fn(element, ...args) in the page. */
  #withElement(fn, args = [], { visible = false, timeout } = {}) {
    return this.#page.until(this.#what, `(H, steps, visible, ...args) => {
      const e = H.one(steps);
      if (!e) return { wait: 'no such element' };
      if (visible && !H.visible(e)) return { wait: 'not visible' };
      return Promise.resolve((${fn})(e, ...args, H)).then((r) => (r && r.wait ? r : { done: r }));
    }`, [this.#steps, visible, ...args], { timeout });
  }

  textContent() { return this.#withElement('(e) => e.textContent'); }
  /**
   * The text as rendered, read once a frame has been drawn (WebKit decides what content-visibility
   * shows in the rendering update after the frame's animation callbacks).
   */
  innerText() {
    return this.#withElement(`(e) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(e.innerText))))`);
  }
  getAttribute(name) { return this.#withElement('(e, name) => e.getAttribute(name)', [name]); }
  inputValue() { return this.#withElement('(e) => e.value'); }
  isChecked() { return this.#withElement('(e) => e.checked'); }
  evaluate(fn, arg) { return this.#withElement(`(e, arg) => (${fn})(e, arg)`, [arg]); }
  evaluateAll(fn, arg) { return this.#page.run(`(H, steps, arg) => (${fn})(H.resolve(steps), arg)`, this.#steps, arg); }
  count() { return this.#page.run('(H, steps) => H.resolve(steps).length', this.#steps); }
  isVisible() { return this.#page.run('(H, steps) => H.visible(H.one(steps))', this.#steps); }
  async isHidden() { return !(await this.isVisible()); }

  async waitFor({ state = 'visible', timeout } = {}) {
    const check = {
      visible: '(H, steps) => (H.visible(H.one(steps)) ? { done: true } : { wait: "not visible" })',
      attached: '(H, steps) => (H.one(steps) ? { done: true } : { wait: "not attached" })',
      hidden: '(H, steps) => (H.visible(H.one(steps)) ? { wait: "visible" } : { done: true })',
      detached: '(H, steps) => (H.one(steps) ? { wait: "attached" } : { done: true })',
    }[state];
    await this.#page.until(`${this.#what} (${state})`, check, [this.#steps], { timeout });
  }

  /** Sets the value as a paste would: one `input` event now, `change` when the field loses focus. */
  async fill(value) {
    await this.#withElement(`(e, value) => {
      if (e.disabled || e.readOnly) return { wait: 'not editable' };
      if (!(e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement)) throw new Error('fill: not an <input> or <textarea>');
      const edited = Symbol.for('salary-tests.edited');
      if (!(edited in e)) {
        e.addEventListener('blur', () => { if (e[edited]) { e[edited] = false; e.dispatchEvent(new Event('change', { bubbles: true })); } });
        e.addEventListener('change', () => { e[edited] = false; });
      }
      e.focus();
      e.select?.();
      if (e.value !== value) {
        e.value = value;
        e[edited] = true;
        e.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }));
      }
    }`, [String(value)], { visible: true });
  }

  /** Picks the option with this value (or label) and fires `input` and `change`, as Playwright does. */
  async selectOption(value) {
    await this.#withElement(`(e, value) => {
      if (!(e instanceof HTMLSelectElement)) throw new Error('selectOption: not a <select>');
      if (e.disabled) return { wait: 'disabled' };
      const option = [...e.options].find((o) => o.value === value) || [...e.options].find((o) => o.label === value);
      if (!option) return { wait: 'no option ' + value };
      e.value = option.value;
      e.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
    }`, [String(value)], { visible: true });
  }

  /** A real mouse click at the element's centre, once nothing is drawn over it. */
  async click() {
    const point = await this.#withElement(`(e, H) => {
      if (e.disabled) return { wait: 'disabled' };
      return H.clickPoint(e).then((point) => point || { wait: 'moving, out of view, or covered by another element' });
    }`, [], { visible: true });
    await this.#page.driver.click(point.x, point.y);
  }

  async check() {
    if (await this.isChecked()) return;
    await this.click();
    if (!(await this.isChecked())) throw new Error(`check: ${this.#what} did not become checked`);
  }

  /**
   * Focus moves as a script would move it (the place field loads its search on focusin). WebKit
   * under WebDriver sends no focus events while its window lacks the system's focus, so the events
   * a focused window would get are sent when the call sent none.
   */
  async focus() { await this.#withElement(FOCUS_MOVE, ['focus', 'focusin'], { visible: true }); }
  /** Focus leaves the element: `blur` and, after a fill(), `change`, as when the visitor tabs away. */
  async blur() { await this.#withElement(FOCUS_MOVE, ['blur', 'focusout']); }

  allTextContents() { return this.evaluateAll('(elements) => elements.map((e) => e.textContent)'); }

  async press(key) {
    await this.#withElement('(e) => { e.focus(); }', [], { visible: true });
    await this.#page.keyboard.press(key);
  }

  /** Real key presses, one per character. */
  async type(text) {
    await this.#withElement('(e) => { e.focus(); }', [], { visible: true });
    await this.#page.keyboard.type(text);
  }

  async screenshot() {
    await this.#withElement('(e) => { e.scrollIntoView({ block: "nearest" }); document.activeElement?.blur?.(); }', [], { visible: true });
    return this.#page.driver.screenshot(`(${runtime})().one(${JSON.stringify(this.#steps)})`);
  }
}
