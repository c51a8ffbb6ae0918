// The readers of the records only the full module writes (schema.mjs, FULL_MODULE_RECORDS: take-
// home pay, cost of living, localities, total compensation). They are bundled with that module's
// glue (web/full-glue.mjs, web/json-dataset.mjs; the offline file's web/offline/glue.mjs) rather
// than into salary-core.mjs, so a page that never loads the full module never downloads them. The
// bundle has its own copy of record-reader.mjs: a record is read with the readRecord of the copy
// its reader was made of.
import { readRecord } from './record-reader.mjs';
import * as records from './records.schema?full';

/** Gives an Embind module of the full module readFull(header, name): the record `name` at `header`. */
export const withFullRecords = (module) => Object.assign(module, {
  readFull: (header, name) => readRecord(module, header, records[name]),
});
