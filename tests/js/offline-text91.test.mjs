// The offline file's text encoding (web/offline/text91.mjs): what it writes survives an inline
// <script>'s double-quoted string as it is, and reads back to the same bytes, at 16 characters per
// 13 bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import { ALPHABET, encode, decode } from '../../web/offline/text91.mjs';

test('the alphabet is 91 printable ASCII characters, none of which can end or escape the string or script', () => {
  assert.equal(ALPHABET.length, 91);
  assert.equal(new Set(ALPHABET).size, 91);
  assert.match(ALPHABET, /^[\x21-\x7e]+$/);
  for (const c of ['"', '\\', '<', ' ']) assert.ok(!ALPHABET.includes(c), c);
});

test('every length round-trips, and the text length alone gives the byte count', () => {
  for (let n = 0; n <= 64; n++) {
    for (const fill of [0x00, 0xff, null]) {
      const bytes = fill === null ? randomBytes(n) : Buffer.alloc(n, fill);
      const text = encode(bytes);
      assert.deepEqual(Buffer.from(decode(text)), bytes, `${n} bytes of ${fill ?? 'random'}`);
    }
  }
});

test('13 bytes take 16 characters: 13 bits per pair', () => {
  // 13 × 8 = 104 bits = 8 groups of 13 → 8 pairs; all ones: 8191 = 1 + 90 × 91 → '#' then '~'.
  assert.equal(encode(Buffer.alloc(13, 0xff)), '#~'.repeat(8));
  // 1 byte: 8 bits, more than a lone character's 5 → a pair: 255 = 74 + 2 × 91 → 'm', '$'.
  assert.equal(encode(Buffer.from([255])), 'm$');
  // 2 bytes: 13 bits + 3 left over → one pair and a lone character: 7, the 8th of '!#$%&'()'.
  assert.equal(encode(Buffer.from([255, 255])), '#~)');
  const big = randomBytes(100_000);
  const text = encode(big);
  assert.equal(text.length, 123_078); // 800,000 bits = 61,538 groups of 13 + 6 bits (more than 5: a pair)
  assert.deepEqual(Buffer.from(decode(text)), big);
});

test('gzip text decodes and inflates back; damaged text fails gzip\'s check instead of giving other bytes', () => {
  const original = Buffer.from('The calculator needs JavaScript and WebAssembly. '.repeat(200));
  const text = encode(gzipSync(original));
  assert.deepEqual(gunzipSync(decode(text)), original);
  const damaged = `${text.slice(0, 100)}${text[100] === 'A' ? 'B' : 'A'}${text.slice(101)}`;
  assert.throws(() => gunzipSync(decode(damaged)));
});
