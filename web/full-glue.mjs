// The JavaScript half of the full module: scripts/assemble-dist.mjs bundles it with that module's
// Emscripten glue into dist/salary-core-full-glue.mjs, which salary-core.mjs imports only when a
// page first needs take-home pay, cost of living, total compensation or a metro.
import createGlue from './salary-core-full-glue.mjs';
import { withFullRecords } from './wasm/full-records.mjs';

export default (options) => createGlue(options).then(withFullRecords);
