// The calculator's JavaScript API: a small ES module over the Embind modules. It loads each wasm
// module once, checks argument types (the C++ core checks values), applies defaults, reads each
// result out of the record the core writes into wasm memory, and throws the core's errors as
// SalaryErrors. Works in browsers and in Node 20. Types and documentation: salary-core.d.ts.
//
// Three modules: the default one reads the core part of the shipped data (salary-data.mjs), the
// nation's and the states' wage figures, and has neither the code of the tax tables, nor that of
// the metro and nonmetro areas, nor a JSON parser, which keeps it small; the full one adds
// take-home pay, cost of living and the areas, imported when a page first needs them
// (loadExtras, loadAreas); the JSON one, the full one plus the parser, only for a custom dataset.
import createSalaryModule from './salary-core-glue.mjs';
import { coreSnapshot, extrasSnapshot, areasSnapshot } from './salary-data.mjs';
import { readRecord } from './wasm/record-reader.mjs';
import * as record from './wasm/records.schema';

export class SalaryError extends Error {
  static name = 'SalaryError'; // the class's own name, whatever a minifier calls it
  constructor(code, message) {
    super(message);
    this.name = 'SalaryError';
    this.code = code;
  }
}

/**
 * What the API uses for an argument left out, in one place: the widget starts its fields from
 * these too. The tax year's default depends on the data: Calculator.defaultTaxYear().
 */
export const DEFAULTS = Object.freeze({ occupation: '15-1252', area: 'US', filingStatus: 'single', equityVestingYears: 4, hoursPerWeek: 40 });
/** The largest dataset load() accepts, in bytes (core/src/dataset_limits.hpp, docs/dataset.md "Limits"). */
export const MAX_DATASET_BYTES = 8 * 1024 * 1024;
const isNode = globalThis.process?.versions?.node != null;
const modulePromises = new Map();

async function wasmOptions(file) {
  const wasmUrl = new URL(file, import.meta.url);
  if (isNode) {
    // The 3.1.6 glue would fetch() a file path under Node; hand it the bytes instead.
    const { readFile } = await import('node:fs/promises');
    return { wasmBinary: await readFile(wasmUrl) };
  }
  return { locateFile: () => wasmUrl.href };
}

/** An Embind module ('snapshot', 'full' or 'json'), instantiated once however often load() is called. */
function loadModule(kind) {
  if (!modulePromises.has(kind)) {
    const lazy = (glue, wasm) => Promise.all([glue, wasmOptions(wasm)]).then(([g, options]) => g.default(options));
    const promise = kind === 'json' ? lazy(import('./salary-core-json-glue.mjs'), './salary-core-json.wasm')
      : kind === 'full' ? lazy(import('./salary-core-full-glue.mjs'), './salary-core-full.wasm')
        : wasmOptions('./salary-core.wasm').then((options) => createSalaryModule(options));
    promise.catch(() => modulePromises.delete(kind)); // a failed download may be retried
    modulePromises.set(kind, promise);
  }
  return modulePromises.get(kind);
}

// ---- results: the core writes each into one record, laid out in wasm/records.schema; the
// readers are generated from that file at build time, one per record, named as the record (those
// of the results only the full module computes are in its glue) ----
/** A core Calculator with the module it lives in: calls a method and reads its record. */
class Core {
  // True once a Calculator took this core as its own (#addPart): dispose() frees it from then on.
  adopted = false;

  constructor(module) {
    this.module = module;
    this.calculator = new module.Calculator();
    this.header = this.calculator.resultAddress();
  }

  // `ok` is what the method returned: true, the record holds its result (none for a loader);
  // false, an error.
  read(ok, readResult = () => {}) {
    const r = readRecord(this.module, this.header, ok ? readResult : record.error);
    if (!ok) throw new SalaryError(r.code, r.message);
    return r;
  }

  // The same for a result only the full module computes: its glue has the reader
  // (wasm/full-records.mjs).
  readFull(ok, name) {
    return ok ? this.module.readFull(this.header, name) : this.read(ok);
  }

  delete() { this.calculator.delete(); }
}

// ---- argument checks: the message names the argument and says what it got ----
function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value === 'number' ? String(value) : typeof value;
}

// `exclusive`: the value must lie strictly between min and max (only percentiles, 0 < p < 100).
function number(name, value, { min = 0, max = 1e9, exclusive = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SalaryError('invalid_number', `${name} must be a finite number, got ${describe(value)}`);
  }
  if (exclusive ? value <= min || value >= max : value < min || value > max) {
    const [above, below] = exclusive ? ['greater than', 'less than'] : ['at least', 'at most'];
    throw new SalaryError('invalid_number', `${name} must be ${above} ${min} and ${below} ${max}, got ${value}`);
  }
  return value;
}

function optionalNumber(name, value, fallback, limits) {
  return value === undefined ? fallback : number(name, value, limits);
}

function string(name, value, fallback) {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') {
    throw new SalaryError('invalid_argument', `${name} must be a string, got ${describe(value)}`);
  }
  if (value.length > 200) throw new SalaryError('invalid_argument', `${name} is too long (${value.length} characters)`);
  // Half of a UTF-16 pair on its own has no UTF-8 form: the core would see (and echo) U+FFFD.
  if (/\p{Cs}/u.test(value)) throw new SalaryError('invalid_argument', `${name} is not Unicode text, got ${describe(value)}`);
  return value;
}

function idList(name, value) {
  if (value === undefined || value === null) return '';
  if (!Array.isArray(value)) throw new SalaryError('invalid_argument', `${name} must be an array of ids, got ${describe(value)}`);
  if (value.length > 50) throw new SalaryError('invalid_argument', `${name} lists too many ids (${value.length})`);
  return value
    .map((id, i) => {
      const s = string(`${name}[${i}]`, id);
      if (s === '' || s.includes(',')) throw new SalaryError('invalid_argument', `${name}[${i}] must be a non-empty id without commas, got ${describe(s)}`);
      return s;
    })
    .join(',');
}

function options(name, value) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SalaryError('invalid_argument', `${name} must be an object, got ${describe(value)}`);
  }
  return value;
}

// A wage area's code: a CBSA code (5 digits) or an OFLC nonmetro code (6-7 digits).
const WAGE_AREA_CODE = /^\d{5,7}$/;

/** A loaded dataset and the functions that compute over it. Create with load(). */
export class Calculator {
  #core;
  #listings;
  // Parts loaded later (load({lazy: true})): name → null once loaded, else the function fetching
  // its snapshot, or the promise of loading it.
  #parts;

  constructor(core, fetchers = {}) {
    this.#core = core;
    this.#parts = { extras: fetchers.extras ?? null, areas: fetchers.areas ?? null };
    this.#listings = core.read(core.calculator.listings(), record.listings);
  }

  /** Frees the dataset's memory in the wasm module; a call afterwards throws (code disposed). */
  dispose() {
    this.#core?.delete();
    this.#core = null;
  }

  get #live() {
    if (this.#core) return this.#core;
    throw new SalaryError('disposed', 'the Calculator was disposed');
  }

  /** True once the tax tables and state price levels are loaded (always, unless load({lazy: true})). */
  get extrasLoaded() { return this.#parts.extras === null; }

  /** True once every metro and nonmetro area is loaded (always, unless load({lazy: true})). */
  get areasLoaded() { return this.#parts.areas === null; }

  /**
   * Loads the tax tables and state price levels, once, with the full module that computes with
   * them (the default module has no code for them); resolves when takeHome/costOfLiving work.
   */
  loadExtras() { return this.#loadPart('extras', 'loadExtras'); }

  /**
   * Loads every metro and nonmetro wage area (with their prevailing wage levels, metro medians,
   * counties and price levels), once, with the full module (the default one has no code to read
   * them or fit their curves); resolves when a metro's code works everywhere.
   */
  loadAreas() { return this.#loadPart('areas', 'loadAreas'); }

  // Only the full module reads the parts. A core in the default module is replaced by a new one in
  // the full module (loaded with the core part of the data) once the part is in that one.
  #loadPart(name, loader) {
    const fetchPart = this.#parts[name];
    if (typeof fetchPart === 'function') {
      const fresh = fullCore(this.#live);
      const promise = Promise.all([fetchPart(), fresh]).then(([bytes, core]) => this.#addPart(name, loader, bytes, core));
      promise.catch(() => { this.#parts[name] = fetchPart; }); // a failed download may be retried
      // The new core, unless it became this calculator's: the part failed, or another part moved
      // the calculator first. (Not "unless it is this.#core": after dispose() there is none, and
      // the adopted core is already freed.)
      const drop = () => fresh.then((core) => { if (core && !core.adopted) core.delete(); }, () => {});
      promise.then(drop, drop);
      this.#parts[name] = promise;
    }
    return Promise.resolve(this.#parts[name]);
  }

  // One synchronous step, so that a call meanwhile computes with the old core, never with half of
  // a new one. No part can have been loaded into a core in the default module: the new core has
  // everything there is.
  #addPart(name, loader, bytes, fresh) {
    const live = this.#live;
    const core = live.calculator.loadAreas ? live : fresh; // in the full module already?
    core.read(core.calculator[loader](bytes));
    if (core !== live) {
      live.delete();
      this.#core = core;
      core.adopted = true; // dispose() frees it now, not the clean-up in #loadPart
    }
    this.#listings = core.read(core.calculator.listings(), record.listings);
    this.#parts[name] = null;
  }

  // Take-home pay and cost of living need the extras' tables; total compensation only the full
  // module that loads with them (the compensation panel, which shows it, needs the extras anyway).
  #needExtras(fn) {
    if (this.#parts.extras !== null) {
      throw new SalaryError('not_loaded', `${fn} needs the ${fn === 'totalComp' ? 'full module' : 'tax tables and price levels'}: await calculator.loadExtras() first`);
    }
  }

  // An area argument; a metro or nonmetro code before the areas are loaded is not_loaded, not
  // unknown_area, so a page can load them and ask again.
  #area(name, value, fallback = DEFAULTS.area) {
    const code = string(name, value, fallback);
    if (this.#parts.areas !== null && WAGE_AREA_CODE.test(code)) {
      throw new SalaryError('not_loaded', `${name} "${code}" is a metro or nonmetro area code: await calculator.loadAreas() first`);
    }
    return code;
  }

  percentileOf(salary, opts) {
    const o = options('options', opts);
    const core = this.#live;
    return core.read(core.calculator.percentileOf(number('salary', salary),
      string('occupation', o.occupation, DEFAULTS.occupation), this.#area('area', o.area)),
    record.percentileOf);
  }

  salaryAt(percentile, opts) {
    const o = options('options', opts);
    const core = this.#live;
    return core.read(core.calculator.salaryAt(number('percentile', percentile, { max: 100, exclusive: true }),
      string('occupation', o.occupation, DEFAULTS.occupation), this.#area('area', o.area)),
    record.salaryAt);
  }

  estimate(profile) {
    const p = options('profile', profile);
    const offer = p.offer === undefined || p.offer === null ? NaN : number('offer', p.offer);
    const core = this.#live;
    return core.read(core.calculator.estimate(
      string('occupation', p.occupation, DEFAULTS.occupation), this.#area('area', p.area),
      string('experience', p.experience, ''), string('specialization', p.specialization, ''),
      string('companyType', p.companyType, ''), idList('skills', p.skills),
      idList('technologies', p.technologies), idList('certifications', p.certifications), offer), record.estimate);
  }

  /** The area curve's density (share of workers per dollar) at `samples` evenly spaced salaries from..to. */
  densityCurve(from, to, opts) {
    const o = options('options', opts);
    const core = this.#core;
    const samples = Math.round(optionalNumber('samples', o.samples, 120, { min: 2, max: 2000 }));
    return { from, to, ...core.read(core.calculator.densityCurve(string('occupation', o.occupation, DEFAULTS.occupation),
      string('area', o.area, DEFAULTS.area), number('from', from), number('to', to), samples), record.densityCurve) };
  }

  totalComp(parts) {
    this.#needExtras('totalComp');
    const c = options('parts', parts);
    const core = this.#live;
    return core.readFull(core.calculator.totalComp(
      number('base', c.base),
      optionalNumber('bonusPercent', c.bonusPercent, 0, { max: 1000 }),
      optionalNumber('equityGrant', c.equityGrant, 0),
      optionalNumber('equityVestingYears', c.equityVestingYears, DEFAULTS.equityVestingYears, { min: 0.1, max: 10 }),
      optionalNumber('equityAnnual', c.equityAnnual, 0),
      optionalNumber('benefits', c.benefits, 0),
      optionalNumber('retirementMatchPercent', c.retirementMatchPercent, 0, { max: 1000 })), 'totalComp');
  }

  convert(amount, from, to, opts) {
    const o = options('options', opts);
    const core = this.#live;
    return core.read(core.calculator.convert(number('amount', amount), string('from', from), string('to', to),
      optionalNumber('hoursPerWeek', o.hoursPerWeek, DEFAULTS.hoursPerWeek, { min: 1, max: 168 })),
    record.convert);
  }

  costOfLiving(salary, fromArea, toArea) {
    this.#needExtras('costOfLiving');
    const core = this.#live;
    return core.readFull(core.calculator.costOfLiving(number('salary', salary), this.#area('fromArea', fromArea, undefined),
      this.#area('toArea', toArea, undefined)), 'costOfLiving');
  }

  takeHome(input) {
    this.#needExtras('takeHome');
    const t = options('input', input);
    const year = this.#taxYear(t.year);
    const salary = number('salary', t.salary);
    const retirement = optionalNumber('retirementContribution', t.retirementContribution, 0);
    const hsa = optionalNumber('hsa', t.hsa, 0);
    const fsa = optionalNumber('fsa', t.fsa, 0);
    if (retirement + hsa + fsa > salary) {
      const what = hsa + fsa > 0 ? `retirementContribution + hsa + fsa (${retirement + hsa + fsa})` : `retirementContribution (${retirement})`;
      throw new SalaryError('exceeds_salary', `${what} must not exceed the salary (${salary})`);
    }
    const age = optionalNumber('age', t.age ?? undefined, 0, { min: 14, max: 120 });
    if (!Number.isInteger(age)) throw new SalaryError('invalid_number', `age must be a whole number of years, got ${age}`);
    const core = this.#live;
    return core.readFull(core.calculator.takeHome(salary, this.#area('area', t.area), year,
      string('filingStatus', t.filingStatus, DEFAULTS.filingStatus), string('locality', t.locality ?? undefined, ''),
      retirement, age, hsa, string('hsaCoverage', t.hsaCoverage, 'self'), fsa,
      string('residenceState', t.residenceState, '')), 'takeHome');
  }

  /**
   * DOL's four prevailing wage levels (H-1B, PERM) for an occupation in a metro or nonmetro area,
   * per year and per hour (÷ 2,080, to the cent), and with a salary, the highest level it meets.
   * They are the levels the area's distribution was fitted to, and come with it from the core.
   */
  prevailingWage(input) {
    const w = options('input', input);
    const salary = w.salary === undefined || w.salary === null ? null : number('salary', w.salary);
    const d = this.salaryAt(50, { occupation: w.occupation, area: w.area }).distribution;
    if (!d.levels) {
      const where = d.areaKind === 'metro' || d.areaKind === 'nonmetro' ? '' : ': it sets them per metro or nonmetro area';
      throw new SalaryError('no_data', `DOL publishes no prevailing wage levels for ${d.occupationTitle} in ${d.areaName}${where}`);
    }
    const { annual, source, wageYear } = d.levels;
    return {
      occupation: d.occupation, occupationTitle: d.occupationTitle, area: d.area, areaName: d.areaName, source, wageYear,
      levels: annual.map((a, i) => ({ level: i + 1, annual: a, hourly: Math.round(a / 2080 * 100) / 100 })),
      salary, levelMet: salary === null ? 0 : annual.filter((a) => salary >= a).length,
    };
  }

  /**
   * The localities with a local income tax in the state of `area` (a state, or a metro's
   * principal state) for the tax year: what takeHome's `locality` takes.
   */
  localities(area, opts) {
    this.#needExtras('localities');
    const o = options('options', opts);
    const core = this.#live;
    return core.readFull(core.calculator.localities(this.#area('area', area, undefined), this.#taxYear(o.year)), 'localities');
  }

  #taxYear(value) {
    const year = optionalNumber('year', value, this.defaultTaxYear() ?? 0, { min: 1900, max: 2100 });
    if (!Number.isInteger(year)) throw new SalaryError('invalid_number', `year must be a whole number, got ${year}`);
    return year;
  }

  // ---- listings for menus (copies, so callers cannot change the cached ones) ----
  version() { return this.#listings.version; }
  sources() { return structuredClone(this.#listings.sources); }
  occupations() { return structuredClone(this.#listings.occupations); }
  areas(kind) {
    const all = this.#listings.areas;
    return structuredClone(kind === undefined ? all : all.filter((a) => a.kind === string('kind', kind)));
  }
  experienceLevels() { return structuredClone(this.#listings.experienceLevels); }
  factors(kind) {
    const all = this.#listings.factors;
    return structuredClone(kind === undefined ? all : all.filter((f) => f.kind === string('kind', kind)));
  }
  compensationNorms() { return structuredClone(this.#listings.compensationNorms); }
  publishedEstimates() { return structuredClone(this.#listings.publishedEstimates); }
  taxYears() { return structuredClone(this.#listings.taxYears); }
  /** The year takeHome() uses when none is given: the latest of taxYears() (null until there are any). */
  defaultTaxYear() { return this.#listings.taxYears.at(-1) ?? null; }
  filingStatuses() { return ['single', 'joint', 'separate', 'head_of_household']; }
  payPeriods() { return ['annual', 'monthly', 'semimonthly', 'biweekly', 'weekly', 'hourly']; }
  priceParities() { return structuredClone(this.#listings.priceParities); }
}

// The core part of the shipped data, fetched once: the full module reads it again.
let coreBytes = null;
function coreData() {
  if (!coreBytes) {
    coreBytes = coreSnapshot();
    coreBytes.catch(() => { coreBytes = null; }); // a failed download may be retried
  }
  return coreBytes;
}

// A new core in the full module loaded with the core part of the data, for a calculator whose
// `current` core is in the default module; null if it is in the full one already (the offline
// file's, load({module: 'full'})).
async function fullCore(current) {
  if (current.calculator.loadAreas) return null;
  const [module, snapshot] = await Promise.all([loadModule('full'), coreData()]);
  return newCore(module, 'loadSnapshot', snapshot);
}

// Creates a core Calculator in `module` and runs one of its loaders; frees it if that fails.
function newCore(module, loader, input) {
  const core = new Core(module);
  try {
    core.read(core.calculator[loader](input));
  } catch (e) {
    core.delete();
    throw e;
  }
  return core;
}

/**
 * Loads a dataset, and the wasm module it needs (once per page or process): the bundled default,
 * or options.dataset as JSON text, UTF-8 bytes (ArrayBuffer / typed array) or an object.
 * With the default data, options.lazy = true resolves before the tax tables and state price
 * levels (Calculator.loadExtras) and the metro and nonmetro areas (Calculator.loadAreas) are
 * loaded, with the small default module unless options.module = 'full' (a page that will soon
 * show take-home pay or a metro then downloads one module, not two). Rejects with a SalaryError
 * (code dataset_*) naming the JSON path of a problem.
 */
export async function load(opts) {
  const o = options('options', opts);
  const kind = string('module', o.module, 'default');
  if (kind !== 'default' && kind !== 'full') {
    throw new SalaryError('invalid_argument', `module must be 'default' or 'full', got ${describe(kind)}`);
  }
  if (o.dataset === undefined) {
    // Not lazy: the extras are wanted at once, so only the full module is worth downloading.
    const full = kind === 'full' || !o.lazy;
    const extras = o.lazy ? null : extrasSnapshot();
    const [module, snapshot] = await Promise.all([loadModule(full ? 'full' : 'snapshot'), coreData(), extras]);
    const calculator = new Calculator(newCore(module, 'loadSnapshot', snapshot),
      { extras: extras ? () => extras : extrasSnapshot, areas: areasSnapshot });
    if (!o.lazy) await Promise.all([calculator.loadExtras(), calculator.loadAreas()]);
    return calculator;
  }
  // The JSON module's script reads the argument (web/json-dataset.mjs), before its wasm compiles.
  const text = (await import('./salary-core-json-glue.mjs')).datasetText(o.dataset);
  return new Calculator(newCore(await loadModule('json'), 'loadJson', text));
}
