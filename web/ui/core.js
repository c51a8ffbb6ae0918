// One wasm instance per page (salary-core.mjs caches it), and one loaded dataset per source:
// every widget on the default data shares one Calculator, widgets with the same dataset-src share
// theirs (custom-dataset.js). Also the read-only listings of a Calculator, computed once.
import { load } from '../salary-core.mjs';
import { livedIn } from './residence.js';

let shared = null;
const listingsCache = new WeakMap();
const sourceNumbers = new WeakMap();

/**
 * The default Calculator, shared by every widget on the page. Lazy: it resolves with the wage
 * figures; the extras (tax tables, price levels, compensation norms, published estimates) follow
 * through calculator.loadExtras() when a panel needs them. `needsExtras`: the first widget asking
 * shows such a panel, so the wasm module that computes with them is loaded from the start (one
 * download instead of two). Never disposed: it is the page's, and any widget may come to need it.
 */
function defaultCalculator(needsExtras) {
  if (!shared) {
    shared = load({ lazy: true, module: needsExtras ? 'full' : 'default' });
    shared.catch(() => { shared = null; });
  }
  return shared;
}

/**
 * The Calculator a widget is to use: over its custom dataset (`dataset`, an object or JSON text;
 * else `src`, a URL relative to the page), or the default one. Returns {promise, release} at once:
 * the promise resolves with {calc, custom, notice}: custom, whether calc is over the custom dataset;
 * notice, why a custom dataset could not be used (the default data is used instead). It rejects
 * only if the default data cannot load. release() lets go of the custom dataset once the widget no
 * longer uses it (a lease: web/ui/custom-dataset.js, imported only when a widget is given one).
 * `needsExtras`: the widget shows a panel that needs the extras (defaultCalculator).
 */
export function calculatorFor(dataset, src, needsExtras = false) {
  const found = (custom, notice) => (calc) => ({ calc, custom, notice });
  if (dataset === undefined && !src) return { promise: defaultCalculator(needsExtras).then(found(false, null)), release() {} };
  let lease = null, released = false;
  const promise = import('./custom-dataset.js').then((m) => {
    lease = dataset !== undefined ? m.calculatorFromDataset(dataset) : m.calculatorFromUrl(new URL(src, document.baseURI).href);
    if (released) lease.release(); // let go of before it was even asked for
    return lease.promise;
  }).then(found(true, null), (e) => {
    lease?.release();
    const notice = `The custom dataset could not be used (${e && e.message ? e.message : e}). Showing the default data instead.`;
    return defaultCalculator(needsExtras).then(found(false, notice));
  });
  return {
    promise,
    release() {
      released = true;
      lease?.release();
    },
  };
}

const partCache = { extras: new WeakMap(), areas: new WeakMap() };
const loaders = { extras: (calc) => calc.loadExtras(), areas: (calc) => calc.loadAreas() };
function loadPart(part, calc) {
  if (calc[`${part}Loaded`] !== false) return Promise.resolve();
  const cache = partCache[part];
  if (!cache.has(calc)) {
    const promise = loaders[part](calc).then(() => { listingsCache.delete(calc); });
    cache.set(calc, promise);
    promise.catch(() => cache.delete(calc)); // a failed download may be retried
  }
  return cache.get(calc);
}

/**
 * Loads a lazily loaded Calculator's extras: tax tables, state price levels, compensation norms
 * and published estimates (once, for every widget using it); its listings are computed again
 * afterwards (they grow: tax years, the norms and published figures).
 */
export const loadExtras = (calc) => loadPart('extras', calc);

/** Likewise its areas: every metro and nonmetro area (places.js loads them for the place fields). */
export const loadAreas = (calc) => loadPart('areas', calc);

/** Everything the menus and tables list, fetched once per Calculator (again after each part loads). */
export function listingsOf(calc) {
  let L = listingsCache.get(calc);
  if (!L) {
    const sources = calc.sources();
    L = {
      version: calc.version(),
      areasLoaded: calc.areasLoaded !== false,
      occupations: calc.occupations(),
      areas: calc.areas(),
      levels: calc.experienceLevels(),
      factors: calc.factors(),
      sources,
      taxYears: calc.taxYears(),
      defaultTaxYear: calc.defaultTaxYear(),
      filingStatuses: calc.filingStatuses(),
      payPeriods: calc.payPeriods(),
      // Empty until the extras are in: the panels that read them declare `extras` (panels/index.js).
      norms: calc.compensationNorms(),
      published: calc.publishedEstimates(),
    };
    // The places with a local income tax of an area's state in a tax year (null until the tax
    // tables are in), for the locality field; asked once per area and year.
    const localities = new Map();
    L.localitiesOf = (area, year) => {
      if (calc.extrasLoaded === false || !area) return null;
      const key = `${area}|${year}`;
      if (!localities.has(key)) {
        try { localities.set(key, calc.localities(area, year ? { year: Number(year) } : undefined)); } catch { localities.set(key, null); }
      }
      return localities.get(key);
    };
    L.areaByCode = new Map(L.areas.map((a) => [a.code, a]));
    // Whose state taxes the visitor (residence.js), here for the take-home panel: imported by a
    // panel too, residence.js would be a chunk of its own, one more file for every widget.
    L.livedIn = (area, residence) => livedIn(L, area, residence);
    // Numbered in the order they arrive (the core part's, then each part's as it loads), so that a
    // citation's number never changes while the page is open.
    let numbers = sourceNumbers.get(calc);
    if (!numbers) sourceNumbers.set(calc, numbers = new Map());
    for (const s of sources) if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
    L.sourceById = new Map(sources.map((s) => [s.id, { ...s, number: numbers.get(s.id) }]).sort((a, b) => a[1].number - b[1].number));
    listingsCache.set(calc, L);
  }
  return L;
}
