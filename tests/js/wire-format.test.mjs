// The wire format's JavaScript half: web/wasm/records.schema parsed by web/wasm/schema.mjs, the
// readers generated from it, and record-reader.mjs reading a record laid out as the C++ writer
// lays it out (tests/wire/test_records.cpp checks the writer against the same file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSchema, readerSource, FULL_MODULE_RECORDS } from '../../web/wasm/schema.mjs';
import { readRecord, unread } from '../../web/wasm/record-reader.mjs';

const wasm = new URL('../../web/wasm/', import.meta.url);
const schemaText = readFileSync(new URL('records.schema', wasm), 'utf8');

/** The readers generated from `text`, as a module (written to a temporary file and imported). */
async function readersOf(text, only = null) {
  const dir = mkdtempSync(join(tmpdir(), 'salary-readers-'));
  try {
    const file = join(dir, 'readers.mjs');
    writeFileSync(file, readerSource(parseSchema(text), new URL('record-reader.mjs', wasm).href, only));
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A stand-in for the wasm module's memory holding one record, laid out as result_writer.hpp
 * writes it: `fields` are numbers, booleans (a flag) or strings (UTF-16 length, UTF-8 length,
 * bytes in the text). Returns [module, header address].
 */
function memoryWith(fields) {
  const numbers = [], texts = [];
  for (const f of fields) {
    if (typeof f === 'string') {
      const bytes = new TextEncoder().encode(f);
      numbers.push(f.length, bytes.length);
      texts.push(bytes);
    } else numbers.push(typeof f === 'boolean' ? Number(f) : f);
  }
  const text = new Uint8Array(texts.reduce((n, b) => n + b.length, 0));
  texts.reduce((at, b) => (text.set(b, at), at + b.length), 0);
  const buffer = new ArrayBuffer(64 + numbers.length * 8 + Math.ceil(text.length / 8) * 8);
  const module = { HEAPU32: new Uint32Array(buffer), HEAPF64: new Float64Array(buffer), HEAPU8: new Uint8Array(buffer) };
  const numbersAt = 64, textAt = 64 + numbers.length * 8;
  module.HEAPF64.set(numbers, numbersAt / 8);
  module.HEAPU8.set(text, textAt);
  module.HEAPU32.set([numbersAt, numbers.length, textAt, text.length, 1], 0); // the header, at 0
  return [module, 0];
}

test('the schema parses, and its readers are the Calculator methods and `error`', async () => {
  const records = parseSchema(schemaText);
  assert.ok(records.size > 20);
  const readers = await readersOf(schemaText);
  assert.deepEqual(Object.keys(readers).sort(),
    ['convert', 'costOfLiving', 'densityCurve', 'error', 'estimate', 'listings', 'localities', 'percentileOf', 'salaryAt', 'takeHome', 'totalComp']);
});

test('the readers split in two: those of the results only the full module computes go with its glue', async () => {
  const records = parseSchema(schemaText);
  const roots = [...records.keys()].filter((name) => ![...records.values()].some((fields) => fields.some((f) => (f.type.name ?? f.type.of?.name) === name)));
  const full = await readersOf(schemaText, FULL_MODULE_RECORDS);
  const rest = await readersOf(schemaText, roots.filter((name) => !FULL_MODULE_RECORDS.includes(name)));
  assert.deepEqual(Object.keys(full).sort(), ['costOfLiving', 'localities', 'takeHome', 'totalComp']);
  assert.deepEqual(Object.keys(rest).sort(), ['convert', 'densityCurve', 'error', 'estimate', 'listings', 'percentileOf', 'salaryAt']);
  // Each half holds only the readers its records need: the take-home pay's are not in the rest.
  const source = readerSource(records, './record-reader.mjs', roots.filter((name) => !FULL_MODULE_RECORDS.includes(name)));
  assert.doesNotMatch(source, /federalTaxableIncome|compensationLine|"rpp"/);
  assert.deepEqual(readRecord(...memoryWith([100, 10, 0, 0, 0, 110, 1, 'base', 'Base salary', 100]), full.totalComp),
    { base: 100, bonus: 10, equity: 0, benefits: 0, retirementMatch: 0, total: 110, lines: [{ id: 'base', label: 'Base salary', amount: 100 }] });
});

test('a record reads back into the object the schema describes, optional parts included', async () => {
  const readers = await readersOf(schemaText);
  assert.deepEqual(readRecord(...memoryWith([63.98, 'hourly', 'annual', 133078.4, 40]), readers.convert),
    { amount: 63.98, from: 'hourly', to: 'annual', value: 133078.4, hoursPerWeek: 40 });
  const text = 'record\n  a  number\n  b  string?\n  c  string?\n  d  flags(x,y,z)\n  e  inner?\n  f  ...inner?\n  g  number{}\n  h  inner*\n'
    + 'inner\n  v  number\n';
  const own = await readersOf(text);
  const fields = [1, true, 'Zürich 💶', false, true, false, true, false, true, 7, 2, 'CA', 103.1, 'TX', 94.2, 2, 8, 9];
  assert.deepEqual(readRecord(...memoryWith(fields), own.record),
    { a: 1, b: 'Zürich 💶', c: null, d: ['x', 'z'], v: 7, g: { CA: 103.1, TX: 94.2 }, h: [{ v: 8 }, { v: 9 }] });
  assert.equal(unread(), 0);
});

test('a reader takes exactly the numbers of its record, and a record of another length shows', async () => {
  const readers = await readersOf(schemaText);
  readRecord(...memoryWith([63.98, 'hourly', 'annual', 133078.4, 40]), readers.convert);
  assert.equal(unread(), 0);
  readRecord(...memoryWith([63.98, 'hourly', 'annual', 133078.4, 40, 1]), readers.convert);
  assert.equal(unread(), 1);
  readRecord(...memoryWith([63.98, 'hourly', 'annual', 133078.4]), readers.convert);
  assert.equal(unread(), -1);
});

test('a schema it cannot take is refused with the line at fault', () => {
  const bad = {
    '  orphan number\n': /records\.schema:1: a field before any record/,
    'r\n  a  numbr\n': /records\.schema:2: no record named numbr/,
    'r\n  a  flags(x y)\n': /records\.schema:2: expected "name type"/,
    'r\n  a  number[0]\n': /records\.schema:2: unknown type "number\[0\]"/,
    'r\n  a  number\n  a  string\n': /records\.schema:3: field a is declared twice/,
    'r\n  a  number\nr\n  b  number\n': /records\.schema:3: record r is declared twice/,
    'r\n  a  missing\n': /records\.schema:2: no record named missing/,
    'r\n  a  number?*\n': /unknown type "number\?\*"/,
    'r\n  a  ...inner\ninner\n  b number\n': /unknown type "\.\.\.inner"/,
    'r\n  a number extra\n': /expected "name type"/,
    'r\n': /record r has no fields/,
  };
  for (const [text, message] of Object.entries(bad)) assert.throws(() => parseSchema(text), message, JSON.stringify(text));
});
