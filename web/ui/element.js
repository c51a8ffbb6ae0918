// <salary-calculator>: the whole calculator as one custom element with a shadow root. This file is
// its contract with the host page (salary-calculator.d.ts; the README's table): attributes
// (occupation, area, experience, salary, layout, panels, dataset-src, theme) reflected as
// properties, `salaryDataset`, `state` and `result`; loading its Calculator; its inputs; the
// `change` event (bubbles, composed) with the computed results in `detail`, once per update, which
// is batched in a microtask. What it shows is built in markup.js, drawn by render.js from the
// figures of figures.js. Nothing typed leaves the page.
import { adoptStyles, status, viewKey, buildMarkup } from './markup.js';
import { el } from './dom.js';
import { FIELDS, parseField, buildField, readControl, writeControl, defaultValue, fillOptions, showErrors, dependentsOf } from './fields.js';
import { loadPlaces } from './places.js';
import { parseAmount, warmFormatters } from './format.js';
import { calculatorFor, listingsOf, loadExtras } from './core.js';
import { PANEL_NAMES, COMPACT_PANELS, panelOf, loadPanels, needsExtras } from './panels/index.js';
import { figures, makeMemo } from './figures.js';
import { Renderer, markFirstResult } from './render.js';
import { nextTask } from './schedule.js';
import { DEFAULTS } from '../salary-core.mjs';

const ATTRIBUTE_FIELDS = ['occupation', 'area', 'experience', 'salary'];
const LOADING = 'Loading the salary calculator…';
const messageOf = (e) => (e && e.message ? e.message : String(e));

// hydrate.js, imported the first time a widget on the page finds markup rendered at build time.
let hydration = null, hydrationLoading = null;
const loadHydration = () => (hydrationLoading ??= import('./hydrate.js').then((m) => { hydration = m; }));

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
  #salaryDataset;
  #raw = {};
  #values = {};
  #errors = {};
  #controls = new Map();
  #built = false;
  #queued = false;
  #renderToken = 0;
  #last = { where: { occupation: DEFAULTS.occupation, area: DEFAULTS.area } }; // the place and pay that last worked (figures.js)
  #result = null;
  #ui = {}; // what the visitor chose in the panels (PanelContext.ui)
  #memo = makeMemo();
  #placesFor = null; // the Calculator the place fields' values were last checked with the places of
  #renderer = new Renderer({ onCitesChanged: () => this.#schedule() });

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
      if (this.#prerendered) loadHydration().catch(() => {}); // while the calculator loads
    } else {
      declared?.replaceChildren();
      adoptStyles(this.#shadow);
      this.#frame = el('div', { class: 'frame' }, status(LOADING));
      this.#shadow.append(this.#frame);
    }
    this.#shadow.addEventListener('input', (e) => this.#onInput(e));
    this.#shadow.addEventListener('change', (e) => this.#onInput(e));
    this.#shadow.addEventListener('click', (e) => this.#renderer.click(e, this.#shadow));
    this.#shadow.addEventListener('focusin', (e) => { if (FIELDS[e.target.name]?.type === 'place') this.#needPlaces(e.target); });
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
    this.#renderer.connect();
  }

  disconnectedCallback() {
    this.#renderer.disconnect();
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
  /** The salary attribute as the field reads it ("120k" is 120000; annual USD), or null when absent or not a number. */
  get salary() { return parseAmount(this.getAttribute('salary')).value ?? null; }
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
    const pending = this.#pending = calculatorFor(this.#salaryDataset, this.datasetSrc, this.panels.some(needsExtras));
    pending.promise.then(({ calc, custom, notice }) => {
      if (token !== this.#loadToken) return; // a newer load released `pending` already
      const previous = this.#lease;
      this.#lease = custom ? pending : null;
      this.#pending = null;
      this.#useCalculator(calc, notice);
      previous?.release(); // after the switch: nothing here uses the old one any more
    }, (e) => {
      if (token === this.#loadToken) this.#frame.replaceChildren(status(`The calculator could not start: ${messageOf(e)}`, true));
    });
  }

  /** Lets go of a custom dataset (the widget left the page); connecting again loads it anew. */
  #unload() {
    this.#loadToken++;
    this.#renderer.forget();
    this.#pending?.release();
    this.#lease?.release();
    this.#pending = this.#lease = null;
    this.#calc = null;
    this.#loaded = this.#built = false;
    this.#prerendered = null;
    this.#frame.replaceChildren(status(LOADING));
  }

  #useCalculator(calc, notice) {
    this.#calc = calc;
    this.#renderer.forget(); // what it kept belongs to the previous Calculator
    this.#L = listingsOf(calc);
    this.#datasetNotice = notice;
    this.#memo = makeMemo();
    this.#built = false;
    this.#values = {}; // every value checked against this data, none kept from before it
    for (const name of Object.keys(this.#raw)) this.#setRaw(name, this.#raw[name]);
    // A place field focused while the calculator was loading gets its search now.
    const focused = this.#shadow.activeElement;
    if (FIELDS[focused?.name]?.type === 'place') this.#needPlaces(focused);
    this.#schedule();
  }

  // ---- inputs ----
  #setRaw(name, raw, { fromControl = false } = {}) {
    this.#raw[name] = raw;
    const r = parseField(name, raw, this.#L, this.#values);
    r.retry?.then(() => this.#raw[name] === raw && this.#setRaw(name, raw, { fromControl })); // format.js
    if ('value' in r) this.#values[name] = r.value;
    if (r.error) this.#errors[name] = r.error;
    else delete this.#errors[name];
    if (r.wait) this.#needPlaces();
    const c = this.#controls.get(name);
    if (c && !fromControl) this.#show(name, c.control);
    for (const dependent of dependentsOf(name)) this.#refreshChoices(dependent);
    this.#schedule();
  }

  /** A field whose choices follow other fields (the locality: the place) gets them again and is rechecked. */
  #refreshChoices(name) {
    const c = this.#controls.get(name);
    if (c) fillOptions(name, c.control, this.#L, c.words?.optionLabels, this.#values);
    this.#setRaw(name, this.#raw[name] ?? '');
  }

  #onInput(e) {
    const name = e.target.name;
    const c = this.#controls.get(name);
    if (!c) return;
    const raw = readControl(name, c.control);
    // A text input fires `change` on blur after its `input` events: nothing new, and re-rendering
    // then would replace the button being clicked (losing the click).
    if (String(raw) === String(this.#raw[name] ?? '')) return;
    // A place being typed is checked once it is chosen (place-field.js) or the field is left, and
    // then shows the name of the place it stands for ("Austin" → "Austin-Round Rock-San Marcos, TX").
    const place = FIELDS[name].type === 'place';
    if (e.type === 'input' && place) return;
    this.#setRaw(name, raw, { fromControl: !place });
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
  /** A field's control, labelled as a panel words it (fields.js buildField). */
  #field(name, words) {
    const { node, control, error } = buildField(name, this.#L, { id: `f-${name}`, ...words, values: this.#values });
    this.#controls.set(name, { control, error, words });
    this.#show(name, control);
    return node;
  }

  /** Puts a field's raw value into its control. */
  #show(name, control) { writeControl(name, control, this.#raw[name], this.#values[name] ?? defaultValue(name, this.#L), this.#L); }

  /** Loads what place fields need (places.js), then rechecks every value; a field just focused gets its suggestions. */
  #needPlaces(input) {
    const calc = this.#calc;
    if (!calc) return; // the values are checked again once the calculator is in
    loadPlaces(calc).then((field) => {
      if (this.#calc !== calc) return;
      if (this.#placesFor !== calc) { // once per Calculator: its listings now hold every place
        this.#placesFor = calc;
        this.#refreshListings(true);
        this.#schedule();
      }
      if (input) field.enhance(input, () => this.#L, FIELDS[input.name].nation);
    }, (e) => {
      if (this.#calc !== calc) return;
      const message = `The metro areas could not be loaded: ${messageOf(e)}`;
      for (const name of ['area', 'compareTo']) if (parseField(name, this.#raw[name], this.#L).wait) this.#errors[name] = message;
      this.#schedule();
    });
  }

  #build() {
    this.#built = true;
    if (this.layout === 'full') import('./print-styles.js').then((m) => m.addPrintStyles(this.#shadow), () => {});
    this.#controls.clear();
    const prerendered = this.#prerendered;
    this.#prerendered = null;
    const view = viewKey(this.layout, this.panels, this.#L.version, this.#datasetNotice);
    if (prerendered?.dataset.view === view) {
      const { fields, outputs, shown, live } = hydration.adoptMarkup(prerendered, (n) => FIELDS[n].type === 'set');
      for (const [name, { control, error, changed }] of fields) {
        this.#controls.set(name, { control, error });
        // Choices that follow other fields were written for the build's inputs (a shared link's place
        // has localities of its own): they are the inputs' now, so the value can be shown.
        if (FIELDS[name].dependsOn) fillOptions(name, control, this.#L, undefined, this.#values);
        if (changed) this.#setRaw(name, readControl(name, control), { fromControl: true }); // typed before we were ready
        else this.#show(name, control); // e.g. from a shared link
      }
      this.#renderer.bind(outputs, live, shown);
      return;
    }
    const { root, outputs, live } = buildMarkup({
      layout: this.layout, panels: this.panels.map(panelOf), field: (n, words) => this.#field(n, words), values: this.#values, notice: this.#datasetNotice, view,
    });
    this.#frame.replaceChildren(root);
    this.#renderer.bind(outputs, live);
  }

  /** Whether a shown panel needs the extras (tax tables, price levels…), which then load lazily. */
  #needsExtras() {
    return this.#calc.extrasLoaded === false && this.panels.some(needsExtras);
  }

  /** Starts loading the extras once a panel that needs them is shown. */
  #ensureExtras() {
    const calc = this.#calc;
    if (!this.#needsExtras()) return;
    loadExtras(calc).then(() => {
      if (this.#calc === calc) this.#schedule();
    }, (e) => {
      if (this.#calc !== calc) return;
      this.#renderer.extrasError = `The tax tables and price levels could not be loaded: ${messageOf(e)}`;
      this.#schedule();
    });
  }

  /** Takes in listings that grew (a part arrived): menus get the new choices, inputs are rechecked. */
  #refreshListings(recheck = false) {
    const L = listingsOf(this.#calc);
    if (L === this.#L && !recheck) return;
    this.#L = L;
    this.#memo = makeMemo(); // figures made from the smaller listings
    this.#renderer.invalidate(); // labels may have changed
    for (const [name, { control, words }] of this.#controls) {
      if (FIELDS[name].type === 'choice' && fillOptions(name, control, L, words?.optionLabels, this.#values)) this.#show(name, control);
    }
    // A field being typed into keeps what the visitor typed.
    const typing = this.#shadow.activeElement?.name;
    for (const name of Object.keys(this.#raw)) this.#setRaw(name, this.#raw[name], { fromControl: name === typing });
  }

  // ---- computing and rendering ----
  #context() {
    const f = figures(this.#calc, this.state, { last: this.#last, memo: this.#memo });
    this.#last = f.last;
    return this.#renderer.context(f, { calc: this.#calc, L: this.#L, memo: this.#memo, ui: this.#ui, layout: this.layout,
      field: (n, words) => this.#field(n, words), fieldErrors: this.#errors });
  }

  #render() {
    const importing = loadPanels(this.panels);
    // The first time a panel is shown: the old view stays until its code is in.
    if (importing) { importing.then(() => this.#schedule()); return; }
    if (this.#prerendered && !hydration) { // (should it fail to load, the markup is built anew)
      loadHydration().catch(() => { this.#prerendered = null; }).then(() => this.#schedule());
      return;
    }
    // Markup rendered at build time shows the panels that need the extras complete: it stays until they can be.
    if (this.#prerendered && this.#needsExtras() && !this.#renderer.extrasError) { this.#ensureExtras(); return; }
    const hydrating = Boolean(this.#prerendered);
    this.#refreshListings();
    if (!this.#built) this.#build();
    this.#ensureExtras();
    const token = ++this.#renderToken;
    if (!hydrating) {
      const ctx = this.#context();
      this.#finish(ctx, this.#renderer.renderAll(ctx, { offscreen: true }));
      return;
    }
    hydration.hydrate(this.#renderer, () => this.#context(), () => token === this.#renderToken, nextTask).then((done) => {
      if (done) this.#finish(done.ctx, done.panels, { announce: done.redrawn });
    });
  }

  /** Shows the field errors, and dispatches `change` with every figure computed. */
  #finish(ctx, panels, { announce = true } = {}) {
    const { base, salary } = ctx;
    showErrors(this.#controls, { ...ctx.errors, ...this.#errors });
    if (base.distribution || base.estimate) markFirstResult();
    this.#result = {
      version: this.#L.version, inputs: ctx.v, salary, where: ctx.where,
      percentile: base.area ? { salary, area: base.area.percentile, national: base.national?.percentile ?? null, distribution: base.distribution } : null,
      estimate: base.estimate, ...panels, errors: { ...this.#errors, ...ctx.errors },
    };
    if (announce) this.#renderer.announce(ctx);
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: this.#result }));
  }
}
