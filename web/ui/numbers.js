// Reading numbers as people write them in other ways than "120,000.50" (web/ui/format.js reads
// those): grouped with "." or spaces, with a decimal comma, in Arabic-Indic or full-width digits.
// A module of its own, downloaded the first time such a number is given.

// Arabic-Indic (٠–٩), Persian (۰–۹) and full-width (０–９) digits as 0–9 (each block of ten
// starts at a multiple of 16), Arabic and full-width marks as their ASCII kin; spaces and
// apostrophes (1 000, 1'000) only ever group digits.
const asciiDigits = (text) => text.replace(/[٠-٩۰-۹０-９]/g, (d) => d.charCodeAt(0) & 15)
  .replace(/[٫．]/g, '.').replace(/，/g, ',').replace(/[\s'’٬]/g, "'");

// Digits grouped in threes by one mark ("1,200,000", "1.200.000", "1 200 000"), or not grouped;
// then perhaps a decimal point or comma and decimals ("1200.5", "1200,5", "1,200.50", "1.200,50").
const NUMBER = /^(?:([1-9]\d{0,2})((?:([.,'])\d{3})(?:\3\d{3})*)|(\d*))(?:([.,])(\d+))?$/;

/**
 * Reads a number as people write it: {value} (times `how.scale`), or null when it is no number.
 * "120.000" is either grouping or decimals (a comma followed by three digits is read as grouping:
 * "120,000"): when both readings lie in [how.min, how.max], the result is {error}, a question
 * ("Is “120.000” $120,000 or $120? Type 120000 or 120.00.": `how.quote` is what was typed,
 * `how.say` writes a value as the field's unit, `how.cents` asks for two decimals); when one
 * does, that one (4.500 years can only be 4.5).
 */
export function readAnyNumber(text, { quote, scale = 1, min = 0, max, say, cents }) {
  const m = NUMBER.exec(asciiDigits(text));
  if (!m || (m[3] && m[3] === m[5])) return null;
  const value = Number(`${m[1] || ''}${(m[2] || '').replace(/\D/g, '')}${m[4] || ''}.${m[6] || 0}`) * scale;
  if (m[3] !== '.' || m[2].length !== 4 || m[5]) return { value };
  const [a, b] = [value, `${m[1]}${m[2]}` * scale].filter((v) => v >= min && v <= max);
  return b === undefined ? { value: a ?? value } : { error: `Is “${quote}” ${say(a)} or ${say(b)}? Type ${a} or ${cents ? b.toFixed(2) : b}.` };
}
