#!/usr/bin/env node
// Builds data/salary-data.json (schema: docs/dataset.md) from the public files in <shared>/data and
// the figures of the seed articles in <shared>/seeds. Node 20, built-ins only. Deterministic: the
// same inputs give the same bytes, which tests/js/data-build.test.mjs checks.
//
//   node data/build.mjs [--shared DIR] [--out FILE]
//   defaults: --shared <repo>/../shared   --out <repo>/data/salary-data.json
//
// Any inconsistency between inputs (derived CSV vs official file, a mapped code that is missing, a
// seed figure that is not in its article) stops the build with an error instead of shipping it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildTaxRules } from './tax-build.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = '2026.12.0';
const OCCUPATIONS = ['15-1252', '15-1253', '15-1254', '15-2051'];
const BLS_TOP_CODE = 239200; // $115.00/hr × 2,080: what a '#' percentile is at or above (README)

function fail(message) {
  throw new Error(`build.mjs: ${message}`);
}

// ---------- reading ----------

// One CSV line. Handles BEA's quirks: a blank before an opening quote and quoted commas.
function parseCsvLine(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    while (line[i] === ' ') i++;
    let field = '';
    if (line[i] === '"') {
      for (i++; ; ) {
        const quote = line.indexOf('"', i);
        if (quote < 0) fail(`unterminated quote in: ${line}`);
        field += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        field += '"';
        i++;
      }
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      field = line.slice(i, end);
      i = end + 1;
    }
    fields.push(field.trim());
  }
  return fields;
}

// Rows as objects keyed by the header; lines of another width (BEA's footer notes) are skipped.
function readCsv(path) {
  const text = readFileSync(path, 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '').map(parseCsvLine);
  const rows = lines.filter((f) => f.length === header.length)
    .map((f) => Object.fromEntries(header.map((h, i) => [h, f[i]])));
  return { rows, text };
}

// BEA footers say e.g. "Last updated: February 20, 2025-- revised ..."; returns "2025-02-20".
function lastUpdated(text, path) {
  const m = /Last updated: (\w+ \d{1,2}, \d{4})/.exec(text);
  if (!m) fail(`no "Last updated" line in ${path}`);
  return new Date(`${m[1]} UTC`).toISOString().slice(0, 10);
}

const usd = (n) => '$' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const round4 = (x) => Math.round(x * 1e4) / 1e4;
const sortByKey = (map) => new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));

// ---------- seed articles ----------

function readSeeds(dir) {
  const seeds = {};
  for (const file of readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
    seeds[`seed-${file.slice(0, 3)}`] = readFileSync(join(dir, file), 'utf8');
  }
  return seeds;
}

// Every hand-transcribed seed figure is checked against the article text it was read from, so a
// typo here (or a changed article) fails the build instead of shipping a wrong number.
function expectInSeed(seeds, id, ...snippets) {
  if (!seeds[id]) fail(`seed article ${id} not found`);
  for (const s of snippets) if (!seeds[id].includes(s)) fail(`${id} does not contain "${s}"`);
}

// ---------- BLS OEWS ----------

// cells: BLS text cells (number, '#' top-coded, '*' no wage, '**' no employment).
// Returns {row} or {gap: reason} when BLS published no usable distribution.
function wageRow(cells) {
  if (cells.p.some((t) => t === '*' || t === '')) return { gap: 'BLS published no wage estimate (*)' };
  const p = cells.p.map((t) => (t === '#' ? null : Number(t)));
  const published = p.filter((v) => v !== null);
  const firstTop = p.indexOf(null); // top-coding can only cut off the upper end
  if (firstTop >= 0 && p.slice(firstTop).some((v) => v !== null)) fail(`top code mid-row: ${cells.p}`);
  if (published.some((v, i) => i > 0 && v <= published[i - 1])) {
    return { gap: 'published percentiles are tied (very small sample)' };
  }
  const opt = (t) => (t === '*' || t === '**' || t === '#' || t === '' ? null : Number(t));
  const [p10, p25, p50, p75, p90] = p;
  return { row: { p10, p25, p50, p75, p90, mean: opt(cells.mean), employment: opt(cells.employment),
    hourly_median: opt(cells.hourly) } };
}

const rawCells = (r) => ({ p: [r.A_PCT10, r.A_PCT25, r.A_MEDIAN, r.A_PCT75, r.A_PCT90],
  mean: r.A_MEAN, employment: r.TOT_EMP, hourly: r.H_MEDIAN });

// The cleaned state file keeps flags in *_topcoded / flags columns; turn it back into BLS cells.
function cleanedCells(r) {
  const cell = (k) => (r[`annual_${k}_topcoded`] === 'True' ? '#' : r[`annual_${k}`] || '*');
  return { p: ['p10', 'p25', 'median', 'p75', 'p90'].map(cell), mean: r.annual_mean || '*',
    employment: r.employment || '**', hourly: r.hourly_median || '*' };
}

// The cleaned file must say exactly what the raw BLS extract says.
function checkAgainstRaw(cleaned, raw) {
  const rawByKey = new Map(raw.map((r) => [`${r.AREA}/${r.OCC_CODE}`, r]));
  if (rawByKey.size !== cleaned.length) fail('cleaned and raw BLS state files differ in row count');
  const same = (a, b) => a === b || (a !== '' && Number(a) === Number(b));
  for (const r of cleaned) {
    const other = rawByKey.get(`${r.state_fips}/${r.occ_code}`);
    if (!other) fail(`raw BLS state file has no row ${r.state}/${r.occ_code}`);
    const [a, b] = [cleanedCells(r), rawCells(other)];
    const pairs = [...a.p.map((v, i) => [v, b.p[i]]), [a.mean, b.mean], [a.employment, b.employment],
      [a.hourly, b.hourly]];
    if (!pairs.every(([x, y]) => same(x, y))) fail(`cleaned/raw mismatch for ${r.state}/${r.occ_code}`);
  }
}

// The national releases, oldest first: the newest gives the national row, all give the trend of
// the national median (so that a state figure of an older release can say how far it lags).
const NATIONAL_RELEASES = [
  ['May 2023', 'bls-oews-2023', 'oews_national_selected_M2023_M2024.csv'],
  ['May 2024', 'bls-oews-2024', 'oews_national_selected_M2023_M2024.csv'],
  ['May 2025', 'bls-oews-2025', 'oews_national_selected_M2025.csv'],
];

function buildOccupations(blsDir, stateCodes) {
  const releases = NATIONAL_RELEASES.map(([survey, source, file]) => ({ survey, source,
    rows: readCsv(join(blsDir, file)).rows.filter((r) => r.survey === survey) }));
  const newest = releases[releases.length - 1];
  const states = readCsv(join(blsDir, 'oews_state_M2024_selected.csv')).rows;
  checkAgainstRaw(states, readCsv(join(blsDir, 'oews_state_M2024_selected_raw.csv')).rows);

  const occupations = {};
  for (const code of OCCUPATIONS) {
    const national = releases.map((r) => r.rows.find((row) => row.OCC_CODE === code)
      ?? fail(`no national ${r.survey} row for ${code}`));
    const nat = national[national.length - 1];
    const us = wageRow(rawCells(nat));
    if (!us.row) fail(`national ${code}: ${us.gap}`);
    if (national.some((r) => r.OCC_TITLE !== nat.OCC_TITLE)) fail(`${code} is titled differently across releases`);
    const areas = { US: { ...us.row, source: newest.source } };
    const gaps = [];
    for (const st of stateCodes) {
      const rec = states.find((r) => r.state === st && r.occ_code === code);
      const result = rec ? wageRow(cleanedCells(rec)) : { gap: 'no row in the BLS May 2024 state extract' };
      if (result.row) areas[st] = result.row;
      else gaps.push({ area: st, reason: result.gap });
    }
    occupations[code] = { title: nat.OCC_TITLE, source: 'bls-oews-2024', areas,
      gaps: gaps.length ? gaps : undefined, // optional: omitted when nothing was left out
      national_trend: national.map((r, i) => ({ release: releases[i].survey, median: Number(r.A_MEDIAN),
        source: releases[i].source })) };
  }
  const national2025 = newest.rows.find((r) => r.OCC_CODE === '15-1252');
  return { occupations, nationalSoftware: { p50: Number(national2025.A_MEDIAN), p75: Number(national2025.A_PCT75) } };
}

// ---------- BEA Regional Price Parities ----------

// Metro names: drop the "(Metropolitan Statistical Area)" suffix and BEA's " *" footnote mark.
function metroName(beaName) {
  return beaName.replace(/\s*\*$/, '').replace(/\s*\(?Metropolitan Statistical Area\)?$/, '');
}

// Every all-items value we ship must equal the official SARPP/MARPP figure for that year.
function checkOfficial(official, lineCode, year, derived) {
  const byFips = new Map(official.filter((r) => r.LineCode === String(lineCode)).map((r) => [r.GeoFIPS, r]));
  for (const [fips, value] of derived) {
    const row = byFips.get(fips) ?? fail(`official BEA file lacks ${fips}`);
    if (Number(row[year]) !== value) fail(`RPP ${fips} ${year}: derived ${value} vs official ${row[year]}`);
  }
}

function buildPriceParities(beaDir, stateNameByFips) {
  const stateCsv = readCsv(join(beaDir, 'bea_rpp_state_2022_2023.csv'));
  const metroCsv = readCsv(join(beaDir, 'bea_rpp_msa_2023_2024.csv'));
  const sarpp = readCsv(join(beaDir, 'SARPP_STATE_2008_2023.csv'));
  const marpp = readCsv(join(beaDir, 'MARPP_MSA_2008_2024.csv'));
  checkOfficial(sarpp.rows, 5, '2023', stateCsv.rows.map((r) => [`${r.fips}000`, Number(r.rpp_all_2023)]));
  checkOfficial(marpp.rows, 1, '2024', metroCsv.rows.map((r) => [r.geofips, Number(r.rpp_all_2024)]));

  const states = [];
  for (const r of stateCsv.rows.filter((r) => r.fips !== '00')) {
    const [code, name] = stateNameByFips.get(r.fips) ?? fail(`BEA state fips ${r.fips} is not a BLS state`);
    if (name !== r.name) fail(`state name differs: BLS "${name}" vs BEA "${r.name}"`);
    states.push([code, Number(r.rpp_all_2023)]);
  }
  const us = stateCsv.rows.find((r) => r.fips === '00') ?? fail('no US row in the BEA state file');
  // CBSA codes look like integers, so ordered objects are Maps (see serialize()).
  const metros = new Map();
  const metroAreas = new Map();
  for (const r of metroCsv.rows.filter((r) => !['00000', '00999'].includes(r.geofips))) {
    metroAreas.set(r.geofips, metroName(r.name));
    metros.set(r.geofips, Number(r.rpp_all_2024));
  }
  return {
    metroNames: metroAreas,
    released: { state: lastUpdated(sarpp.text, 'SARPP'), metro: lastUpdated(marpp.text, 'MARPP') },
    price_parities: {
      states: { source: 'bea-rpp-state', year: 2023,
        values: new Map([['US', Number(us.rpp_all_2023)], ...sortByKey(new Map(states))]) },
      metros: { source: 'bea-rpp-metro', year: 2024, values: sortByKey(metros) },
    },
  };
}

// ---------- wage areas (DOL OFLC prevailing wage levels, BLS metro medians) ----------

// The occupations DOL publishes prevailing wage levels for in the extract (15-1254 has none).
const LEVEL_OCCUPATIONS = ['15-1252', '15-1253', '15-2051'];
// Territories: OFLC wage areas, but no BLS state row, BEA price level or state tax table.
const TERRITORIES = { PR: 'Puerto Rico', GU: 'Guam', VI: 'U.S. Virgin Islands' };
// OFLC's geography file spells one area name with a stray U+0081 where the official name has "ü"
// (0x81 is "ü" in code page 437): Mayagüez, PR. Fixed here; any other control character fails.
const MISSPELLED = { 'Mayag\u0081uez': 'Mayagüez' };

const titleCase = (s) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m, sep, ch) => sep + ch.toUpperCase());

/**
 * Every OFLC wage area: {code → {name, kind, states, counties}}. Codes are the file's own: a CBSA
 * code (5 digits) for a metro area; for a nonmetropolitan area (and Guam and the Virgin Islands,
 * which OFLC codes the same way) the state's FIPS code × 100,000 + a number, e.g. 4800001.
 * `states` lists the states in the area's name in order (the principal state first), then any
 * other state it has counties in; counties are "County name, ST".
 */
function buildWageAreas(oflcDir, stateCodes) {
  const rows = readCsv(join(oflcDir, 'Geography_2025-26.csv')).rows;
  const known = new Set([...stateCodes, ...Object.keys(TERRITORIES)]);
  const areas = new Map();
  for (const r of rows) {
    if (!/^\d{5,7}$/.test(r.Area)) fail(`OFLC area code "${r.Area}" is neither a CBSA nor an OFLC nonmetro code`);
    if (!known.has(r.StateAb)) fail(`OFLC area ${r.Area} lies in unknown state ${r.StateAb}`);
    let name = r.AreaName;
    for (const [bad, good] of Object.entries(MISSPELLED)) name = name.replace(bad, good);
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) fail(`control character in OFLC area name "${name}"`);
    const nonmetro = /nonmetropolitan area( \(noncontiguous\))?$/.test(name);
    if (nonmetro && r.Area.length === 5) fail(`OFLC area ${r.Area} "${name}": code and name disagree on nonmetro`);
    let area = areas.get(r.Area);
    if (!area) {
      const listed = /, ([A-Z]{2}(?:-[A-Z]{2})*)$/.exec(name)?.[1].split('-') ?? [];
      area = { name, kind: nonmetro ? 'nonmetro' : 'metro', states: listed, counties: [] };
      areas.set(r.Area, area);
    } else if (area.name !== name) fail(`OFLC area ${r.Area} has two names: "${area.name}", "${name}"`);
    if (!area.states.includes(r.StateAb)) area.states.push(r.StateAb);
    let county = r.CountyTownName;
    if (county === county.toUpperCase()) county = titleCase(county); // Guam's villages are in capitals
    if (/[\u0000-\u001f\u007f-\u009f]/.test(county)) fail(`control character in OFLC county name "${county}"`);
    area.counties.push(`${county}, ${r.StateAb}`);
  }
  for (const [code, area] of areas) {
    for (const st of area.states) if (!known.has(st)) fail(`OFLC area ${code} names unknown state ${st}`);
    area.counties.sort();
  }
  return sortByKey(areas);
}

/**
 * DOL's four levels per occupation and area. Levels II and III are computed by DOL from I and IV
 * (a third and two thirds of the way, on hourly wages rounded to the cent): checked to within the
 * rounding, so a misread column fails the build.
 */
function buildPrevailingWages(oflcDir, wageAreas) {
  const rows = readCsv(join(oflcDir, 'oflc_alc_2025-26_levels_selected.csv')).rows;
  const levels = Object.fromEntries(LEVEL_OCCUPATIONS.map((occ) => [occ, new Map()]));
  for (const r of rows) {
    if (!levels[r.SocCode]) fail(`unexpected occupation ${r.SocCode} in the OFLC levels`);
    if (!wageAreas.has(r.Area)) fail(`OFLC levels for area ${r.Area}, which the geography file lacks`);
    const l = [r.Level1_annual, r.Level2_annual, r.Level3_annual, r.Level4_annual].map(Number);
    if (!l.every((v) => Number.isInteger(v) && v > 0) || l.some((v, i) => i > 0 && v <= l[i - 1])) {
      fail(`OFLC levels for ${r.Area}/${r.SocCode} are not increasing whole dollars: ${l}`);
    }
    const step = (l[3] - l[0]) / 3;
    if (Math.abs(l[1] - (l[0] + step)) > 25 || Math.abs(l[2] - (l[0] + 2 * step)) > 25) {
      fail(`OFLC levels II/III for ${r.Area}/${r.SocCode} do not split I–IV in thirds: ${l}`);
    }
    if (levels[r.SocCode].has(r.Area)) fail(`OFLC levels for ${r.Area}/${r.SocCode} appear twice`);
    levels[r.SocCode].set(r.Area, l);
  }
  for (const occ of LEVEL_OCCUPATIONS) {
    if (levels[occ].size !== wageAreas.size) fail(`OFLC levels for ${occ} cover ${levels[occ].size} of ${wageAreas.size} areas`);
    levels[occ] = sortByKey(levels[occ]);
  }
  return { source: 'dol-oflc-2025-26', wage_year: 'July 2025 – June 2026', levels };
}

/** BLS's official May 2024 metro medians ({occupation → {CBSA → annual median}}). */
function buildMetroMedians(blsDir, wageAreas) {
  const rows = readCsv(join(blsDir, 'oews_msa_M2024_medians_selected.csv')).rows;
  const values = Object.fromEntries(OCCUPATIONS.map((occ) => [occ, new Map()]));
  for (const r of rows) {
    const area = wageAreas.get(r.AREA) ?? fail(`BLS metro ${r.AREA} is not an OFLC wage area`);
    if (area.name !== r.AREA_TITLE) fail(`BLS metro ${r.AREA} is "${r.AREA_TITLE}", OFLC says "${area.name}"`);
    if (!values[r.OCC_CODE]) fail(`unexpected occupation ${r.OCC_CODE} in the BLS metro medians`);
    const median = Number(r.A_MEDIAN);
    if (!(median > 0)) fail(`BLS metro median for ${r.AREA}/${r.OCC_CODE} is not a number: ${r.A_MEDIAN}`);
    values[r.OCC_CODE].set(r.AREA, median);
  }
  for (const occ of OCCUPATIONS) values[occ] = sortByKey(values[occ]);
  return { source: 'bls-oews-msa-2024', values };
}

// BEA's price levels of the metropolitan and nonmetropolitan portion of each state (PARPP), for
// the wage areas without a metro price level of their own. BEA writes 0.000 for a portion that
// does not exist (no nonmetropolitan counties in NJ, RI, DE, DC): left out.
function buildPortionParities(beaDir, stateNameByFips, year) {
  const parpp = readCsv(join(beaDir, 'PARPP_PORT_2008_2024.csv'));
  const values = new Map();
  for (const r of parpp.rows.filter((r) => r.LineCode === '1' && r.GeoFIPS !== '00000')) {
    const m = /^(\d\d)(998|999)$/.exec(r.GeoFIPS) ?? fail(`unexpected PARPP row ${r.GeoFIPS}`);
    const [code, name] = stateNameByFips.get(m[1]) ?? fail(`PARPP state fips ${m[1]} is not a BLS state`);
    const portion = m[2] === '998' ? 'metro' : 'nonmetro';
    if (r.GeoName !== `${name} (${portion === 'metro' ? 'Metropolitan' : 'Nonmetropolitan'} Portion)`) {
      fail(`PARPP ${r.GeoFIPS} is "${r.GeoName}"`);
    }
    const value = Number(r[year]);
    if (!Number.isFinite(value)) fail(`PARPP ${r.GeoFIPS} ${year}: ${r[year]}`);
    if (!values.has(code)) values.set(code, {});
    if (value > 0) values.get(code)[portion] = value;
  }
  return { source: 'bea-rpp-portion', year: Number(year), released: lastUpdated(parpp.text, 'PARPP'),
    values: sortByKey(values) };
}

// ---------- tax ----------

const FEDERAL_STATUSES = { single: 'SINGLE', joint: 'JOINT', separate: 'SEPARATE',
  head_of_household: 'HEAD_OF_HOUSEHOLD' }; // SURVIVING_SPOUSE is not offered by the calculator
const byStatus = (table, statuses) => Object.fromEntries(
  Object.entries(statuses).map(([ours, theirs]) => [ours, table[theirs] ?? fail(`no ${theirs} in tax table`)]));

function buildFederalTax(src) {
  const years = {};
  for (const year of Object.keys(src).filter((k) => /^\d{4}$/.test(k))) {
    const y = src[year];
    years[year] = {
      brackets: byStatus(y.brackets, FEDERAL_STATUSES),
      standard_deduction: byStatus(y.standard_deduction, FEDERAL_STATUSES),
      social_security: { rate: y.fica.social_security_rate_employee, wage_base: y.fica.social_security_wage_base },
      medicare: { rate: y.fica.medicare_rate_employee, additional_rate: y.fica.additional_medicare_rate,
        additional_threshold: byStatus(y.fica.additional_medicare_threshold, FEDERAL_STATUSES) },
    };
  }
  return { source: 'irs-2025-2026', years };
}

// CA's note names the 1 % Mental Health Services Tax above $1M; the source file gives it only as
// text, so it is written here as a surtax schedule (and checked against the note).
const CA_MHST = [[0, 0], [1000000, 0.01]];

function stateTaxYear(code, spec, note) {
  const out = { type: spec.type };
  if (spec.type === 'flat') out.rate = spec.rate;
  if (spec.type === 'brackets') out.brackets = { single: spec.single, joint: spec.joint };
  if (spec.standard_deduction) {
    out.standard_deduction = { single: spec.standard_deduction.SINGLE, joint: spec.standard_deduction.JOINT };
  }
  if (/federal taxable income/i.test(note ?? '')) out.base = 'federal_taxable_income';
  if (spec.surtax) out.surtax = spec.surtax;
  if (code === 'CA') {
    if (!/Mental Health Services Tax.*\$1M/.test(note)) fail('CA note no longer describes the MHST');
    out.surtax = CA_MHST;
  }
  if (note) out.note = note;
  return out;
}

function buildStateTax(src) {
  const codes = Object.keys(src.states).sort();
  const years = {};
  for (const year of Object.keys(src.states[codes[0]]).filter((k) => /^\d{4}$/.test(k))) {
    years[year] = Object.fromEntries(codes.map((c) => [c, stateTaxYear(c, src.states[c][year], src.states[c].note)]));
  }
  const fedBase = codes.filter((c) => Object.values(years)[0][c].base);
  if (fedBase.join() !== 'CO,ND') fail(`federal-taxable-income states changed: ${fedBase}`);
  return { source: 'state-tax-2025-2026', years };
}

// ---------- sources ----------

function buildSources(released, fedSrc, stateSrc) { // released: {state, metro, portion}
  const bea = 'https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area';
  const commit = fedSrc._source.commit;
  if (stateSrc._source.commit !== commit) fail('federal and state tax files come from different commits');
  return {
    'bls-oews-2023': { publisher: 'U.S. Bureau of Labor Statistics',
      title: 'Occupational Employment and Wage Statistics, May 2023 (national, cross-industry)',
      released: '2024-04-03', url: 'https://www.bls.gov/oes/', label: 'BLS OEWS May 2023' },
    'bls-oews-2024': { publisher: 'U.S. Bureau of Labor Statistics',
      title: 'Occupational Employment and Wage Statistics, May 2024 (national and state, cross-industry)',
      released: '2025-04-02', url: 'https://www.bls.gov/oes/', label: 'BLS OEWS May 2024' },
    'bls-oews-2025': { publisher: 'U.S. Bureau of Labor Statistics',
      title: 'Occupational Employment and Wage Statistics, May 2025 (national, cross-industry)',
      released: '2026-04', url: 'https://www.bls.gov/oes/', label: 'BLS OEWS May 2025',
      note: 'National figures only; the May 2025 state files are not in this dataset. No percentile is top-coded.' },
    'bea-rpp-state': { publisher: 'U.S. Bureau of Economic Analysis',
      title: 'Regional Price Parities by State (SARPP), 2023', released: released.state, url: bea },
    'bea-rpp-metro': { publisher: 'U.S. Bureau of Economic Analysis',
      title: 'Regional Price Parities by Metropolitan Area (MARPP), 2024', released: released.metro, url: bea },
    'bea-rpp-portion': { publisher: 'U.S. Bureau of Economic Analysis',
      title: 'Regional Price Parities by State Portion (PARPP): metropolitan and nonmetropolitan parts of each state, 2024',
      released: released.portion, url: bea },
    'bls-oews-msa-2024': { publisher: 'U.S. Bureau of Labor Statistics',
      title: 'Occupational Employment and Wage Statistics, May 2024 (metropolitan areas, cross-industry annual medians)',
      released: '2025-04-02', url: 'https://www.bls.gov/oes/',
      note: 'Medians for 20 metropolitan areas; BLS publishes its other metro percentiles too, but they are not in this dataset.' },
    'dol-oflc-2025-26': { publisher: 'U.S. Department of Labor, Office of Foreign Labor Certification',
      title: 'Prevailing wage levels, all industries (ALC), wage year July 2025 – June 2026, and its geography file',
      released: '2025-07-01', url: 'https://flag.dol.gov/wage-data/wage-search',
      note: 'Foreign Labor Certification Data Center. Computed by DOL from the BLS OEWS May 2024 survey: Level I ' +
        'is the mean wage of the lowest third of the area\'s distribution, Level IV the mean of the upper two ' +
        'thirds, Levels II and III divide the gap in thirds. Annual = hourly × 2,080. Used for H-1B and PERM.' },
    'irs-2025-2026': { publisher: 'Internal Revenue Service',
      title: 'Federal income tax brackets, standard deductions and payroll tax parameters, tax years 2025 and 2026',
      url: 'https://www.irs.gov/',
      note: 'TY2025: Rev. Proc. 2024-40, standard deduction as amended by P.L. 119-21. TY2026: Rev. Proc. ' +
        `2025-32 and IR-2025-103. Transcribed via PolicyEngine policyengine-us, commit ${commit}.` },
    'state-tax-2025-2026': { publisher: 'PolicyEngine (policyengine-us parameters, from state statutes)',
      title: 'State individual income tax parameters, 2025 and 2026',
      url: 'https://github.com/PolicyEngine/policyengine-us',
      note: `policyengine-us commit ${commit}. 2026 values of inflation-indexed states may repeat 2025. ` +
        'Local income taxes, credits and most exemptions and phase-outs are not included.' },
    'seed-000': { publisher: 'upGrad blog', title: 'Backend Developer Salary in the US',
      note: 'Undated. Quotes Indeed, Payscale and ZipRecruiter figures.' },
    'seed-001': { publisher: 'Unattributed hiring-guide article', title: 'Backend Developer Salaries',
      note: 'Undated; the text does not name its publisher.' },
    'seed-002': { publisher: 'ResumeGeni', title: 'Backend Developer Salary Guide 2026',
      note: 'No explicit date; its national figures restate BLS May 2024.' },
    'seed-003': { publisher: 'Boot.dev blog (Natalie Schooner)', title: 'How Much Do Backend Developers Make?',
      released: '2022-10-25' },
  };
}

// ---------- seed figures ----------

// seed-002's metro table, kept only as the article's figures (published_estimates): they disagree
// with BLS (its San Jose "mean" is below the official San Jose median) and nothing is computed
// from them. Its names follow older OMB delineations, so each is mapped by hand to today's CBSA
// code (several were renamed, none re-coded).
const SEED_002_METROS = [
  ['San Jose-Sunnyvale-Santa Clara, CA', 180000, '41940'],
  ['Seattle-Tacoma-Bellevue, WA', 165000, '42660'],
  ['San Francisco-Oakland-Berkeley, CA', 161000, '41860'], // now San Francisco-Oakland-Fremont
  ['New York-Newark-Jersey City, NY-NJ-PA', 155000, '35620'], // now NY-NJ
  ['Boston-Cambridge-Nashua, MA-NH', 150000, '14460'], // now Boston-Cambridge-Newton
  ['Washington-Arlington-Alexandria, DC-VA-MD', 148000, '47900'], // now DC-VA-MD-WV
  ['Boulder, CO', 146000, '14500'],
  ['Austin-Round Rock-Georgetown, TX', 142000, '12420'], // now Austin-Round Rock-San Marcos
  ['Raleigh-Cary, NC', 138000, '39580'],
  ['Denver-Aurora-Lakewood, CO', 137000, '19740'], // now Denver-Aurora-Centennial
];

function metroArticleFigures(seeds, wageAreas) {
  return SEED_002_METROS.map(([name, value, cbsa]) => {
    expectInSeed(seeds, 'seed-002', `${name} ${usd(value)}`);
    const area = wageAreas.get(cbsa) ?? fail(`metro ${cbsa} (for "${name}") is not an OFLC wage area`);
    // The name it was quoted for, in the statistic: the metro's own name comes with the areas part,
    // which a page may not have loaded.
    return ['ResumeGeni', `annual mean for "${name}" (article)`, value, null, null, cbsa];
  });
}

const WORLD_REGIONS = [ // seed-001's regional table, USD per year
  ['north-america', 'North America', 100000, 145000], ['south-america', 'South America', 25000, 45000],
  ['western-europe', 'Western Europe', 55000, 80000], ['eastern-europe', 'Eastern Europe', 30000, 55000],
  ['australia', 'Australia', 80000, 115000], ['asia', 'Asia', 20000, 35000], ['africa', 'Africa', 15000, 30000],
];

function buildWorldRegions(seeds) {
  const ranges = {};
  for (const [slug, name, low, high] of WORLD_REGIONS) {
    expectInSeed(seeds, 'seed-001', `${name}${usd(low)} - ${usd(high)}`);
    ranges[slug] = { low, high };
  }
  return { source: 'seed-001', currency: 'USD', statistic: 'average annual salary range', ranges };
}

// seed-002 maps career stages onto BLS percentile bands. The weights (each level's share of
// workers) are an assumption, not a measured figure: equal shares, as the article's mapping of the
// four stages onto the four quarters of the distribution implies (docs/model.md).
const EXPERIENCE_LEVELS = [
  { id: 'entry', label: 'Entry level', years: '0–2 years', band: [10, 25], weight: 0.25, source: 'seed-002' },
  { id: 'mid', label: 'Mid level', years: '3–5 years', band: [25, 50], weight: 0.25, source: 'seed-002' },
  { id: 'senior', label: 'Senior', years: '6–10 years', band: [50, 75], weight: 0.25, source: 'seed-002' },
  { id: 'staff', label: 'Staff / principal', years: '10+ years', band: [75, 90], weight: 0.25, source: 'seed-002' },
];
// Every premium source measured backend developers' pay: BLS files them under 15-1252.
const MEASURED = ['15-1252'];

const premium = (low, high = low) => ({ low, high });

// seed-001's technology table: ranges of annual pay. Only relative differences are usable, so each
// premium is the range's ends over the mean of the ten lows / ten highs.
const TECHNOLOGIES = [
  ['rails', 'Ruby on Rails', 95000, 140000], ['laravel', 'Laravel', 90000, 135000],
  ['python-web', 'Python', 92000, 138000], ['django', 'Django', 95000, 142000],
  ['spring-boot', 'Spring Boot', 100000, 150000], ['nodejs', 'Node.js', 90000, 137000],
  ['express', 'Express.js', 90000, 136000], ['flask', 'Flask', 88000, 133000],
  ['php', 'PHP', 80000, 125000], ['mongodb', 'MongoDB', 98000, 145000],
];

function technologyFactors(seeds) {
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanLow = mean(TECHNOLOGIES.map((t) => t[2]));
  const meanHigh = mean(TECHNOLOGIES.map((t) => t[3]));
  const meanMid = (meanLow + meanHigh) / 2;
  return TECHNOLOGIES.map(([id, label, low, high]) => {
    expectInSeed(seeds, 'seed-001', `${label}${usd(low)} - ${usd(high)}`);
    let p = premium(round4(low / meanLow - 1), round4(high / meanHigh - 1));
    let note = 'Derived relative to the mean of the article\'s ten ranges.';
    // A range can sit above average at its low end but below at its high end; no swapping then,
    // fall back to the midpoint-based premium for both ends.
    if (p.low > p.high) {
      p = premium(round4((low + high) / 2 / meanMid - 1));
      note += ' Both ends use the range midpoint (the low end compared higher than the high end).';
    }
    note += ' The table is headed as an hourly rate but its values are annual salaries.';
    return { id, label, group: 'stack', premium: p, occupations: MEASURED, source: 'seed-001', note };
  });
}

function buildFactors(seeds, nationalSoftware) {
  expectInSeed(seeds, 'seed-002', '10-15 percent premium', '15-20 percent', 'correlate with 10-15 percent');
  expectInSeed(seeds, 'seed-000', '51.06%', '34.86%', '19%', '10.35%', '11.58%', '12.30%',
    '$115,098', '$162,631', '$202,540');
  expectInSeed(seeds, 'seed-003', '6-9%');
  const indeed = 'Indeed figure quoted by the article: pay above the average for listings naming this skill.';
  expectInSeed(seeds, 'seed-002', 'typically earn at the 75th percentile and above');
  const skill = (id, label, p, source = 'seed-000', note = indeed) =>
    ({ id, label, group: 'skill', premium: p, occupations: MEASURED, source, note });
  const cert = (id, label) => ({ id, label, group: 'cloud', premium: premium(0.10, 0.15), occupations: MEASURED,
    source: 'seed-002' });
  // The article places distributed-systems developers at the 75th percentile: one national figure,
  // the newest national p75 over the median, not each state's (whose ratio is mostly sampling noise).
  const { p50, p75 } = nationalSoftware;
  const distributed = round4(p75 / p50 - 1);
  return {
    specializations: [
      { id: 'api', label: 'API development & integration', group: 'specialization', premium: premium(0),
        occupations: MEASURED, source: 'seed-002', note: 'The article places it at the median: no premium.' },
      { id: 'distributed', label: 'Distributed systems & microservices', group: 'specialization',
        premium: premium(distributed), occupations: MEASURED, source: 'seed-002',
        note: `The article places it at the 75th percentile and above; as a premium, the national 75th ` +
          `percentile over the median (BLS OEWS May 2025: ${usd(p75)} / ${usd(p50)}).` },
      { id: 'cloud', label: 'Cloud infrastructure', group: 'cloud', premium: premium(0.10, 0.15),
        occupations: MEASURED, source: 'seed-002' },
      { id: 'security', label: 'Security-focused backend', group: 'specialization', premium: premium(0.15, 0.20),
        occupations: MEASURED, source: 'seed-002' },
    ],
    skills: [
      skill('xslt', 'XSLT', premium(0.5106)), skill('pig', 'Pig', premium(0.3486)),
      skill('haskell', 'Haskell', premium(0.19)), skill('go', 'Go', premium(0.1035)),
      skill('computer-science', 'Computer science', premium(0.1158)),
      skill('data-structures', 'Data structures', premium(0.1230)),
      skill('python', 'Python', premium(0.06, 0.09), 'seed-003',
        'The article gives 6–9 % for Python and Go together; Go uses the seed-000 figure.'),
    ],
    technologies: technologyFactors(seeds),
    certifications: [
      cert('aws-sa-pro', 'AWS Solutions Architect – Professional'),
      cert('gcp-pca', 'Google Cloud Professional Cloud Architect'),
      cert('azure-sa-expert', 'Azure Solutions Architect Expert'),
    ],
    company_types: [{ id: 'large-tech', label: 'Large technology company', group: 'company',
      premium: premium(round4(162631 / 115098 - 1), round4(202540 / 115098 - 1)), occupations: MEASURED,
      source: 'seed-000',
      note: 'Derived from the Indeed per-company averages quoted by the article (Twitter, Honor, Atlassian, ' +
        'NASDAQ) relative to the Indeed national average of $115,098 it also quotes.' }],
  };
}

function buildCompensationNorms(seeds) {
  expectInSeed(seeds, 'seed-002', '10-20 percent', '30 percent or more', '20-60 percent', '4-6 percent',
    '$15,000 to $30,000');
  expectInSeed(seeds, 'seed-001', '$11,150');
  expectInSeed(seeds, 'seed-000', '$4,000 annual cash bonus');
  const norm = (id, component, low, high, applies_to, label, source) =>
    ({ id, component, low, high, applies_to, label, source });
  return [
    norm('bonus-large-tech', 'bonus_percent', 10, 20, 'large-tech', 'Yearly bonus at large tech firms', 'seed-002'),
    norm('bonus-finance', 'bonus_percent', 30, 30, 'any', 'Bonus at some banks and financial firms: 30 % or more', 'seed-002'),
    norm('equity-large-tech', 'equity_percent', 20, 60, 'large-tech',
      'Equity grants at publicly traded tech firms, share of base', 'seed-002'),
    norm('retirement-match', 'retirement_match_percent', 4, 6, 'any', 'Usual 401(k) match, share of salary', 'seed-002'),
    norm('benefits', 'benefits_usd', 15000, 30000, 'any',
      'Yearly value of benefits (the figure counts health cover, 401(k) match and HSA)', 'seed-002'),
    norm('extra-pay-glassdoor', 'extra_comp_usd', 11150, 11150, 'any', 'Additional pay per year (Glassdoor)', 'seed-001'),
    norm('cash-bonus-indeed', 'extra_comp_usd', 4000, 4000, 'any', 'Yearly cash bonus (Indeed)', 'seed-000'),
  ];
}

// [publisher, statistic, value, low, high, area, role?] per article, in article order.
const ESTIMATES = {
  'seed-000': [
    ['Unattributed', 'average in San Francisco', 150000, null, null, '41860'],
    ['Unattributed', 'average in Boston', 144176, null, null, '14460'],
    ['Unattributed', 'average in New York', 135364, null, null, '35620'],
    ['Payscale', 'average, under 1 year of experience', 61000],
    ['Payscale', 'average, over 10 years of experience', 74000],
    ['ZipRecruiter', 'average, experienced', 137369],
    ['Indeed', 'average', 115098],
    ['Indeed', 'average at Twitter', 202540], ['Indeed', 'average at Honor', 190612],
    ['Indeed', 'average at Atlassian', 184149], ['Indeed', 'average at NASDAQ', 162631],
  ],
  'seed-001': [
    ['Unattributed', 'average; range is 25th–75th percentile', 120086, 104000, 147000],
    ['Unattributed', 'top 10 % earn up to', 165000],
    ['Glassdoor', 'median base salary', 92043],
    ['Glassdoor', 'average total compensation', 103194],
    ['Unattributed', 'entry-level starting pay', 97591],
    ['Unattributed', 'most experienced, up to', 156000],
  ],
  'seed-002': [['California', 170910], ['Washington', 163440], ['New York', 152780], ['Massachusetts', 148530],
    ['Maryland', 145200], ['New Jersey', 143870], ['Colorado', 141220], ['Virginia', 139560],
    ['Connecticut', 137880], ['Oregon', 136240]], // state table: [state name, value]; mapped below
  'seed-003': [
    ['Glassdoor', 'average base pay', 82462], ['Indeed', 'average base pay', 95472],
    ['Salary.com', 'average base pay', 104865],
    ['Stack Overflow Developer Survey 2022', 'median (article: upwards of)', 150000],
    ['Indeed', 'average', 92000, null, null, 'US', 'Front-end developer'],
    ['Indeed', 'average', 101000, null, null, 'US', 'Full-stack developer'],
    ['Indeed', 'average', 115000, null, null, 'US', 'Data engineer'],
    ['Indeed', 'average', 100000, null, null, 'US', 'Data scientist'],
  ],
};

function buildPublishedEstimates(seeds, sources, stateCodeByName, wageAreas) {
  const out = [];
  const add = (source, [publisher, statistic, value, low = null, high = null, area = 'US', role]) => {
    out.push({ publisher, role: role ?? 'Backend developer', statistic, value, low, high,
      as_of: sources[source].released ?? null, area, source });
  };
  for (const [source, rows] of Object.entries(ESTIMATES)) {
    for (const row of rows) {
      if (source === 'seed-002') {
        const [name, value] = row;
        expectInSeed(seeds, source, `${name} ${usd(value)}`);
        const code = stateCodeByName.get(name) ?? fail(`unknown state "${name}"`);
        add(source, ['ResumeGeni', 'annual mean/median (article)', value, null, null, code]);
      } else {
        // '$61k' style and unformatted figures appear too: accept any of the three spellings.
        const spellings = [usd(row[2]), String(row[2]), `$${row[2] / 1000}k`];
        if (!spellings.some((s) => seeds[source].includes(s))) fail(`${source} does not contain ${row[2]}`);
        add(source, row);
      }
    }
    if (source === 'seed-002') for (const row of metroArticleFigures(seeds, wageAreas)) add(source, row);
  }
  return out;
}

// ---------- assembling ----------

export function buildDataset(sharedDir) {
  const dataDir = join(sharedDir, 'data');
  const seeds = readSeeds(join(sharedDir, 'seeds'));
  const blsStates = readCsv(join(dataDir, 'bls-oews', 'oews_state_M2024_selected.csv')).rows;
  const stateNameByFips = new Map(blsStates.map((r) => [r.state_fips, [r.state, r.state_name]]));
  if (stateNameByFips.size !== 51) fail(`expected 50 states + DC in the BLS file, got ${stateNameByFips.size}`);
  const stateNameByCode = new Map([...stateNameByFips.values()].sort(([a], [b]) => (a < b ? -1 : 1)));
  const stateCodes = [...stateNameByCode.keys()];
  const stateCodeByName = new Map([...stateNameByCode].map(([code, name]) => [name, code]));

  const { occupations, nationalSoftware } = buildOccupations(join(dataDir, 'bls-oews'), stateCodes);
  const rpp = buildPriceParities(join(dataDir, 'bea-rpp'), stateNameByFips);
  const wageAreas = buildWageAreas(join(dataDir, 'oflc'), stateCodes);
  for (const [code, name] of rpp.metroNames) {
    const area = wageAreas.get(code) ?? fail(`BEA metro ${code} "${name}" is not an OFLC wage area`);
    if (area.name !== name) fail(`metro ${code}: BEA says "${name}", OFLC "${area.name}"`);
  }
  const portions = buildPortionParities(join(dataDir, 'bea-rpp'), stateNameByFips, '2024');
  const fedSrc = JSON.parse(readFileSync(join(dataDir, 'tax', 'federal_tax_2025_2026.json'), 'utf8'));
  const stateSrc = JSON.parse(readFileSync(join(dataDir, 'tax', 'state_income_tax_2025_2026.json'), 'utf8'));
  // The tax rules of data/tax/*.json (their own sources, one per figure) on top of the shared tables.
  const baseSources = buildSources({ ...rpp.released, portion: portions.released }, fedSrc, stateSrc);
  const taxRules = buildTaxRules({ federal: buildFederalTax(fedSrc), states: buildStateTax(stateSrc) }, baseSources);
  const sources = { ...baseSources, ...taxRules.sources };

  const areas = new Map([['US', { name: 'United States', kind: 'nation' }]]);
  for (const [code, name] of stateNameByCode) areas.set(code, { name, kind: 'state' });
  for (const [slug, name] of WORLD_REGIONS) areas.set(slug, { name, kind: 'world_region' });
  // The wage areas last: the binary snapshots load them lazily, after the rest (same order).
  for (const [code, name] of Object.entries(TERRITORIES)) areas.set(code, { name, kind: 'territory' });
  for (const [code, area] of wageAreas) areas.set(code, area);

  return {
    format: 'salary-dataset/1',
    version: VERSION,
    sources,
    areas,
    occupations,
    wage_top_code: { annual: BLS_TOP_CODE, source: 'bls-oews-2024' },
    prevailing_wages: buildPrevailingWages(join(dataDir, 'oflc'), wageAreas),
    metro_medians: buildMetroMedians(join(dataDir, 'bls-oews'), wageAreas),
    world_regions: buildWorldRegions(seeds),
    price_parities: { ...rpp.price_parities,
      portions: { source: portions.source, year: portions.year, values: portions.values } },
    experience_levels: EXPERIENCE_LEVELS,
    factors: buildFactors(seeds, nationalSoftware),
    compensation_norms: buildCompensationNorms(seeds),
    published_estimates: buildPublishedEstimates(seeds, sources, stateCodeByName, wageAreas),
    tax: taxRules.tax,
  };
}

// Same text as JSON.stringify(value, null, 1), but a Map is written as an object in its insertion
// order. Plain objects cannot hold "41940" after "US": JS enumerates integer-like keys first.
export function serialize(value, pad = '') {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) fail(`non-finite number ${value}`);
    return JSON.stringify(value);
  }
  const inner = pad + ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + serialize(v, inner)).join(',\n')}\n${pad}]`;
  }
  const entries = (value instanceof Map ? [...value] : Object.entries(value)).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${serialize(v, inner)}`).join(',\n')}\n${pad}}`;
}

function main() {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, out: { type: 'string' } } });
  const shared = resolve(values.shared ?? join(REPO, '..', 'shared'));
  const out = resolve(values.out ?? join(REPO, 'data', 'salary-data.json'));
  writeFileSync(out, serialize(buildDataset(shared)) + '\n');
  console.log(`wrote ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
