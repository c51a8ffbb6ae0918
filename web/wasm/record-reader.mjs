// Reading a record the core wrote (result_writer.hpp): numbers straight from wasm memory, strings
// sliced out of the record's text, which is decoded once. The readers generated from
// records.schema are made of these. One record at a time, read synchronously right after the
// call that wrote it.
const utf8 = new TextDecoder(); // replaces bytes that are not UTF-8, as Embind's strings did
let numbers, next, end, bytes, text, unit, byte; // the record being read, and where its next field is

export const num = () => numbers[next++];
export const flag = () => num() === 1;
export function str() {
  const units = num(), length = num();
  const s = text !== null ? text.slice(unit, unit += units) : utf8.decode(bytes.subarray(byte, byte + length));
  byte += length;
  return s;
}
export const optNum = () => (flag() ? num() : null);
export const optStr = () => (flag() ? str() : null);
export function list(read) {
  const out = [];
  for (let n = num(); n > 0; n--) out.push(read());
  return out;
}
/** number{}: an object of string keys. */
export function keyed(read) {
  const out = {};
  for (let n = num(); n > 0; n--) out[str()] = read();
  return out;
}

/**
 * Reads the record whose header (five 32-bit words: numbers, their count, text, its length,
 * whether it is all UTF-8) is at `header` in `module`'s memory, with `read` (a generated reader).
 * That the writer writes what records.schema says is checked by tests/wire, for every method of
 * the Calculator; unread() tells the tests here how many numbers a reader left.
 */
export function readRecord(module, header, read) {
  const words = module.HEAPU32, at = header >>> 2;
  numbers = module.HEAPF64;
  next = words[at] >>> 3;
  end = next + words[at + 1];
  bytes = module.HEAPU8.subarray(words[at + 2], words[at + 2] + words[at + 3]);
  // Null when some string is not UTF-8: then decoding it alone is the only way to know its length.
  text = words[at + 4] ? utf8.decode(bytes) : null;
  unit = byte = 0;
  return read();
}

/** How many numbers of the last record read were not read (negative: read beyond its end). */
export const unread = () => end - next;
