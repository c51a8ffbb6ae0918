// <salary-calculator>: the whole calculator as one custom element with a shadow root. Attributes
// (occupation, area, experience, salary, layout, panels, dataset-src, theme) are reflected as
// properties; `salaryDataset` takes a dataset object or JSON text. Inputs update the results as
// they are typed (batched in a microtask); each update dispatches `change` (bubbles, composed)
// with the computed results in `detail`. Nothing typed leaves the page.
import css from './widget.css';
import { h, el, morph, safeHref } from './dom.js';
import { FIELDS, parseField, buildField, readControl, writeControl, defaultValue, fillOptions, optionsOf, controlChanged } from './fields.js';
import { money, moneyRange, percentileWords, warmFormatters } from './format.js';
import { defaultCalculator, customCalculator, listingsOf, loadExtras } from './core.js';
import { DEFAULTS } from '../salary-core.mjs';
import { PANELS, PANEL_NAMES, COMPACT_PANELS, panelOf, loadPanels } from './panels/index.js';

const ATTRIBUTE_FIELDS = ['occupation', 'area', 'experience', 'salary'];
const MAX_PAY = 1e9; // a year; the core refuses larger salaries
const FIRST_RESULT = 'salary-calculator:first-result';
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const messageOf = (e) => (e && e.message ? e.message : String(e));
/** Lets the browser run other tasks (input, paint) first. */
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));
/** Runs `f` once the page has nothing more urgent to do: after the next paint, and after input. */
const whenIdle = (f) => (globalThis.scheduler?.postTask
  ? globalThis.scheduler.postTask(f, { priority: 'background' })
  : requestAnimationFrame(() => setTimeout(f)));

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
function markFirstResult() {
  if (firstResultMarked) return;
  firstResultMarked = true;
  if (typeof performance === 'object' && typeof performance.mark === 'function'
    && !performance.getEntriesByName(FIRST_RESULT).length) performance.mark(FIRST_RESULT);
}

let sheet = null;
function adoptStyles(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', {}, css)); // old browsers; blocked by a strict CSP, as are they
  }
}

export class SalaryCalculatorElement extends HTMLElement {
  static observedAttributes = [...ATTRIBUTE_FIELDS, 'layout', 'panels', 'dataset-src'];

  /** Defines the element (once; a second call, or a tag already taken, is a no-op). */
  static define(tag = 'salary-calculator', registry = customElements) {
    if (registry.get(tag)) return this;
    try {
      registry.define(tag, this);
    } catch {
      registry.define(tag, class extends this {}); // this class is already registered under another tag
    }
    return this;
  }

  #shadow;
  #frame;
  #prerendered = null; // the .root of markup rendered at build time, until it is adopted
  #calc = null;
  #lease = null; // on the custom dataset's Calculator in use (null: the default one)
  #pending = null; // on the one being loaded
  #L = null;
  #loadToken = 0;
  #loaded = false;
  #datasetNotice = null;
  #extrasError = null;
  #salaryDataset;
  #raw = {};
  #values = {};
  #errors = {};
  #computeErrors = {};
  #controls = new Map();
  #outputs = new Map();
  #built = false;
  #queued = false;
  #renderToken = 0;
  #redrawn = 0; // outputs redrawn so far
  #lastGood = {};
  #shown = new Map(); // panel name → {key, cited} of what its output shows now
  #lastWhere = { occupation: DEFAULTS.occupation, area: DEFAULTS.area };
  #lastPay = null;
  #result = null;
  #sort = { key: 'name', dir: 'ascending' };
  #memo = new Map();
  #live = null;
  #liveTimer = 0;
  #resizeObserver = null;
  #visibility = null; // an IntersectionObserver on the outputs
  #visible = null; // names of the panels on screen or near it (null: not known yet, all count)
  #later = new Map(); // panel name → what it is to show, drawn when idle or when it comes into view
  #laterQueued = false;
  #chartWidth = 0;
  #ctx = null;

  constructor() {
    super();
    // A page may hold the widget already rendered at build time with the default inputs, as a
    // declarative shadow root (scripts/prerender.mjs): it stays on screen, and is adopted rather
    // than rebuilt once the calculator is ready (#build), so the first paint shows a result.
    const declared = this.shadowRoot;
    this.#shadow = declared ?? this.attachShadow({ mode: 'open' });
    // Everything the widget shows is inside this one box, which resets what the host element
    // would pass on by inheritance (widget.css): the host box itself is the page's.
    const top = [...(declared?.children || [])]; // (`:scope >` does not work on a shadow root)
    this.#frame = top.find((e) => e.classList.contains('frame'));
    if (this.#frame && top.some((e) => e.localName === 'style')) {
      // Its <style> holds the widget's rules already: adopting them as well would restyle it all.
      this.#prerendered = this.#frame.querySelector(':scope > .root[data-view]');
    } else {
      declared?.replaceChildren();
      adoptStyles(this.#shadow);
      this.#frame = el('div', { class: 'frame' }, el('p', { class: 'status', role: 'status' }, 'Loading the salary calculator…'));
      this.#shadow.append(this.#frame);
    }
    this.#shadow.addEventListener('input', (e) => this.#onInput(e));
    this.#shadow.addEventListener('change', (e) => this.#onInput(e));
    this.#shadow.addEventListener('click', (e) => this.#onClick(e));
    this.#shadow.addEventListener('submit', (e) => e.preventDefault());
  }

  connectedCallback() {
    for (const prop of ['occupation', 'area', 'experience', 'salary', 'layout', 'panels', 'theme', 'datasetSrc', 'salaryDataset', 'state']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) { // set before the element was upgraded
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    for (const name of ATTRIBUTE_FIELDS) {
      if (this.hasAttribute(name) && !(name in this.#raw)) this.#setFromAttribute(name, this.getAttribute(name));
    }
    if (!this.#loaded) this.#load();
    warmFormatters(); // while the calculator loads (once per page)
    if (typeof ResizeObserver === 'function' && !this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.#onResize()));
    }
    if (typeof IntersectionObserver === 'function' && !this.#visibility) {
      this.#visibility = new IntersectionObserver((entries) => this.#onVisibility(entries), { rootMargin: '200px 0px' });
    }
    this.#observeChart();
  }

  disconnectedCallback() {
    this.#resizeObserver?.disconnect();
    this.#visibility?.disconnect();
    clearTimeout(this.#liveTimer);
    // A widget removed from the page gives back its custom dataset (see core.js), unless it was
    // only moved: a move reconnects it before this microtask runs. Coming back later loads it again.
    queueMicrotask(() => {
      if (!this.isConnected && (this.#lease || this.#pending)) this.#unload();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'dataset-src') {
      if (this.#loaded) this.#load();
    } else if (name === 'layout' || name === 'panels') {
      this.#built = false;
      loadPanels(this.panels);
      this.#schedule();
    } else {
      this.#setFromAttribute(name, newValue);
    }
  }

  // ---- properties (reflecting the attributes) ----
  get occupation() { return this.getAttribute('occupation') || DEFAULTS.occupation; }
  set occupation(v) { this.#reflect('occupation', v); }
  get area() { return this.getAttribute('area') || DEFAULTS.area; }
  set area(v) { this.#reflect('area', v); }
  get experience() { return this.getAttribute('experience') || ''; }
  set experience(v) { this.#reflect('experience', v); }
  /** The salary attribute as a number (annual USD), or null when absent or not a number. */
  get salary() {
    const raw = this.getAttribute('salary');
    const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  set salary(v) { this.#reflect('salary', v); }
  get layout() { return this.getAttribute('layout') === 'full' ? 'full' : 'compact'; }
  set layout(v) { this.#reflect('layout', v); }
  /** The panels shown, in display order. Set with an array or a space-separated string. */
  get panels() {
    const asked = (this.getAttribute('panels') || '').split(/\s+/).filter((p) => PANEL_NAMES.includes(p));
    if (asked.length) return PANEL_NAMES.filter((p) => asked.includes(p));
    return this.layout === 'full' ? [...PANEL_NAMES] : [...COMPACT_PANELS];
  }
  set panels(v) { this.#reflect('panels', Array.isArray(v) ? v.join(' ') : v); }
  /** 'light', 'dark', or '' (follow the visitor's colour scheme). */
  get theme() { const t = this.getAttribute('theme'); return t === 'light' || t === 'dark' ? t : ''; }
  set theme(v) { this.#reflect('theme', v || null); }
  get datasetSrc() { return this.getAttribute('dataset-src') || ''; }
  set datasetSrc(v) { this.#reflect('dataset-src', v); }
  /** A custom dataset (object or JSON text, see docs/dataset.md); null for the default one. */
  get salaryDataset() { return this.#salaryDataset ?? null; }
  set salaryDataset(v) {
    this.#salaryDataset = v === null || v === undefined ? undefined : v;
    if (this.#loaded || this.isConnected) this.#load();
  }
  /** The last computed results (the `change` event's detail), or null before the first. */
  get result() { return this.#result; }

  /** Every input's current valid value (what a shared link stores). */
  get state() {
    const out = {};
    for (const name of Object.keys(FIELDS)) {
      const v = name in this.#values ? this.#values[name] : this.#L ? defaultValue(name, this.#L) : null;
      out[name] = Array.isArray(v) ? [...v] : v;
    }
    return out;
  }
  /** Sets inputs from an object of raw values (strings, numbers, arrays); bad ones show a message. */
  set state(obj) {
    if (!obj || typeof obj !== 'object') return;
    for (const name of Object.keys(FIELDS)) if (name in obj) this.#setRaw(name, obj[name]);
  }

  #reflect(name, v) {
    if (v === null || v === undefined || v === false) this.removeAttribute(name);
    else this.setAttribute(name, String(v));
  }

  #setFromAttribute(name, value) {
    if (name === 'salary') this.#setRaw('period', 'annual');
    this.#setRaw(name, value ?? '');
  }

  // ---- loading ----
  #load() {
    this.#loaded = true;
    const token = ++this.#loadToken;
    loadPanels(this.panels); // at the same time as the data
    this.#pending?.release(); // a load this one replaces
    this.#pending = null;
    let lease = null, notice = null;
    try {
      if (this.#salaryDataset !== undefined) lease = customCalculator('dataset', this.#salaryDataset);
      else if (this.datasetSrc) lease = customCalculator('url', new URL(this.datasetSrc, document.baseURI).href);
    } catch (e) { // e.g. a dataset-src that is not a URL
      notice = e;
    }
    this.#pending = lease;
    const noticeOf = (e) => `The custom dataset could not be used (${messageOf(e)}). Showing the default data instead.`;
    const use = (calc, message, held) => {
      if (token !== this.#loadToken) return; // a newer load released `held` already
      const previous = this.#lease;
      this.#lease = held;
      this.#pending = null;
      this.#useCalculator(calc, message);
      previous?.release(); // after the switch: nothing here uses the old one any more
    };
    const fail = (e) => {
      if (token !== this.#loadToken) return;
      this.#frame.replaceChildren(el('p', { class: 'status error', role: 'alert', part: 'error' }, `The calculator could not start: ${messageOf(e)}`));
    };
    const fallBack = (e) => defaultCalculator().then((calc) => use(calc, noticeOf(e), null), fail);
    if (notice) fallBack(notice);
    else if (!lease) defaultCalculator().then((calc) => use(calc, null, null), fail);
    else {
      lease.promise.then((calc) => use(calc, null, lease), (e) => {
        if (token !== this.#loadToken) return;
        this.#pending = null;
        lease.release();
        fallBack(e);
      });
    }
  }

  /** Lets go of a custom dataset (the widget left the page); connecting again loads it anew. */
  #unload() {
    this.#loadToken++;
    this.#later.clear();
    this.#pending?.release();
    this.#lease?.release();
    this.#pending = this.#lease = null;
    this.#calc = this.#ctx = null;
    this.#loaded = this.#built = false;
    this.#prerendered = null;
    this.#frame.replaceChildren(el('p', { class: 'status', role: 'status' }, 'Loading the salary calculator…'));
  }

  #useCalculator(calc, notice) {
    this.#calc = calc;
    this.#ctx = null; // holds the previous Calculator
    this.#L = listingsOf(calc);
    this.#datasetNotice = notice;
    this.#extrasError = null;
    this.#lastGood = {};
    this.#memo = new Map();
    this.#built = false;
    for (const name of Object.keys(this.#raw)) this.#setRaw(name, this.#raw[name]); // check against the data
    this.#schedule();
  }

  // ---- inputs ----
  #setRaw(name, raw, { fromControl = false } = {}) {
    this.#raw[name] = raw;
    const r = parseField(name, raw, this.#L);
    if ('value' in r) this.#values[name] = r.value;
    if (r.error) this.#errors[name] = r.error;
    else delete this.#errors[name];
    const c = this.#controls.get(name);
    if (c && !fromControl) writeControl(name, c.control, raw, this.#values[name] ?? defaultValue(name, this.#L));
    this.#schedule();
  }

  #onInput(e) {
    const name = e.target.name;
    const c = this.#controls.get(name);
    if (!c) return;
    const raw = readControl(name, c.control);
    // A text input fires `change` on blur after its `input` events: nothing new, and re-rendering
    // then would replace the button being clicked (losing the click).
    if (String(raw) === String(this.#raw[name] ?? '')) return;
    // A place name being typed is checked once it names a place, or when the field is left.
    if (e.type === 'input' && FIELDS[name].search && parseField(name, raw, this.#L).error) return;
    this.#setRaw(name, raw, { fromControl: true });
  }

  #onClick(e) {
    const sort = e.target.closest('button[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      this.#sort = { key, dir: this.#sort.key === key && this.#sort.dir === 'ascending' ? 'descending' : 'ascending' };
      if (!this.#ctx) return;
      this.#ctx.sort = this.#sort;
      this.#renderPanel('cost-of-living', this.#ctx, { keep: true });
      this.#shadow.querySelector(`button[data-sort="${key}"]`)?.focus();
      return;
    }
    const cite = e.target.closest('a.cite[data-source]');
    if (cite && cite.getAttribute('href').startsWith('#')) {
      e.preventDefault(); // the page's own fragment (a shared link) must not change
      const target = this.#shadow.getElementById(`source-${cite.dataset.source}`);
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      }
    }
  }

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.#calc) this.#render();
    });
  }

  // ---- structure (built once per dataset, layout and panel set) ----
  #field(name) {
    const { node, control, error } = buildField(name, this.#L, { id: `f-${name}` });
    this.#controls.set(name, { control, error });
    writeControl(name, control, this.#raw[name], this.#values[name] ?? defaultValue(name, this.#L));
    return node;
  }

  /**
   * What the markup #build makes depends on: layout, panels, data version, notice, and the locale
   * numbers are written in (markup rendered at build time in another locale is rebuilt).
   */
  #view() {
    // navigator.language: the browser's locale, which Intl formats in; asking Intl (resolvedOptions)
    // would make a formatter, ~25 ms while the page starts.
    return JSON.stringify([this.layout, this.panels, this.#L.version, this.#datasetNotice, navigator.language]);
  }

  #build() {
    this.#built = true;
    this.#chartWidth = 0; // a new chart box: measured again on first use
    this.#shown.clear();
    this.#controls.clear();
    this.#outputs.clear();
    const prerendered = this.#prerendered;
    this.#prerendered = null;
    if (prerendered?.dataset.view === this.#view()) {
      this.#adopt(prerendered);
      return;
    }
    const panels = PANELS.filter((p) => this.panels.includes(p.name)).map((p) => panelOf(p.name));
    const profile = panels.some((p) => p.profile);
    const full = this.layout === 'full';
    const field = (n) => this.#field(n);
    // No landmarks inside (an unnamed form, sections without names): a page may hold several widgets.
    const form = el('form', { class: 'inputs', part: 'form', novalidate: true }, [
      el('div', { class: 'pay' }, [field('salary'), field('period')]),
      field('occupation'), field('area'),
      profile ? [field('experience'), full ? [field('specialization'), field('companyType')] : null,
        el('details', { class: 'more', part: 'details', open: this.#hasSetValues(full) }, [
          el('summary', {}, full ? 'Skills, technologies, certifications' : 'Specialization, company, skills'),
          full ? null : el('div', { class: 'grid' }, [field('specialization'), field('companyType')]),
          field('skills'), field('technologies'), field('certifications'),
        ])] : null,
      el('p', { class: 'privacy' }, 'Everything is computed in your browser; nothing you type is sent anywhere.'),
    ]);
    const ctx = { field };
    const sections = panels.map((p) => {
      const out = p.code ? el('div', { class: 'output', 'data-output': p.name }) : null;
      if (out) this.#outputs.set(p.name, out);
      return el('section', { class: `panel panel-${p.name}`, part: `panel panel-${p.name}`, 'data-panel': p.name }, [
        el('h2', { id: `h-${p.name}` }, p.title),
        p.code?.controls ? el('div', { class: 'controls' }, p.code.controls(ctx)) : null,
        out || el('p', { class: 'panel-error', part: 'error' }, `This part could not be loaded (${messageOf(p.error)}). Reloading the page may help.`),
      ]);
    });
    this.#live = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-live': '' });
    this.#frame.replaceChildren(el('div', { class: `root ${full ? 'full' : 'compact'}`, part: 'root', 'data-view': this.#view() }, [
      this.#datasetNotice ? el('p', { class: 'notice', role: 'alert', part: 'error', 'data-dataset-error': '' }, this.#datasetNotice) : null,
      el('div', { class: 'layout' }, [form, el('div', { class: 'results', part: 'results' }, sections)]),
      this.#live,
    ]));
    this.#observeChart();
  }

  /**
   * Takes over markup that #build made at build time for the same view: its controls and outputs
   * are bound instead of made anew, and each output's fingerprint (#renderPanel) says whether it
   * already shows what the first render computes, so a page that shows the default result from
   * its first paint changes nothing on screen when the calculator gets ready.
   */
  #adopt(root) {
    for (const node of root.querySelectorAll('[data-field]')) {
      const name = node.dataset.field;
      const control = FIELDS[name].type === 'set' ? node : node.querySelector(`[name="${name}"]`);
      this.#controls.set(name, { control, error: node.querySelector(`#f-${name}-error`) });
      if (controlChanged(name, control)) this.#setRaw(name, readControl(name, control), { fromControl: true });
      else writeControl(name, control, this.#raw[name], this.#values[name] ?? defaultValue(name, this.#L)); // e.g. from a shared link
    }
    for (const out of root.querySelectorAll('[data-output]')) {
      this.#outputs.set(out.dataset.output, out);
      this.#shown.set(out.dataset.output, { key: out.dataset.shown, cited: new Set((out.dataset.cited || '').split(' ').filter(Boolean)) });
    }
    this.#live = root.querySelector('[data-live]');
    this.#observeChart();
  }

  /** Whether the collapsed profile fields hold anything (then they start open). */
  #hasSetValues(full) {
    return ['skills', 'technologies', 'certifications'].some((n) => (this.#values[n] || []).length > 0)
      || (!full && Boolean(this.#values.specialization || this.#values.companyType));
  }

  #observeChart() {
    const out = this.#outputs.get('percentile');
    if (this.#resizeObserver && out) {
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(out);
    }
    if (this.#visibility) {
      this.#visibility.disconnect();
      this.#visible = null;
      for (const output of this.#outputs.values()) this.#visibility.observe(output);
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
    const out = this.#outputs.get('percentile');
    if (!out || !this.#ctx || !out.isConnected) return;
    if (Math.abs(out.clientWidth - this.#chartWidth) >= 16) {
      this.#chartWidth = out.clientWidth;
      this.#renderPanel('percentile', this.#ctx, { keep: true });
    }
  }

  // ---- computing and rendering ----
  #context() {
    const self = this, calc = this.#calc, L = this.#L, v = { ...this.state };
    this.#computeErrors = {};
    let where = { occupation: v.occupation, area: v.area };
    let distribution;
    try {
      distribution = calc.salaryAt(50, where).distribution;
      this.#lastWhere = where;
    } catch (e) {
      this.#computeErrors[this.#L.occupationByCode.has(v.occupation) && v.area !== 'US' ? 'area' : 'occupation'] = messageOf(e);
      where = this.#lastWhere;
      try { distribution = calc.salaryAt(50, where).distribution; } catch { distribution = null; }
    }
    const annual = ({ salary: pay, period }) => {
      if (pay === null) return null;
      const a = period === 'annual' ? pay : calc.convert(pay, period, 'annual').value;
      if (a > MAX_PAY) throw new Error(`That is more than ${money(MAX_PAY)} a year; check the amount and how often it is paid.`);
      return a;
    };
    let salary = null;
    try {
      salary = annual(v);
      this.#lastPay = { salary: v.salary, period: v.period };
    } catch (e) { // the last pay that worked stays in use, as for a field that does not parse
      this.#computeErrors.salary = messageOf(e);
      if (this.#lastPay) {
        Object.assign(v, this.#lastPay);
        salary = annual(v);
      }
    }
    const profile = { occupation: where.occupation, area: where.area, skills: v.skills, technologies: v.technologies, certifications: v.certifications };
    for (const k of ['experience', 'specialization', 'companyType']) if (v[k]) profile[k] = v[k];
    const memos = this.#memo;
    /** make() once per kind and key while the data stays the same (a few dozen kept per kind). */
    const memo = (kind, key, make) => {
      if (!memos.has(kind)) memos.set(kind, new Map());
      const m = memos.get(kind);
      if (!m.has(key)) {
        if (m.size > 64) m.clear();
        m.set(key, make());
      }
      return m.get(key);
    };
    const base = { distribution, area: null, national: null, estimate: null, estimateError: null };
    /** calc.estimate, kept per profile (pay does not change it; several panels ask for it). */
    const estimate = (p) => memo('estimate', JSON.stringify(p), () => calc.estimate(p));
    try { base.estimate = estimate(profile); } catch (e) { base.estimateError = e; }
    if (salary !== null) {
      try { base.area = calc.percentileOf(salary, where); } catch (e) { this.#computeErrors.salary = messageOf(e); }
      try { base.national = calc.percentileOf(salary, { occupation: where.occupation, area: 'US' }); } catch { /* no national row */ }
    }
    const cited = new Set();
    const hasSources = this.panels.includes('sources');
    return {
      calc, L, v, where, profile, salary, base, cited, sort: this.#sort, layout: this.layout, memo, estimate,
      /**
       * What a panel throws when its figures cannot be computed because of what was typed into one
       * field (e.g. a 401(k) larger than the pay): shown next to that field, not in the panel,
       * which keeps its last valid result.
       */
      fieldError: (name, message) => Object.assign(new Error(message), { field: name }),
      pay: salary ?? base.estimate?.typical ?? distribution?.points.p50 ?? 0,
      field: (n) => this.#field(n),
      // Read once, then kept up to date by the ResizeObserver: reading clientWidth on every
      // keystroke would force a layout in the middle of rendering.
      chartWidth: () => {
        if (!this.#chartWidth) this.#chartWidth = this.#outputs.get('percentile')?.clientWidth || 0;
        return this.#chartWidth > 0 ? this.#chartWidth : 560;
      },
      median: (area) => memo('median', `${where.occupation}|${area}`, () => {
        try {
          return calc.salaryAt(50, { occupation: where.occupation, area }).salary;
        } catch {
          return null; // no data for that state
        }
      }),
      cite(ids) {
        for (const id of ids) this.citing?.add(id);
        return self.#cite(ids, cited, hasSources);
      },
      citing: null, // the source ids the panel being rendered cites (#renderPanel)
    };
  }

  #cite(ids, cited, hasSources) {
    const links = [...new Set(ids)].map((id) => {
      const src = this.#L.sourceById.get(id);
      if (!src) return h('span', { class: 'cite' }, `[${id}]`);
      cited.add(id);
      const hidden = h('span', { class: 'visually-hidden' }, ` ${src.publisher}: ${src.title}`);
      if (hasSources) return h('a', { class: 'cite', href: `#source-${id}`, 'data-source': id }, [`[${src.number}]`, hidden]);
      if (safeHref(src.url)) return h('a', { class: 'cite', href: safeHref(src.url), rel: 'noopener noreferrer', target: '_blank' }, [`[${src.number}]`, hidden]);
      return h('span', { class: 'cite', title: `${src.publisher}: ${src.title}` }, [`[${src.number}]`, hidden]);
    });
    return h('span', { class: 'cites' }, links);
  }

  /**
   * Computes a panel's figures and shows them. `keep`: the last figures, shown anew (a resize, a
   * sort). `compare`: render and morph even when the fingerprint says the output shows them
   * already (which then changes nothing). `offscreen`: a panel not on screen is drawn later
   * (#drawLater), so a keystroke updates what the visitor sees first; its figures are computed
   * now all the same, for the `change` event.
   */
  #renderPanel(name, ctx, { keep = false, compare = false, offscreen = false } = {}) {
    const out = this.#outputs.get(name);
    const panel = panelOf(name)?.code;
    if (!out || !ctx || !panel) return null;
    let data = null, error = null;
    if (keep && name in this.#lastGood) {
      data = this.#lastGood[name];
    } else {
      try {
        if (name === 'estimate' && !ctx.base.estimate) throw ctx.base.estimateError;
        data = panel.compute(ctx);
        this.#lastGood[name] = data;
      } catch (e) {
        if (e && e.field) this.#computeErrors[e.field] = messageOf(e); // shown next to the field
        else error = e && e.code === 'not_loaded' ? this.#extrasError || 'Loading the tax tables and price levels…' : messageOf(e);
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
    if (!unchanged) this.#redrawn++;
    this.#draw(name, { data, error, key, ctx });
    return data;
  }

  /** Puts what #renderPanel computed into the panel's output. Returns whether its citations changed. */
  #draw(name, { data, error, key, ctx }) {
    const out = this.#outputs.get(name);
    const panel = panelOf(name).code;
    ctx.citing = new Set();
    const nodes = [];
    if (error) nodes.push(h('p', { class: error.startsWith('Loading') ? 'note' : 'panel-error', part: 'error' }, error));
    if (data !== null) {
      try {
        nodes.push(panel.render(data, ctx));
      } catch (e) {
        nodes.push(h('p', { class: 'panel-error', part: 'error' }, `This part could not be shown: ${messageOf(e)}`));
      }
    }
    morph(out, nodes);
    out.removeAttribute('aria-busy');
    const cited = [...ctx.citing].join(' ');
    const citesChanged = cited !== out.dataset.cited;
    this.#shown.set(name, { key, cited: ctx.citing });
    out.dataset.shown = key; // for #adopt, when this markup is saved at build time
    out.dataset.cited = cited;
    ctx.citing = null;
    return citesChanged;
  }

  /**
   * Draws the panels #renderPanel left for later once the page is idle (after the keystroke's
   * frame is painted; #onVisibility draws one that comes into view first). A newer render
   * replaces what is waiting. Should their citations have changed, the sources panel is brought
   * up to date.
   */
  #drawLater() {
    if (this.#laterQueued) return;
    this.#laterQueued = true;
    whenIdle(() => {
      this.#laterQueued = false;
      this.#drawWaiting([...this.#later.keys()]);
    });
  }

  /** Draws the named panels #renderPanel left waiting; then the sources, if their citations changed. */
  #drawWaiting(names) {
    let citesChanged = false;
    for (const name of names) {
      const pending = this.#later.get(name);
      this.#later.delete(name);
      if (this.#outputs.get(name)?.isConnected && this.#draw(name, pending)) citesChanged = true;
    }
    if (citesChanged && this.#outputs.has('sources')) this.#schedule();
  }

  #showErrors() {
    for (const [name, { control, error }] of this.#controls) {
      const message = this.#errors[name] || this.#computeErrors[name] || '';
      if (error.textContent !== message) error.textContent = message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  /** Starts loading the tax tables and price levels once a panel that needs them is shown. */
  #ensureExtras() {
    const calc = this.#calc;
    if (calc.extrasLoaded !== false || !PANELS.some((p) => p.extras && this.panels.includes(p.name))) return;
    loadExtras(calc).then(() => {
      if (this.#calc === calc) this.#schedule();
    }, (e) => {
      if (this.#calc !== calc) return;
      this.#extrasError = `The tax tables and price levels could not be loaded: ${messageOf(e)}`;
      this.#schedule();
    });
  }

  /** Takes in listings that grew (the extras arrived): menus get the new choices, inputs are rechecked. */
  #refreshListings() {
    const L = listingsOf(this.#calc);
    if (L === this.#L) return;
    this.#L = L;
    this.#shown.clear(); // labels may have changed
    for (const [name, { control }] of this.#controls) {
      if (FIELDS[name].type === 'choice' && fillOptions(name, optionsOf(control), L)) writeControl(name, control, this.#raw[name], this.#values[name] ?? defaultValue(name, L));
    }
    for (const name of Object.keys(this.#raw)) this.#setRaw(name, this.#raw[name]);
  }

  #render() {
    const importing = loadPanels(this.panels);
    if (importing) { // the first time a panel is shown: the old view stays until its code is in
      importing.then(() => this.#schedule());
      return;
    }
    if (this.#prerendered && this.#calc.extrasLoaded === false && !this.#extrasError && PANELS.some((p) => p.extras && this.panels.includes(p.name))) {
      this.#ensureExtras(); // markup rendered at build time shows those panels complete: keep it until they can be
      return;
    }
    const hydrating = Boolean(this.#prerendered);
    this.#refreshListings();
    if (!this.#built) this.#build();
    this.#ensureExtras();
    const token = ++this.#renderToken;
    if (hydrating) {
      this.#renderInSlices(token);
      return;
    }
    const ctx = this.#context();
    const result = this.#startResult(ctx);
    for (const name of PANEL_NAMES) {
      if (this.#outputs.has(name)) this.#renderInto(result, name, ctx, { offscreen: this.#visible !== null && !this.#visible.has(name) });
    }
    this.#finish(ctx, result);
  }

  /**
   * The first render over markup made at build time, which shows the right figures already: a
   * task for the inputs and one per panel keep every task short while the page loads
   * (Lighthouse's total blocking time). Each panel is rendered and compared with its markup even
   * when its fingerprint matches: that changes nothing on screen, but it runs every panel's code
   * once and gives each node of the markup its JavaScript object, which would otherwise all
   * happen on the first keystroke (~25 ms instead of ~5). A newer render (the visitor typed)
   * takes over.
   */
  async #renderInSlices(token) {
    await nextTask();
    if (token !== this.#renderToken) return;
    const ctx = this.#context();
    const result = this.#startResult(ctx);
    const redrawn = this.#redrawn;
    for (const name of PANEL_NAMES) {
      if (!this.#outputs.has(name)) continue;
      await nextTask();
      if (token !== this.#renderToken) return;
      this.#renderInto(result, name, ctx, { compare: true });
    }
    // The markup's live region already says what it shows: news only if something was redrawn.
    this.#finish(ctx, result, { announce: this.#redrawn !== redrawn });
  }

  #startResult(ctx) {
    this.#ctx = ctx;
    return {
      version: this.#L.version, inputs: ctx.v, salary: ctx.salary, where: ctx.where,
      percentile: ctx.base.area ? { salary: ctx.salary, area: ctx.base.area.percentile, national: ctx.base.national?.percentile ?? null, distribution: ctx.base.distribution } : null,
      estimate: ctx.base.estimate,
    };
  }

  #renderInto(result, name, ctx, options) {
    const data = this.#renderPanel(name, ctx, options);
    if (name !== 'percentile' && name !== 'estimate') result[camel(name)] = data;
  }

  #finish(ctx, result, { announce = true } = {}) {
    this.#showErrors();
    if (ctx.base.distribution || ctx.base.estimate) markFirstResult();
    result.errors = { ...this.#errors, ...this.#computeErrors };
    this.#result = result;
    if (announce) this.#announce(ctx);
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: result }));
  }

  #announce(ctx) {
    const parts = [];
    if (ctx.base.area) parts.push(`${money(ctx.salary)} a year is ${percentileWords(ctx.base.area.percentile, ctx.base.area.distribution)}.`);
    if (ctx.base.estimate) parts.push(`Estimated pay for your profile: ${moneyRange(ctx.base.estimate.low, ctx.base.estimate.high)}.`);
    const text = parts.join(' ');
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => {
      if (this.#live && this.#live.textContent !== text) this.#live.textContent = text;
    }, 400);
  }
}
