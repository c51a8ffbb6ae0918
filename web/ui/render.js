// When a panel draws: one widget's panel outputs, what each shows (a fingerprint of its figures),
// and the scheduling around them. As a salary is typed, the panels on screen are drawn at once;
// the others once the page is idle (each marked aria-busy until then), or as soon as one is
// scrolled to. A panel whose figures did not change is left alone.
import { morph, h } from './dom.js';
import { money, estimateRange, percentileWords } from './format.js';
import { panelOf, needsExtras } from './panels/index.js';
import { whenIdle } from './schedule.js';
import { citations } from './markup.js';

const FIRST_RESULT = 'salary-calculator:first-result';
const messageOf = (e) => (e && e.message ? e.message : String(e));
/** A panel's module ({compute, render, ...} and what it declares, see panels/index.js), once imported. */
const codeOf = (name) => panelOf(name)?.code;

/** A 53-bit fingerprint of a string (cyrb53): what a panel's output shows, kept in an attribute. */
function fingerprint(text) {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

let firstResultMarked = false;
/**
 * A performance mark when the first widget on the page shows a computed result (scripts/bench.mjs
 * reads it): once per page, also when two copies of this module are loaded.
 */
export function markFirstResult() {
  if (firstResultMarked) return;
  firstResultMarked = true;
  if (typeof performance === 'object' && typeof performance.mark === 'function'
    && !performance.getEntriesByName(FIRST_RESULT).length) performance.mark(FIRST_RESULT);
}

export class Renderer {
  outputs = new Map(); // panel name → its output element
  redrawn = 0; // outputs redrawn so far
  ctx = null; // the context of the last render: a resize or a sort draws again with it
  extrasError = null; // why the extras could not be loaded, shown by the panels that need them
  #onCitesChanged;
  #shown = new Map(); // panel name → {key, cited} of what its output shows now
  #lastGood = {};
  #later = new Map(); // panel name → what it is to show, drawn when idle or when it comes into view
  #laterQueued = false;
  #visible = null; // names of the panels on screen or near it (null: not known yet, all count)
  #visibility = null; // an IntersectionObserver on the outputs
  #resizeObserver = null;
  #chartWidth = 0;
  #live = null; // the live region, which says the main result to screen readers
  #liveTimer = 0;

  /** onCitesChanged(): what the panels cite has changed since a panel that lists citations was drawn. */
  constructor({ onCitesChanged }) {
    this.#onCitesChanged = onCitesChanged;
  }

  /** Starts following the outputs' visibility and the chart's width (the widget is on the page). */
  connect() {
    if (typeof ResizeObserver === 'function' && !this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.#onResize()));
    }
    if (typeof IntersectionObserver === 'function' && !this.#visibility) {
      this.#visibility = new IntersectionObserver((entries) => this.#onVisibility(entries), { rootMargin: '200px 0px' });
    }
    this.#observe();
  }

  disconnect() {
    this.#resizeObserver?.disconnect();
    this.#visibility?.disconnect();
    clearTimeout(this.#liveTimer);
  }

  /**
   * New outputs and live region, built or adopted; `shown`: what adopted outputs show already
   * (name → {key, cited}).
   */
  bind(outputs, live, shown = new Map()) {
    this.outputs = outputs;
    this.#live = live;
    this.#shown = shown;
    this.#chartWidth = 0; // a new chart box: measured again on first use
    this.#observe();
  }

  /** Forgets what it kept (the Calculator changed): each panel's figures, the last context, anything waiting to be drawn. */
  forget() {
    this.#lastGood = {};
    this.#later.clear();
    this.ctx = this.extrasError = null;
  }

  /** Labels may have changed (the extras arrived): every output is redrawn on the next render. */
  invalidate() { this.#shown.clear(); }

  /** Whether a shown panel lists what the others cite (their citations then link to it). */
  get listsCitations() { return [...this.outputs.keys()].some((name) => codeOf(name)?.citations); }

  #chartPanel() { return [...this.outputs.keys()].find((name) => codeOf(name)?.chart); }

  /**
   * The chart's width, read once and then kept up to date by the ResizeObserver: reading
   * clientWidth on every keystroke would force a layout in the middle of rendering.
   */
  chartWidth() {
    if (!this.#chartWidth) this.#chartWidth = this.outputs.get(this.#chartPanel())?.clientWidth || 0;
    return this.#chartWidth > 0 ? this.#chartWidth : 560;
  }

  /**
   * What every panel gets (panels/index.js, PanelContext): `figures` (figures.js) and the
   * widget's helpers.
   */
  context(figures, { calc, L, memo, ui, layout, field, fieldErrors = {} }) {
    const cited = new Set(), inPage = this.listsCitations;
    const ctx = {
      ...figures, calc, L, v: figures.inputs, memo, cited, ui, layout, field, fieldErrors,
      fieldError: (name, message) => Object.assign(new Error(message), { field: name }),
      chartWidth: () => this.chartWidth(),
      cite(ids) {
        for (const id of ids) ctx.citing?.add(id);
        return citations(ids, L.sourceById, cited, inPage);
      },
      citing: null, // the source ids the panel being drawn cites (#draw)
    };
    return ctx;
  }

  /**
   * A click in the widget: in a panel that handles clicks in its output (a sortable table), the
   * panel is drawn again as it says and the element it names gets the focus ('sorted'); on a
   * citation link to the sources panel, the source is shown without changing the page's own
   * fragment (a shared link) ('cited'). Else null.
   */
  click(e, root) {
    const out = e.target.closest('[data-output]'), ctx = this.ctx;
    const focus = out && ctx && codeOf(out.dataset.output)?.click?.(e.target, ctx);
    if (focus) {
      this.render(out.dataset.output, ctx, { keep: true });
      root.querySelector(focus)?.focus();
      return 'sorted';
    }
    const cite = e.target.closest('a.cite[data-source]');
    if (!cite || !cite.getAttribute('href').startsWith('#')) return null;
    e.preventDefault();
    const target = root.getElementById(`source-${cite.dataset.source}`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
    return 'cited';
  }

  /**
   * Renders every panel with `ctx`, the ones off screen later (`offscreen`). Returns each panel's
   * figures by its key in the `change` event.
   */
  renderAll(ctx, { offscreen = false } = {}) {
    this.ctx = ctx;
    const figures = {};
    for (const name of this.outputs.keys()) {
      this.renderInto(figures, name, ctx, { offscreen: offscreen && this.#visible !== null && !this.#visible.has(name) });
    }
    return figures;
  }

  /** Renders one panel, and puts its figures into `figures` under its key in the `change` event. */
  renderInto(figures, name, ctx, options) {
    const data = this.render(name, ctx, options);
    const key = codeOf(name)?.event;
    if (key) figures[key] = data;
  }

  /**
   * Computes a panel's figures and shows them. `keep`: the last figures, shown anew (a resize, a
   * sort). `compare`: render and morph even when the fingerprint says the output shows them
   * already (which then changes nothing). `offscreen`: a panel not on screen is drawn later, so a
   * keystroke updates what the visitor sees first; its figures are computed now all the same, for
   * the `change` event. A panel that fails because of what was typed into one field throws
   * ctx.fieldError(): its message goes into ctx.errors, next to the field, and the panel keeps its
   * last valid figures.
   */
  render(name, ctx, { keep = false, compare = false, offscreen = false } = {}) {
    const out = this.outputs.get(name);
    const panel = codeOf(name);
    if (!out || !ctx || !panel) return null;
    let data = null, error = null;
    if (keep && name in this.#lastGood) {
      data = this.#lastGood[name];
    } else if (needsExtras(name) && ctx.calc.extrasLoaded === false) { // they are loading, or failed to
      error = this.extrasError ? { code: 'extras_failed', message: this.extrasError } : { code: 'loading', message: 'Loading the tax tables and price levels…' };
      data = this.#lastGood[name] ?? null;
    } else {
      try {
        if (panel.estimate && !ctx.base.estimate) throw ctx.base.estimateError;
        data = panel.compute(ctx);
        this.#lastGood[name] = data;
      } catch (e) {
        if (e && e.field) ctx.errors[e.field] = messageOf(e);
        else error = { code: e?.code || 'error', message: messageOf(e) };
        data = this.#lastGood[name] ?? null;
      }
    }
    // A panel's render(data, ctx) reads from ctx only the dataset's listings, cite() and what its
    // view(ctx) returns; when all of that is what its output shows already (most panels while a
    // salary is typed), the output is left alone. The sources it cites still count as cited.
    const key = fingerprint(JSON.stringify([data, error, panel.view?.(ctx)]));
    const shown = this.#shown.get(name);
    const unchanged = shown && shown.key === key;
    const wasWaiting = this.#later.delete(name);
    if ((unchanged && !compare) || (offscreen && !unchanged)) {
      if (shown) for (const id of shown.cited) ctx.cited.add(id);
      if (!unchanged) {
        this.#later.set(name, { data, error, key, ctx });
        out.setAttribute('aria-busy', 'true'); // it shows the previous figures for now
        this.#drawLater();
      } else if (wasWaiting) {
        out.removeAttribute('aria-busy'); // back to what it shows (e.g. a digit typed, then deleted)
      }
      return data;
    }
    if (!unchanged) this.redrawn++;
    this.#draw(name, { data, error, key, ctx });
    return data;
  }

  /** Puts what render() computed into the panel's output. Returns whether its citations changed. */
  #draw(name, { data, error, key, ctx }) {
    const out = this.outputs.get(name);
    ctx.citing = new Set();
    const nodes = [];
    // Loading is news, not a failure.
    if (error) nodes.push(h('p', { class: error.code === 'loading' ? 'note' : 'panel-error', part: 'error' }, error.message));
    if (data !== null) {
      try {
        nodes.push(codeOf(name).render(data, ctx));
      } catch (e) {
        nodes.push(h('p', { class: 'panel-error', part: 'error' }, `This part could not be shown: ${messageOf(e)}`));
      }
    }
    morph(out, nodes);
    out.removeAttribute('aria-busy');
    const cited = [...ctx.citing].join(' ');
    const citesChanged = cited !== out.dataset.cited;
    this.#shown.set(name, { key, cited: ctx.citing });
    out.dataset.shown = key; // for hydrate.js, when this markup is saved at build time
    if (citesChanged) out.dataset.cited = cited; // (setting it unchanged is still a DOM change)
    ctx.citing = null;
    return citesChanged;
  }

  /**
   * Draws the panels render() left for later once the page is idle (after the keystroke's frame
   * is painted; one that comes into view is drawn first). A newer render replaces what is waiting.
   */
  #drawLater() {
    if (this.#laterQueued) return;
    this.#laterQueued = true;
    whenIdle(() => {
      this.#laterQueued = false;
      this.#drawWaiting([...this.#later.keys()]);
    });
  }

  /** Draws the named panels render() left waiting; then, if their citations changed, says so. */
  #drawWaiting(names) {
    let citesChanged = false;
    for (const name of names) {
      const pending = this.#later.get(name);
      this.#later.delete(name);
      if (this.outputs.get(name)?.isConnected && this.#draw(name, pending)) citesChanged = true;
    }
    if (citesChanged && this.listsCitations) this.#onCitesChanged();
  }

  #observe() {
    const chart = this.outputs.get(this.#chartPanel());
    if (this.#resizeObserver && chart) {
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(chart);
    }
    if (this.#visibility) {
      this.#visibility.disconnect();
      this.#visible = null;
      for (const output of this.outputs.values()) this.#visibility.observe(output);
    }
  }

  #onVisibility(entries) {
    this.#visible ??= new Set();
    for (const { target, isIntersecting } of entries) {
      const name = target.dataset.output;
      if (!isIntersecting) this.#visible.delete(name);
      else {
        this.#visible.add(name);
        if (this.#later.has(name)) this.#drawWaiting([name]); // scrolled to before it was drawn
      }
    }
  }

  #onResize() {
    const name = this.#chartPanel(), out = this.outputs.get(name);
    if (!out || !this.ctx || !out.isConnected) return;
    if (Math.abs(out.clientWidth - this.#chartWidth) >= 16) {
      this.#chartWidth = out.clientWidth;
      this.render(name, this.ctx, { keep: true });
    }
  }

  /** Says the main result in the live region, once typing pauses. */
  announce({ base, salary }) {
    const parts = [];
    if (base.area) parts.push(`${money(salary)} a year is ${percentileWords(base.area.percentile, base.area.distribution)}.`);
    if (base.estimate) parts.push(`Estimated base salary for your profile: ${estimateRange(base.estimate.low, base.estimate.high)}.`);
    const text = parts.join(' ');
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => {
      if (this.#live && this.#live.textContent !== text) this.#live.textContent = text;
    }, 400);
  }
}
