// Stands in for ./salary-core-glue.mjs in the offline file (scripts/build-offline.mjs swaps it in):
// the web-only glue with its inlined wasm taken out, and the wasm handed over as bytes (the glue
// would otherwise fetch() a data: URL).
import createGlue from 'offline:stripped-glue';
import { unpack } from './payload.mjs';
import { withFullRecords } from '../wasm/full-records.mjs';

// It is the full module (build-offline.mjs): with the readers of the records only that one writes.
export default async function createSalaryModule(options = {}) {
  return withFullRecords(await createGlue({ ...options, wasmBinary: await unpack('wasm') }));
}
