// Number formatting (Intl, the visitor's locale), the result in words, and parsing what a visitor
// types. Text is English; numbers follow the browser's locale.
import { whenIdle } from './schedule.js';

// Made on first use, or by warmFormatters() while the page is idle: the first Intl object a page
// makes costs 12–25 ms (ICU loads its locale data then), the others well under 1 ms. Made while
// the widget starts, that would be blocking time (Lighthouse); made on the first keystroke after
// a pre-rendered page was adopted (nothing had been formatted yet), a slow first response.
const formatters = [];
// A browser whose locale is POSIX's "C" (WebKitGTK started without LANG, or with C.UTF-8) reports
// "C", and Intl then formats in en-US-u-va-posix: "$ 123457", no grouping. English formatting there.
const locale = /^(c|posix)\b/i.test(globalThis.navigator?.language) ? 'en-US' : undefined;
const lazy = (Format, options) => {
  let format = null;
  const make = () => (format ??= new Format(locale, options));
  formatters.push(() => make().format(1234.5));
  return { format: (v) => make().format(v) };
};
export const nf = (options) => lazy(Intl.NumberFormat, options);
const usd0 = nf({ style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usd2 = nf({ style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCompact = nf({ style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 });
const usd3 = nf({ style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
const signedUsd3 = nf({ style: 'currency', currency: 'USD', maximumSignificantDigits: 3, signDisplay: 'exceptZero' });
const pct0 = nf({ style: 'percent', maximumFractionDigits: 0 });
const signedPct = nf({ style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const plain = nf({ maximumFractionDigits: 1 });
let ordinals = null;
formatters.push(() => ordinal(1));
let collator = null;
formatters.push(() => compareText('a', 'b'));

/**
 * Makes each formatter, one per idle moment, so that the first keystroke does not pay for them.
 * Called when the first widget connects: the moments the page waits for the wasm and the data.
 */
export function warmFormatters() {
  const pending = formatters.splice(0); // once per page, however many widgets
  const next = () => { if (pending.length) { pending.shift()(); whenIdle(next); } };
  whenIdle(next);
}
const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

export const money = (v) => (Math.abs(v) < 100 && !Number.isInteger(v) ? usd2 : usd0).format(v);
export const moneyCompact = (v) => usdCompact.format(v);
/** An estimate, to the 3 significant figures its sources support ($143,550 → "$144,000"); the API keeps full precision. */
export const estimateMoney = (v) => usd3.format(v);
export const estimateChange = (v) => signedUsd3.format(v);
export const estimateRange = (low, high) => `${estimateMoney(low)}–${estimateMoney(high)}`;
/** A 0–100 percentile as a percentage ("63%"). */
export const percent = (p) => pct0.format(p / 100);
/** A multiplier as a signed change ("+12.5%"). */
export const change = (multiplier) => signedPct.format(multiplier - 1);
export const number = (v) => plain.format(v);
export const moneyRange = (low, high) => (Math.round(low) === Math.round(high) ? money(low) : `${money(low)}–${money(high)}`);
/** Compares two names in the visitor's language (for sorting places). */
export const compareText = (a, b) => (collator ??= new Intl.Collator(locale)).compare(a, b);
export const ordinal = (n) => `${n}${suffix[(ordinals ??= new Intl.PluralRules('en', { type: 'ordinal' })).select(n)]}`;

/** "the United States", "Texas", "the Austin-Round Rock-San Marcos, TX metro area". */
export function placeName(distributionOrArea) {
  const kind = distributionOrArea.areaKind || distributionOrArea.kind;
  const name = distributionOrArea.areaName || distributionOrArea.name;
  if (kind === 'nation') return 'the United States';
  if (kind === 'metro') return `the ${name} metro area`;
  return name;
}

/** "software developers" from "Software Developers". */
export const people = (occupationTitle) => occupationTitle.toLowerCase();

/** "higher than about 63% of software developers in Texas" (never claims 0 % or 100 %). */
export function percentileWords(percentile, distribution) {
  const who = `${people(distribution.occupationTitle)} in ${placeName(distribution)}`;
  if (percentile < 1) return `lower than about 99% of ${who}`;
  return `higher than about ${percent(Math.min(99, Math.round(percentile)))} of ${who}`;
}

/** "the 41st percentile" */
export const percentileOrdinal = (p) => `${ordinal(Math.max(1, Math.min(99, Math.round(p))))} percentile`;

// Whole numbers ("120000", "120,000") are read here; any other way of writing one (decimals, other
// digits, grouping with "." or spaces, the ambiguous "120.000") by numbers.js, downloaded the first
// time one is given: until then the result is {retry}, a promise after which to read it again
// (web/ui/element.js does). `how`: see numbers.js.
let numbers = null, loading = null;
function readNumber(text, how) {
  if (/^(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)$/.test(text)) return { value: text.replace(/,/g, '') * (how.scale || 1) };
  if (numbers) return numbers.readAnyNumber(text, how);
  loading ??= import('./numbers.js').then((m) => { numbers = m; }, () => { numbers = { readAnyNumber: () => null }; });
  return { retry: loading };
}

/**
 * Parses an amount as typed: "120000", "120,000", "$120,000.50", "120k", "1.2m", "120 000",
 * "120.000,50", "١٢٠٬٠٠٠". Returns {empty: true}, {value}, {error} or {retry} (above); a number
 * that reads two ways ("120.000": $120,000 or $120?) gets a question, never a guess.
 */
export function parseAmount(raw, { max = 1e9, what = 'an amount' } = {}) {
  const text = String(raw ?? '').trim();
  if (text === '') return { empty: true };
  const m = /^(?:US\$|USD|\$)?\s*(.+?)\s*([km])?$/i.exec(text);
  const nan = { error: `Enter ${what} as a number, for example 120000 or 120k.` };
  const r = m && readNumber(m[1], { quote: text, scale: m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1, max, say: money, cents: true });
  if (!r || !('value' in r)) return r || nan;
  if (!Number.isFinite(r.value)) return nan;
  if (r.value > max) return { error: `That is more than ${money(max)}; check the number.` };
  return r;
}

/** Parses a plain number within [min, max] ("12.5", "12.5%", "12,5"). */
export function parseNumber(raw, { min = 0, max = 100, what = 'a number', unit = '' } = {}) {
  const text = String(raw ?? '').trim().replace(/[%％]$/, '').trim();
  if (text === '') return { empty: true };
  const r = readNumber(text, { quote: text, min, max, say: (v) => `${number(v)}${unit ? ` ${unit}` : ''}` });
  if (!r || !('value' in r)) return r || { error: `Enter ${what} as a number${unit ? ` (${unit})` : ''}.` };
  if (!(r.value >= min && r.value <= max)) return { error: `Enter ${what} between ${number(min)} and ${number(max)}${unit ? ` ${unit}` : ''}.` };
  return r;
}

const monthYear = lazy(Intl.DateTimeFormat, { year: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = lazy(Intl.DateTimeFormat, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
/** A dataset date ("2024", "2024-05", "2024-05-31") for display; null → "undated". */
export function isoDate(text) {
  if (!text) return 'undated';
  const [y, m, d] = text.split('-').map(Number);
  if (!m) return String(y);
  return (d ? dayMonthYear : monthYear).format(new Date(Date.UTC(y, m - 1, d || 1)));
}
