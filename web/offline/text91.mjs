// Bytes as text for the offline file's string literals, denser than base64: every 13 bits become
// two characters of a 91-character alphabet (91² = 8,281 ≥ 2¹³), 16 characters per 13 bytes
// instead of base64's 17⅓ (−7.7 %). (Not Henke's basE91, whose groups vary between 13 and 14 bits:
// fixed groups make a shorter decoder for 0.1 % more text.)
//
// The alphabet is printable ASCII without the space, '"', '\' and '<': any text made of it can sit
// in a double-quoted JavaScript string inside an inline <script> as it is (no "</script" or "<!--"
// can form), and is the same in any encoding a saved copy of the page may be given.
// Bits are taken from the lowest of each byte up; the last group, when it has 5 bits or fewer, is
// one character, which a decoder counts as 6 bits: so the text's length alone gives the byte count.
const SKIPPED = [0x22, 0x3c, 0x5c]; // " < \

/** The character code of digit d (0…90): '!' onwards, stepping over the skipped characters. */
const codeOf = (d) => SKIPPED.reduce((code, skipped) => code + (code >= skipped), d + 0x21);

export const ALPHABET = String.fromCharCode(...Array.from({ length: 91 }, (_, d) => codeOf(d)));

/** @param {Uint8Array} bytes @returns {string} */
export function encode(bytes) {
  let text = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc |= byte << bits;
    bits += 8;
    if (bits >= 13) {
      text += ALPHABET[(acc & 8191) % 91] + ALPHABET[Math.floor((acc & 8191) / 91)];
      acc >>>= 13;
      bits -= 13;
    }
  }
  if (bits > 5) text += ALPHABET[acc % 91] + ALPHABET[Math.floor(acc / 91)];
  else if (bits > 0) text += ALPHABET[acc];
  return text;
}

// The digit of each character code (its index in ALPHABET); a character outside it reads as 0, so
// damaged text gives bytes that gzip's checksum then rejects.
const DIGITS = new Uint8Array(128);
for (let d = 0; d < 91; d++) DIGITS[ALPHABET.charCodeAt(d)] = d;

/** @param {string} text @returns {Uint8Array} */
export function decode(text) {
  const n = text.length;
  const out = new Uint8Array(((n >> 1) * 13 + (n & 1) * 6) >> 3);
  let acc = 0;
  let bits = 0;
  let o = 0;
  let i = 0;
  // A pair brings 13 bits to the fewer than 8 left over: one byte at least, sometimes two. (The
  // loop is written for a browser's first, unoptimized run: it decodes the page script.)
  for (; i + 1 < n; i += 2) {
    acc |= (DIGITS[text.charCodeAt(i)] + 91 * DIGITS[text.charCodeAt(i + 1)]) << bits;
    out[o++] = acc;
    acc >>>= 8;
    bits += 5;
    if (bits >= 8) {
      out[o++] = acc;
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (i < n) {
    acc |= DIGITS[text.charCodeAt(i)] << bits;
    bits += 6;
  }
  if (bits >= 8 && o < out.length) out[o] = acc;
  return out;
}
