// One wasm instance per page (salary-core.mjs caches it), and one loaded dataset per source:
// every widget on the default data shares one Calculator, widgets with the same dataset-src share
// theirs (custom-dataset.js). Also the read-only listings of a Calculator, computed once.
import { load, SalaryError } from '../salary-core.mjs';

let shared = null;
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
 * A lease on a Calculator over a custom dataset (web/ui/custom-dataset.js, imported only when a
 * widget is given one): `from` is 'url' (an absolute URL) or 'dataset' (an object or JSON text).
 * Returns {promise, release} at once, as the module's leases do.
 */
export function customCalculator(from, value) {
  let inner = null, released = false;
  const promise = import('./custom-dataset.js').then((m) => {
    inner = from === 'url' ? m.calculatorFromUrl(value) : m.calculatorFromDataset(value);
    if (released) inner.release(); // let go of before it was even asked for
    return inner.promise;
  });
  return {
    promise,
    release() {
      released = true;
      inner?.release();
    },
  };
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
      defaultTaxYear: calc.defaultTaxYear(),
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
