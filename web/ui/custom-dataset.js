// Custom datasets (dataset-src, salaryDataset): a module of its own, which a widget on the default
// data never downloads (web/ui/core.js imports it on demand).
import { load, SalaryError, MAX_DATASET_BYTES } from '../salary-core.mjs';

// How long a dataset-src may take (README, "Bad input"): a server that never answers, or sends a
// byte now and then forever, must not leave the widget saying "Loading…" for ever.
export const ANSWER_SECONDS = 5; // from the request to the response's headers
export const DOWNLOAD_SECONDS = 10; // from the request to the last byte

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
    const stop = new AbortController(); // a download nobody waits for any more is given up
    entry = { promise: make(stop.signal), users: 0, stop };
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
      entry.stop.abort();
      entry.promise.then((calc) => calc.dispose(), () => {});
    },
  };
}

const fetchError = (url, why) => new SalaryError('dataset_fetch', `could not fetch ${url} (${why})`);
const tooBig = (size) => new SalaryError('dataset_value', `/: the dataset is ${size} bytes; the limit is ${MAX_DATASET_BYTES}`);

/**
 * The bytes at `url`, read as a stream: given up past MAX_DATASET_BYTES (an endless response is
 * not read to its end) or past the time limits above; `signal` gives it up from outside.
 */
async function download(url, signal) {
  const controller = new AbortController();
  let why = null;
  const stop = (error) => { why ??= error; controller.abort(); };
  signal.addEventListener('abort', () => stop(fetchError(url, 'no longer needed')));
  const timers = [
    setTimeout(() => stop(fetchError(url, `no answer within ${ANSWER_SECONDS} seconds`)), ANSWER_SECONDS * 1000),
    setTimeout(() => stop(fetchError(url, `not complete within ${DOWNLOAD_SECONDS} seconds`)), DOWNLOAD_SECONDS * 1000),
  ];
  try {
    const response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
    clearTimeout(timers[0]);
    if (!response.ok) throw fetchError(url, `HTTP ${response.status}`);
    // A declared length over the limit is refused unread (compressed, it may still grow: counted below).
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_DATASET_BYTES) throw tooBig(declared);
    const chunks = [];
    let size = 0;
    for (const reader = response.body.getReader(); ;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_DATASET_BYTES) throw tooBig(`more than ${MAX_DATASET_BYTES}`);
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
    return bytes;
  } catch (e) {
    throw why || (e instanceof SalaryError ? e : fetchError(url, e.message));
  } finally {
    timers.forEach(clearTimeout);
    controller.abort(); // a response given up is not downloaded any further
  }
}

/** A lease on a Calculator over a dataset fetched from `url` (absolute). */
export function calculatorFromUrl(url) {
  return lease(bySrc, url, async (signal) => load({ dataset: await download(url, signal) })); // the core checks the UTF-8
}

/** A lease on a Calculator over a dataset given as an object or JSON text. */
export function calculatorFromDataset(dataset) {
  if (typeof dataset === 'object' && dataset !== null) return lease(byObject, dataset, () => load({ dataset }));
  // Anything else goes to load() as it is, which says what is wrong with it.
  return lease(byText, dataset, () => load({ dataset }));
}
