// Custom datasets (dataset-src, salaryDataset): a module of its own, which a widget on the default
// data never downloads (web/ui/core.js imports it on demand).
import { load, SalaryError } from '../salary-core.mjs';

const bySrc = new Map();
const byObject = new WeakMap();
const byText = new Map();

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
      entry.promise.then((calc) => calc.dispose(), () => {});
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
