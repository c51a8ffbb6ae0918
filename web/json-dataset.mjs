// The JavaScript half of the JSON module: reads the dataset argument of load({ dataset }) into
// what the core parses, and the records only the full module writes (the JSON module is the full
// one plus the parser). scripts/assemble-dist.mjs bundles it with the JSON module's Emscripten
// glue into dist/salary-core-json-glue.mjs, which salary-core.mjs imports only for a custom
// dataset: a page on the default data never downloads this code.
import { SalaryError, MAX_DATASET_BYTES } from './salary-core.mjs';
import createGlue from './salary-core-json-glue.mjs';
import { withFullRecords } from './wasm/full-records.mjs';

export default (options) => createGlue(options).then(withFullRecords);

/**
 * JSON text, UTF-8 bytes (ArrayBuffer / typed array, given to the core as they are, which checks
 * the UTF-8) or an object (written as JSON) → a string or a Uint8Array of at most
 * MAX_DATASET_BYTES (checked here too, so a huge text is never copied into wasm memory).
 */
export function datasetText(dataset) {
  let text = dataset;
  if (dataset instanceof ArrayBuffer) text = new Uint8Array(dataset);
  else if (ArrayBuffer.isView(dataset)) text = new Uint8Array(dataset.buffer, dataset.byteOffset, dataset.byteLength);
  else if (typeof dataset === 'object' && dataset !== null) {
    try {
      text = JSON.stringify(dataset);
    } catch (e) { // an object that contains itself, a BigInt…
      throw new SalaryError('invalid_argument', `dataset cannot be written as JSON: ${e.message}`);
    }
  } else if (typeof dataset !== 'string') {
    const got = typeof dataset === 'number' || dataset === null ? String(dataset) : typeof dataset;
    throw new SalaryError('invalid_argument', `dataset must be JSON text, bytes or an object, got ${got}`);
  }
  const size = typeof text === 'string' ? text.length : text.byteLength;
  if (size > MAX_DATASET_BYTES) throw new SalaryError('dataset_value', `/: the dataset is ${size} bytes; the limit is ${MAX_DATASET_BYTES}`);
  return text;
}
