// One wasm instance per page (salary-core.mjs caches it), and one loaded dataset per source:
// every widget on the default data shares one Calculator, widgets with the same dataset-src share
// theirs. Also the read-only listings of a Calculator, computed once.
import { load, SalaryError } from '../salary-core.mjs';

let shared = null;
const bySrc = new Map();
const byObject = new WeakMap();
const byText = new Map();
const listingsCache = new WeakMap();

function remember(map, key, make) {
  if (!map.has(key)) {
    const promise = make();
    map.set(key, promise);
    promise.catch(() => map.delete(key)); // a failure may be retried later
  }
  return map.get(key);
}

/**
 * The default Calculator, shared by every widget on the page. Lazy: it resolves with the wage
 * figures; the tax tables and price levels follow through calculator.loadExtras() when a panel
 * needs them.
 */
export function defaultCalculator() {
  if (!shared) {
    shared = load({ lazy: true });
    shared.catch(() => { shared = null; });
  }
  return shared;
}

/** A Calculator over a dataset fetched from `url` (absolute). */
export function calculatorFromUrl(url) {
  return remember(bySrc, url, async () => {
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

/** A Calculator over a dataset given as an object or JSON text. */
export function calculatorFromDataset(dataset) {
  if (typeof dataset === 'object' && dataset !== null) return remember(byObject, dataset, () => load({ dataset }));
  return remember(byText, dataset, () => load({ dataset }));
}

const extrasCache = new WeakMap();
/**
 * Loads a lazily loaded Calculator's tax tables and price levels (once, for every widget using
 * it); its listings are computed again afterwards (they grow: tax years, every metro area).
 */
export function loadExtras(calc) {
  if (calc.extrasLoaded !== false) return Promise.resolve();
  return remember(extrasCache, calc, () => calc.loadExtras().then(() => { listingsCache.delete(calc); }));
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
      norms: calc.compensationNorms(),
      published: calc.publishedEstimates(),
      taxYears: calc.taxYears(),
      filingStatuses: calc.filingStatuses(),
      payPeriods: calc.payPeriods(),
    };
    L.areaByCode = new Map(L.areas.map((a) => [a.code, a]));
    L.sourceById = new Map(sources.map((s, i) => [s.id, { ...s, number: i + 1 }]));
    L.occupationByCode = new Map(L.occupations.map((o) => [o.code, o]));
    listingsCache.set(calc, L);
  }
  return L;
}

export { SalaryError };
