// The calculator's JavaScript API: a small ES module over the Embind modules. It loads each wasm
// module once, checks argument types (the C++ core checks values), applies defaults, reads each
// result out of the record the core writes into wasm memory, and throws the core's errors as
// SalaryErrors. Works in browsers and in Node 20. Types and documentation: salary-core.d.ts.
//
// Two modules: the default one reads the shipped data as binary snapshots (salary-data.mjs) and
// has no JSON parser, which keeps it small; the JSON one is imported only for a custom dataset.
import createSalaryModule from './salary-core-glue.mjs';
import { coreSnapshot, extrasSnapshot } from './salary-data.mjs';

export class SalaryError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'SalaryError';
    this.code = code;
  }
}

const MAX_DATASET_BYTES = 8 * 1024 * 1024; // as in the core (dataset_loader.cpp)
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
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

/** An Embind module ('snapshot' or 'json'), instantiated once however often load() is called. */
function loadModule(kind) {
  if (!modulePromises.has(kind)) {
    const promise = kind === 'json'
      ? Promise.all([import('./salary-core-json-glue.mjs'), wasmOptions('./salary-core-json.wasm')])
        .then(([glue, options]) => glue.default(options))
      : wasmOptions('./salary-core.wasm').then((options) => createSalaryModule(options));
    promise.catch(() => modulePromises.delete(kind)); // a failed download may be retried
    modulePromises.set(kind, promise);
  }
  return modulePromises.get(kind);
}

// ---- results: the core writes each into one record (core/include/salary/result_writer.hpp) ----
// Numbers are read straight from wasm memory; strings are sliced out of the record's text, which
// is decoded once. Every read* function mirrors a write_* function in bindings.cpp, field by field.
// Reading is synchronous, right after the call that wrote the record: one record at a time.
const utf8 = new TextDecoder(); // replaces bytes that are not UTF-8, as Embind's strings did
let numbers, next, bytes, text, unit, byte; // the record being read, and where its next field is

function openRecord(module, header) {
  const words = module.HEAPU32, at = header >>> 2;
  numbers = module.HEAPF64;
  next = words[at] >>> 3;
  bytes = module.HEAPU8.subarray(words[at + 2], words[at + 2] + words[at + 3]);
  // Null when some string is not UTF-8: then decoding it alone is the only way to know its length.
  text = words[at + 4] ? utf8.decode(bytes) : null;
  unit = byte = 0;
}

const num = () => numbers[next++];
const flag = () => num() === 1;
function str() {
  const units = num(), length = num();
  const s = text !== null ? text.slice(unit, unit += units) : utf8.decode(bytes.subarray(byte, byte + length));
  byte += length;
  return s;
}
const optNum = () => (flag() ? num() : null);
const optStr = () => (flag() ? str() : null);
function list(read) {
  const out = [];
  for (let n = num(); n > 0; n--) out.push(read());
  return out;
}
const strs = () => list(str);

const POINTS = ['p10', 'p25', 'p50', 'p75', 'p90'];
const readPoints = () => ({ p10: num(), p25: num(), p50: num(), p75: num(), p90: num() });

const readDistribution = () => ({
  occupation: str(), occupationTitle: str(), area: str(), areaName: str(), areaKind: str(), points: readPoints(),
  estimatedPoints: POINTS.filter(flag), method: str(), sources: strs(), notes: strs(), mean: optNum(), employment: optNum(),
});

const readFactor = () => ({
  kind: str(), id: str(), label: str(), group: str(), source: str(), note: str(),
  low: num(), typical: num(), high: num(), applied: flag(),
});

function readEstimate() {
  const e = {
    low: num(), typical: num(), high: num(), profile: readPoints(), band: [num(), num()],
    multiplier: { low: num(), typical: num(), high: num() }, base: readDistribution(),
    factors: list(readFactor), steps: list(() => ({ kind: str(), id: str(), typical: num() })),
  };
  if (flag()) e.offer = { salary: num(), percentileInProfile: num(), percentileInArea: num() };
  return e;
}

const readPlace = () => ({ area: str(), name: str(), rpp: num(), year: num(), source: str() });

const readTakeHome = () => ({
  gross: num(), pretaxRetirement: num(), federalTaxableIncome: num(), stateTaxableIncome: num(),
  federalIncomeTax: num(), socialSecurity: num(), medicare: num(), additionalMedicare: num(),
  stateIncomeTax: num(), totalTax: num(), net: num(), effectiveRate: num(),
  federalMarginalRate: num(), stateMarginalRate: num(), state: str(), year: num(), filingStatus: str(),
  lines: list(() => ({ id: str(), label: str(), amount: num(), source: str() })), notes: strs(),
});

const readTotalComp = () => ({
  base: num(), bonus: num(), equity: num(), benefits: num(), retirementMatch: num(), total: num(),
  lines: list(() => ({ id: str(), label: str(), amount: num() })),
});

function readArea() {
  const a = { code: str(), name: str(), kind: str() };
  if (flag()) { a.states = strs(); a.hasWages = flag(); }
  if (flag()) a.range = { low: num(), high: num(), currency: str(), statistic: str(), source: str() };
  return a;
}

function readFactorListing() {
  const f = { kind: str(), id: str(), label: str(), group: str(), source: str(), note: optStr() };
  if (flag()) f.premium = { low: num(), high: num() };
  f.percentile = optNum();
  return f;
}

function readParityTable() {
  const t = { source: str(), year: num(), values: {} };
  for (let n = num(); n > 0; n--) t.values[str()] = num();
  return t;
}

const readListings = () => ({
  version: str(),
  sources: list(() => ({ id: str(), publisher: str(), title: str(), released: optStr(), url: optStr(), note: optStr() })),
  occupations: list(() => ({ code: str(), title: str(), source: str(), areas: strs() })),
  areas: list(readArea),
  experienceLevels: list(() => ({ id: str(), label: str(), years: str(), band: [num(), num()], source: str() })),
  factors: list(readFactorListing),
  compensationNorms: list(() => ({ id: str(), component: str(), appliesTo: str(), label: str(), low: num(), high: num(), source: str() })),
  publishedEstimates: list(() => ({
    publisher: str(), role: str(), statistic: str(), value: optNum(), low: optNum(), high: optNum(),
    asOf: optStr(), area: str(), source: str(),
  })),
  taxYears: list(num),
  priceParities: { states: readParityTable(), metros: readParityTable() },
});

/** A core Calculator with the module it lives in: calls a method and reads its record. */
class Core {
  constructor(module) {
    this.module = module;
    this.calculator = new module.Calculator();
    this.header = this.calculator.resultAddress();
  }

  // `ok` is what the method returned: true, the record holds its result; false, an error.
  read(ok, readResult) {
    openRecord(this.module, this.header);
    if (!ok) throw new SalaryError(str(), str());
    return readResult?.();
  }

  delete() { this.calculator.delete(); }
}

// ---- argument checks: the message names the argument and says what it got ----
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value;
}

function number(name, value, { min = 0, max = 1e9, exclusiveMin = false, exclusiveMax = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SalaryError('invalid_number', `${name} must be a finite number, got ${describe(value)}`);
  }
  const low = exclusiveMin ? value <= min : value < min;
  const high = exclusiveMax ? value >= max : value > max;
  if (low || high) {
    const range = `${exclusiveMin ? 'greater than' : 'at least'} ${min} and ${exclusiveMax ? 'less than' : 'at most'} ${max}`;
    throw new SalaryError('invalid_number', `${name} must be ${range}, got ${value}`);
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

/** A loaded dataset and the functions that compute over it. Create with load(). */
export class Calculator {
  #core;
  #listings;
  #extras; // null: all loaded; otherwise a function fetching the extras snapshot, or its promise

  constructor(core, fetchExtras = null) {
    this.#core = core;
    this.#extras = fetchExtras;
    this.#listings = core.read(core.calculator.listings(), readListings);
  }

  /** Frees the dataset's memory in the wasm module; the Calculator must not be used afterwards. */
  dispose() {
    this.#core?.delete();
    this.#core = null;
  }

  /** True once the tax tables and metro price levels are loaded (always, unless load({lazy: true})). */
  get extrasLoaded() { return this.#extras === null; }

  /** Loads the tax tables and metro price levels, once; resolves when takeHome/costOfLiving work. */
  loadExtras() {
    if (this.#extras === null) return Promise.resolve();
    if (typeof this.#extras === 'function') {
      const fetchExtras = this.#extras;
      const promise = fetchExtras().then((bytes) => {
        const core = this.#core;
        core.read(core.calculator.loadExtras(bytes));
        this.#listings = core.read(core.calculator.listings(), readListings);
        this.#extras = null;
      });
      promise.catch(() => { this.#extras = fetchExtras; }); // a failed download may be retried
      this.#extras = promise;
    }
    return this.#extras;
  }

  #needExtras(fn) {
    if (this.#extras !== null) {
      throw new SalaryError('not_loaded', `${fn} needs the tax tables and price levels: await calculator.loadExtras() first`);
    }
  }

  percentileOf(salary, opts) {
    const o = options('options', opts);
    const core = this.#core;
    return core.read(core.calculator.percentileOf(number('salary', salary),
      string('occupation', o.occupation, '15-1252'), string('area', o.area, 'US')),
    () => ({ salary: num(), percentile: num(), distribution: readDistribution() }));
  }

  salaryAt(percentile, opts) {
    const o = options('options', opts);
    const core = this.#core;
    return core.read(core.calculator.salaryAt(number('percentile', percentile, { min: 0, max: 100, exclusiveMin: true, exclusiveMax: true }),
      string('occupation', o.occupation, '15-1252'), string('area', o.area, 'US')),
    () => ({ percentile: num(), salary: num(), distribution: readDistribution() }));
  }

  estimate(profile) {
    const p = options('profile', profile);
    const offer = p.offer === undefined || p.offer === null ? NaN : number('offer', p.offer);
    const core = this.#core;
    return core.read(core.calculator.estimate(
      string('occupation', p.occupation, '15-1252'), string('area', p.area, 'US'),
      string('experience', p.experience, ''), string('specialization', p.specialization, ''),
      string('companyType', p.companyType, ''), idList('skills', p.skills),
      idList('technologies', p.technologies), idList('certifications', p.certifications), offer), readEstimate);
  }

  totalComp(parts) {
    const c = options('parts', parts);
    const core = this.#core;
    return core.read(core.calculator.totalComp(
      number('base', c.base),
      optionalNumber('bonusPercent', c.bonusPercent, 0, { max: 1000 }),
      optionalNumber('equityGrant', c.equityGrant, 0),
      optionalNumber('equityVestingYears', c.equityVestingYears, 4, { min: 0, max: 10, exclusiveMin: true }),
      optionalNumber('equityAnnual', c.equityAnnual, 0),
      optionalNumber('benefits', c.benefits, 0),
      optionalNumber('retirementMatchPercent', c.retirementMatchPercent, 0, { max: 1000 })), readTotalComp);
  }

  convert(amount, from, to, opts) {
    const o = options('options', opts);
    const core = this.#core;
    return core.read(core.calculator.convert(number('amount', amount), string('from', from), string('to', to),
      optionalNumber('hoursPerWeek', o.hoursPerWeek, 40, { min: 0, max: 168, exclusiveMin: true })),
    () => ({ amount: num(), from: str(), to: str(), value: num(), hoursPerWeek: num() }));
  }

  costOfLiving(salary, fromArea, toArea) {
    this.#needExtras('costOfLiving');
    const core = this.#core;
    return core.read(core.calculator.costOfLiving(number('salary', salary), string('fromArea', fromArea), string('toArea', toArea)),
      () => ({ salary: num(), equivalent: num(), ratio: num(), from: readPlace(), to: readPlace() }));
  }

  takeHome(input) {
    this.#needExtras('takeHome');
    const t = options('input', input);
    const year = optionalNumber('year', t.year, 2026, { min: 1900, max: 2100 });
    if (!Number.isInteger(year)) throw new SalaryError('invalid_number', `year must be a whole number, got ${year}`);
    const salary = number('salary', t.salary);
    const retirement = optionalNumber('retirementContribution', t.retirementContribution, 0);
    if (retirement > salary) {
      throw new SalaryError('invalid_number', `retirementContribution (${retirement}) must not exceed the salary (${salary})`);
    }
    const core = this.#core;
    return core.read(core.calculator.takeHome(salary, string('area', t.area, 'US'), year,
      string('filingStatus', t.filingStatus, 'single'), retirement), readTakeHome);
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
  filingStatuses() { return ['single', 'joint', 'separate', 'head_of_household']; }
  payPeriods() { return ['annual', 'monthly', 'semimonthly', 'biweekly', 'weekly', 'hourly']; }
  priceParities() { return structuredClone(this.#listings.priceParities); }
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
 * With the default data, options.lazy = true resolves before the tax tables and metro price
 * levels are loaded (see Calculator.loadExtras). Rejects with a SalaryError (code dataset_*)
 * naming the JSON path of a problem.
 */
export async function load(opts) {
  const o = options('options', opts);
  if (o.dataset === undefined) {
    const [module, snapshot] = await Promise.all([loadModule('snapshot'), coreSnapshot()]);
    const calculator = new Calculator(newCore(module, 'loadSnapshot', snapshot), extrasSnapshot);
    if (!o.lazy) await calculator.loadExtras();
    return calculator;
  }
  let text;
  if (typeof o.dataset === 'string') text = o.dataset;
  else if (o.dataset instanceof ArrayBuffer || ArrayBuffer.isView(o.dataset)) {
    // Raw bytes (e.g. from fetch().arrayBuffer()) go to the core as they are, which checks UTF-8.
    text = o.dataset instanceof ArrayBuffer ? new Uint8Array(o.dataset)
      : new Uint8Array(o.dataset.buffer, o.dataset.byteOffset, o.dataset.byteLength);
  } else if (typeof o.dataset === 'object' && o.dataset !== null) text = JSON.stringify(o.dataset);
  else throw new SalaryError('invalid_argument', `dataset must be JSON text, bytes or an object, got ${describe(o.dataset)}`);
  const size = typeof text === 'string' ? text.length : text.byteLength;
  if (size > MAX_DATASET_BYTES) {
    // Checked here too, so a huge text is never copied into wasm memory.
    throw new SalaryError('dataset_value', `/: the dataset is ${size} bytes; the limit is ${MAX_DATASET_BYTES}`);
  }
  return new Calculator(newCore(await loadModule('json'), 'loadJson', text));
}
