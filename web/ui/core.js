// One wasm instance per page (salary-core.mjs caches it), and one loaded dataset per source:
// every widget on the default data shares one Calculator, widgets with the same dataset-src share
// theirs. Also the read-only listings of a Calculator, computed once.
import { load, SalaryError } from '../salary-core.mjs';

let shared = null;
const bySrc = new Map();
const byObject = new WeakMap();
const byText = new Map();
const listingsCache = new WeakMap();

/**
 * The default Calculator, shared by every widget on the page. Lazy: it resolves with the wage
 * figures; the extras (tax tables, price levels, compensation norms, published estimates) follow
 * through calculator.loadExtras() when a panel needs them. Never disposed: it is the page's, and any widget may come to need it.
 */
export function defaultCalculator() {
  if (!shared) {
    shared = load({ lazy: true });
    shared.catch(() => { shared = null; });
  }
  return shared;
}

/**
 * A custom dataset's Calculator is shared by the widgets given the same URL, object or text, and
 * counted: each widget holds it through a lease and releases it when it swaps to another dataset
 * or leaves the page. The last release disposes it (frees its memory in the wasm module, which no
 * garbage collector would) and forgets it, so a later widget with the same dataset loads it
 * anew. Returns {promise, release}.
 */
function lease(map, key, make) {
  let entry = map.get(key);
  if (!entry) {
    entry = { promise: make(), users: 0 };
    map.set(key, entry);
    entry.promise.catch(() => { if (map.get(key) === entry) map.delete(key); }); // may be retried
  }
  entry.users++;
  let released = false;
  return {
    promise: entry.promise,
    release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      if (map.get(key) === entry) map.delete(key);
      entry.promise.then((calc) => {
        listingsCache.delete(calc);
        calc.dispose();
      }, () => {});
    },
  };
}

/** A lease on a Calculator over a dataset fetched from `url` (absolute). */
export function calculatorFromUrl(url) {
  return lease(bySrc, url, async () => {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw new SalaryError('dataset_fetch', `could not fetch ${url} (${e.message})`);
    }
    if (!response.ok) throw new SalaryError('dataset_fetch', `could not fetch ${url} (HTTP ${response.status})`);
    return load({ dataset: await response.arrayBuffer() }); // the core checks the UTF-8
  });
}

/** A lease on a Calculator over a dataset given as an object or JSON text. */
export function calculatorFromDataset(dataset) {
  if (typeof dataset === 'object' && dataset !== null) return lease(byObject, dataset, () => load({ dataset }));
  // Anything else goes to load() as it is, which says what is wrong with it.
  return lease(byText, dataset, () => load({ dataset }));
}

const extrasCache = new WeakMap();
/**
 * Loads a lazily loaded Calculator's extras: tax tables, price levels, compensation norms and
 * published estimates (once, for every widget using it); its listings are computed again
 * afterwards (they grow: tax years, every metro area, the norms and published figures).
 */
export function loadExtras(calc) {
  if (calc.extrasLoaded !== false) return Promise.resolve();
  if (!extrasCache.has(calc)) {
    const promise = calc.loadExtras().then(() => { listingsCache.delete(calc); });
    extrasCache.set(calc, promise);
    promise.catch(() => extrasCache.delete(calc)); // a failed download may be retried
  }
  return extrasCache.get(calc);
}

/** Everything the menus and tables list, fetched once per Calculator (again after loadExtras). */
export function listingsOf(calc) {
  let L = listingsCache.get(calc);
  if (!L) {
    const sources = calc.sources();
    L = {
      version: calc.version(),
      occupations: calc.occupations(),
      areas: calc.areas(),
      levels: calc.experienceLevels(),
      factors: calc.factors(),
      sources,
      taxYears: calc.taxYears(),
      filingStatuses: calc.filingStatuses(),
      payPeriods: calc.payPeriods(),
    };
    // The compensation norms and published estimates come with the extras: until they are in, a
    // panel reading them gets not_loaded, as from takeHome(), and shows that it is loading.
    for (const [name, read] of [['norms', () => calc.compensationNorms()], ['published', () => calc.publishedEstimates()]]) {
      if (calc.extrasLoaded !== false) L[name] = read();
      else Object.defineProperty(L, name, { get() { throw new SalaryError('not_loaded', `the ${name} come with the extras: load them first`); } });
    }
    L.areaByCode = new Map(L.areas.map((a) => [a.code, a]));
    L.sourceById = new Map(sources.map((s, i) => [s.id, { ...s, number: i + 1 }]));
    L.occupationByCode = new Map(L.occupations.map((o) => [o.code, o]));
    listingsCache.set(calc, L);
  }
  return L;
}

export { SalaryError };
