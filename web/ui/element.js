// <salary-calculator>: the whole calculator as one custom element with a shadow root. Attributes
// (occupation, area, experience, salary, layout, panels, dataset-src, theme) are reflected as
// properties; `salaryDataset` takes a dataset object or JSON text. Inputs update the results as
// they are typed (batched in a microtask); each update dispatches `change` (bubbles, composed)
// with the computed results in `detail`. Nothing typed leaves the page.
import css from './widget.css';
import { h, safeHref } from './dom.js';
import { FIELDS, parseField, buildField, readControl, writeControl, defaultValue, fillOptions } from './fields.js';
import { money, moneyRange, percentileWords } from './format.js';
import { sampleDensity } from './chart.js';
import { defaultCalculator, calculatorFromUrl, calculatorFromDataset, listingsOf, loadExtras } from './core.js';
import { PANELS, PANEL_NAMES, COMPACT_PANELS } from './panels/index.js';

const ATTRIBUTE_FIELDS = ['occupation', 'area', 'experience', 'salary'];
const PROFILE_PANELS = new Set(['estimate', 'career', 'offer', 'compare']);
const EXTRAS_PANELS = new Set(['take-home', 'cost-of-living']); // need the tax tables and price levels
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const messageOf = (e) => (e && e.message ? e.message : String(e));

let sheet = null;
function adoptStyles(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', {}, css)); // old browsers; blocked by a strict CSP, as are they
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
  #calc = null;
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
  #lastGood = {};
  #lastWhere = { occupation: '15-1252', area: 'US' };
  #result = null;
  #sort = { key: 'name', dir: 'ascending' };
  #caches = { curve: new Map(), median: new Map() };
  #live = null;
  #liveTimer = 0;
  #resizeObserver = null;
  #chartWidth = 0;
  #ctx = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#shadow);
    this.#shadow.append(h('p', { class: 'status', role: 'status' }, 'Loading the salary calculator…'));
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
    if (typeof ResizeObserver === 'function' && !this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.#onResize()));
    }
    this.#observeChart();
  }

  disconnectedCallback() {
    this.#resizeObserver?.disconnect();
    clearTimeout(this.#liveTimer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'dataset-src') {
      if (this.#loaded) this.#load();
    } else if (name === 'layout' || name === 'panels') {
      this.#built = false;
      this.#schedule();
    } else {
      this.#setFromAttribute(name, newValue);
    }
  }

  // ---- properties (reflecting the attributes) ----
  get occupation() { return this.getAttribute('occupation') || '15-1252'; }
  set occupation(v) { this.#reflect('occupation', v); }
  get area() { return this.getAttribute('area') || 'US'; }
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
    const custom = this.#salaryDataset !== undefined ? () => calculatorFromDataset(this.#salaryDataset)
      : this.datasetSrc ? () => calculatorFromUrl(new URL(this.datasetSrc, document.baseURI).href) : null;
    const use = (calc, notice) => {
      if (token !== this.#loadToken) return;
      this.#useCalculator(calc, notice);
    };
    const fail = (e) => {
      if (token !== this.#loadToken) return;
      this.#shadow.replaceChildren(h('p', { class: 'status error', role: 'alert', part: 'error' }, `The calculator could not start: ${messageOf(e)}`));
    };
    (custom ? custom() : defaultCalculator()).then((calc) => use(calc, null), (e) => {
      if (token !== this.#loadToken) return;
      if (!custom) return fail(e);
      const notice = `The custom dataset could not be used (${messageOf(e)}). Showing the default data instead.`;
      defaultCalculator().then((calc) => use(calc, notice), fail);
    });
  }

  #useCalculator(calc, notice) {
    this.#calc = calc;
    this.#L = listingsOf(calc);
    this.#datasetNotice = notice;
    this.#extrasError = null;
    this.#lastGood = {};
    this.#caches = { curve: new Map(), median: new Map() };
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
    this.#setRaw(name, raw, { fromControl: true });
  }

  #onClick(e) {
    const sort = e.target.closest('button[data-sort]');
    if (sort) {
      const key = sort.dataset.sort;
      this.#sort = { key, dir: this.#sort.key === key && this.#sort.dir === 'ascending' ? 'descending' : 'ascending' };
      if (this.#ctx) this.#ctx.sort = this.#sort;
      this.#renderPanel(PANELS.find((p) => p.name === 'cost-of-living'), this.#ctx, { keep: true });
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

  #build() {
    this.#built = true;
    this.#controls.clear();
    this.#outputs.clear();
    const panels = PANELS.filter((p) => this.panels.includes(p.name));
    const profile = panels.some((p) => PROFILE_PANELS.has(p.name));
    const full = this.layout === 'full';
    const field = (n) => this.#field(n);
    // No landmarks inside (an unnamed form, sections without names): a page may hold several widgets.
    const form = h('form', { class: 'inputs', part: 'form', novalidate: true }, [
      h('div', { class: 'pay' }, [field('salary'), field('period')]),
      field('occupation'), field('area'),
      profile ? [field('experience'), full ? [field('specialization'), field('companyType')] : null,
        h('details', { class: 'more', part: 'details', open: this.#hasSetValues(full) }, [
          h('summary', {}, full ? 'Skills, technologies, certifications' : 'Specialization, company, skills'),
          full ? null : h('div', { class: 'grid' }, [field('specialization'), field('companyType')]),
          field('skills'), field('technologies'), field('certifications'),
        ])] : null,
      h('p', { class: 'privacy' }, 'Everything is computed in your browser; nothing you type is sent anywhere.'),
    ]);
    const ctx = { field };
    const sections = panels.map((p) => {
      const out = h('div', { class: 'output', 'data-output': p.name });
      this.#outputs.set(p.name, out);
      return h('section', { class: `panel panel-${p.name}`, part: `panel panel-${p.name}`, 'data-panel': p.name }, [
        h('h2', { id: `h-${p.name}` }, p.title),
        p.controls ? h('div', { class: 'controls' }, p.controls(ctx)) : null,
        out,
      ]);
    });
    this.#live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-live': '' });
    this.#shadow.replaceChildren(h('div', { class: `root ${full ? 'full' : 'compact'}`, part: 'root' }, [
      this.#datasetNotice ? h('p', { class: 'notice', role: 'alert', part: 'error', 'data-dataset-error': '' }, this.#datasetNotice) : null,
      h('div', { class: 'layout' }, [form, h('div', { class: 'results', part: 'results' }, sections)]),
      this.#live,
    ]));
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
  }

  #onResize() {
    const out = this.#outputs.get('percentile');
    if (!out || !this.#ctx || !out.isConnected) return;
    if (Math.abs(out.clientWidth - this.#chartWidth) >= 16) this.#renderPanel(PANELS[0], this.#ctx, { keep: true });
  }

  // ---- computing and rendering ----
  #context() {
    const calc = this.#calc, L = this.#L, v = { ...this.state };
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
    let salary = null;
    if (v.salary !== null) {
      try {
        salary = v.period === 'annual' ? v.salary : calc.convert(v.salary, v.period, 'annual').value;
      } catch (e) {
        this.#computeErrors.salary = messageOf(e);
      }
    }
    const profile = { occupation: where.occupation, area: where.area, skills: v.skills, technologies: v.technologies, certifications: v.certifications };
    for (const k of ['experience', 'specialization', 'companyType']) if (v[k]) profile[k] = v[k];
    const base = { distribution, area: null, national: null, estimate: null, estimateError: null };
    try { base.estimate = calc.estimate(profile); } catch (e) { base.estimateError = e; }
    if (salary !== null) {
      try { base.area = calc.percentileOf(salary, where); } catch (e) { this.#computeErrors.salary = messageOf(e); }
      try { base.national = calc.percentileOf(salary, { occupation: where.occupation, area: 'US' }); } catch { /* no national row */ }
    }
    const cited = new Set();
    const hasSources = this.panels.includes('sources');
    const caches = this.#caches;
    return {
      calc, L, v, where, profile, salary, base, cited, sort: this.#sort, layout: this.layout,
      pay: salary ?? base.estimate?.typical ?? distribution?.points.p50 ?? 0,
      field: (n) => this.#field(n),
      chartWidth: () => {
        const w = this.#outputs.get('percentile')?.clientWidth || 0;
        this.#chartWidth = w;
        return w > 0 ? w : 560;
      },
      curve: (w, x0, x1) => {
        const key = `${w.occupation}|${w.area}|${Math.round(x0)}|${Math.round(x1)}`;
        if (!caches.curve.has(key)) {
          if (caches.curve.size > 16) caches.curve.clear();
          caches.curve.set(key, sampleDensity((x) => calc.percentileOf(x, w).percentile / 100, x0, x1));
        }
        return caches.curve.get(key);
      },
      median: (area) => {
        const key = `${where.occupation}|${area}`;
        if (!caches.median.has(key)) {
          let m = null;
          try { m = calc.salaryAt(50, { occupation: where.occupation, area }).salary; } catch { /* no data for that state */ }
          caches.median.set(key, m);
        }
        return caches.median.get(key);
      },
      cite: (ids) => this.#cite(ids, cited, hasSources),
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

  #renderPanel(panel, ctx, { keep = false } = {}) {
    const out = this.#outputs.get(panel.name);
    if (!out || !ctx) return null;
    let data = null, error = null;
    if (keep && panel.name in this.#lastGood) {
      data = this.#lastGood[panel.name];
    } else {
      try {
        if (panel.name === 'estimate' && !ctx.base.estimate) throw ctx.base.estimateError;
        data = panel.compute(ctx);
        this.#lastGood[panel.name] = data;
      } catch (e) {
        error = e && e.code === 'not_loaded' ? this.#extrasError || 'Loading the tax tables and price levels…' : messageOf(e);
        data = this.#lastGood[panel.name] ?? null;
      }
    }
    const nodes = [];
    if (error) nodes.push(h('p', { class: error.startsWith('Loading') ? 'note' : 'panel-error', part: 'error' }, error));
    if (data !== null) {
      try {
        nodes.push(panel.render(data, ctx));
      } catch (e) {
        nodes.push(h('p', { class: 'panel-error', part: 'error' }, `This part could not be shown: ${messageOf(e)}`));
      }
    }
    out.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
    return data;
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
    if (calc.extrasLoaded !== false || !this.panels.some((p) => EXTRAS_PANELS.has(p))) return;
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
    for (const [name, { control }] of this.#controls) {
      if (FIELDS[name].type === 'choice' && fillOptions(name, control, L)) control.value = this.#values[name] ?? defaultValue(name, L) ?? '';
    }
    for (const name of Object.keys(this.#raw)) this.#setRaw(name, this.#raw[name]);
  }

  #render() {
    this.#refreshListings();
    if (!this.#built) this.#build();
    this.#ensureExtras();
    const ctx = this.#context();
    this.#ctx = ctx;
    const result = {
      version: this.#L.version, inputs: ctx.v, salary: ctx.salary, where: ctx.where,
      percentile: ctx.base.area ? { salary: ctx.salary, area: ctx.base.area.percentile, national: ctx.base.national?.percentile ?? null, distribution: ctx.base.distribution } : null,
      estimate: ctx.base.estimate,
    };
    for (const panel of PANELS) {
      if (!this.#outputs.has(panel.name)) continue;
      const data = this.#renderPanel(panel, ctx);
      if (panel.name !== 'percentile' && panel.name !== 'estimate') result[camel(panel.name)] = data;
    }
    this.#showErrors();
    result.errors = { ...this.#errors, ...this.#computeErrors };
    this.#result = result;
    this.#announce(ctx);
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
