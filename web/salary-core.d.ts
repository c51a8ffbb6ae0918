// The salary calculator's JavaScript API (dist/salary-core.mjs). Hand-written: Embind 3.1.6 emits
// no declarations. Every function is synchronous once load() has resolved; bad input throws a
// SalaryError and the calculator keeps working.

/** Thrown for every bad argument or dataset. `code` is stable; `message` says what and where. */
export class SalaryError extends Error {
  readonly name: 'SalaryError';
  /** e.g. invalid_number, invalid_argument, exceeds_salary (takeHome's contributions above the
   *  salary), over_limit (a contribution above its limit for the year), unknown_locality,
   *  unknown_area, unknown_occupation, unknown_factor, unknown_year, no_data, range_only,
   *  not_loaded, disposed (a call after dispose()), dataset_syntax, dataset_type, dataset_missing,
   *  dataset_value, dataset_order, dataset_reference, dataset_duplicate; the widget's notice for a
   *  dataset-src that could not be fetched: dataset_fetch */
  readonly code: string;
}

/** What the API uses for an argument that is left out (the widget's fields start from these too).
 *  takeHome's year defaults to Calculator.defaultTaxYear(). */
export const DEFAULTS: Readonly<{
  occupation: string; area: string; filingStatus: FilingStatus; equityVestingYears: number; hoursPerWeek: number;
}>;

export interface LoadOptions {
  /** With the default dataset: resolve as soon as the national and state wage figures are in,
   *  before the tax tables and state price levels (call Calculator.loadExtras() before
   *  takeHome/costOfLiving/totalComp) and the metro and nonmetro areas (Calculator.loadAreas()
   *  before using a metro's code). */
  lazy?: boolean;
  /** With lazy: 'full' loads the module that computes with the extras and the areas from the
   *  start (a page that will soon call takeHome or costOfLiving, or use a metro, then downloads
   *  one module, not two). Default 'default': the small module, and the full one only when
   *  loadExtras() or loadAreas() is called. */
  module?: 'default' | 'full';
  /** A dataset in the shape of docs/dataset.md, as JSON text, UTF-8 bytes or an object. Default: the bundled one. */
  dataset?: string | ArrayBuffer | ArrayBufferView | object;
}

/** The largest dataset load() accepts: 8 MiB of JSON (docs/dataset.md, "Limits", lists the others). */
export const MAX_DATASET_BYTES: number;

/** Loads the wasm module (once per page or process) and a dataset. */
export function load(options?: LoadOptions): Promise<Calculator>;

/** Occupation and area of a lookup. Area: 'US', a state code ('TX'), a metro's CBSA code ('41940')
 *  or a nonmetro area's OFLC code ('4800001'); see docs/dataset.md. */
export interface Where {
  occupation?: string; // default DEFAULTS.occupation, '15-1252' (Software Developers)
  area?: string;       // default DEFAULTS.area, 'US'
}

export interface Points { p10: number; p25: number; p50: number; p75: number; p90: number }

export interface AreaDistribution {
  occupation: string; occupationTitle: string;
  area: string; areaName: string; areaKind: 'nation' | 'state' | 'metro' | 'nonmetro';
  /** Annual wages (USD) at the published percentiles. */
  points: Points;
  /** Points that are not published figures (BLS top-coded; every point of a metro or nonmetro area). */
  estimatedPoints: Array<keyof Points>;
  /** How the curve was made (docs/model.md): 'published' and 'top_coded_estimate' for the nation
   *  and states; for a metro or nonmetro area 'dol_levels' (its state's curve fitted to DOL's
   *  prevailing wage levels), 'dol_levels_bls_median' (and through BLS's metro median),
   *  'bls_median' (no levels: the state's curve through the metro median) or 'state' (no levels
   *  and no median: the state's distribution, said so in notes). */
  method: 'published' | 'top_coded_estimate' | 'dol_levels' | 'dol_levels_bls_median' | 'bls_median' | 'state';
  /** Source ids (see sources()), main one first. */
  sources: string[];
  /** What the user should know: a top code, a metro's scaling, that national figures are newer. */
  notes: string[];
  /** BLS's annual mean and employment, where published. */
  mean: number | null; employment: number | null;
  /** The release the figures are from: 'BLS OEWS May 2025' (national), 'BLS OEWS May 2024' (states). */
  release: string;
  /** The curve's own mean: BLS's mean wherever a curve with the published points' shape reaches it. */
  impliedMean: number;
  /** A metro or nonmetro area's DOL prevailing wage levels I–IV a year (see prevailingWage()). */
  levels?: { annual: [number, number, number, number]; source: string; wageYear: string };
}

export interface PercentileResult { salary: number; percentile: number; distribution: AreaDistribution }
export interface SalaryAtResult { percentile: number; salary: number; distribution: AreaDistribution }

export interface Profile extends Where {
  /** An experienceLevels() id: 'entry' | 'mid' | 'senior' | 'staff'. Omit for any. */
  experience?: string;
  specialization?: string; companyType?: string;
  skills?: string[]; technologies?: string[]; certifications?: string[];
  /** An offer to place within the profile's own distribution and the area's. */
  offer?: number;
}

export interface AppliedFactor {
  kind: 'experience' | 'specialization' | 'skill' | 'technology' | 'certification' | 'company_type';
  id: string; label: string; group: string; source: string; note: string;
  /** Experience: the profile's middle 50 % as percentiles of the area (low/high) and the
   *  percentile of its median (typical). Others: the source's multipliers (1.1 = +10 %); typical
   *  is the geometric midpoint of low and high. */
  low: number; typical: number; high: number;
  /** The share of the premium's log that counts, after the shrinkage across groups and the cap
   *  (1 for the largest, ½ for the next, …; 0 when not applied). */
  weight: number;
  /** False when a larger premium in the same group superseded this one, or when its source did
   *  not measure the occupation (see note). */
  applied: boolean;
}

export interface EstimateResult {
  /** Base salary (no bonus, no equity): the estimate's p25 / p50 / p75, at full precision. */
  low: number; typical: number; high: number;
  /** The estimate's own distribution. */
  profile: Points;
  /** The experience profile's middle 50 %, as percentiles of the base distribution, and in dollars. */
  band: [number, number];
  bandSalaries: [number, number];
  /** All premiums together, after shrinkage and the cap. */
  multiplier: { low: number; typical: number; high: number };
  base: AreaDistribution;
  factors: AppliedFactor[];
  /** The typical salary after each step: the area's median, the experience band's centre, then
   *  each applied premium in turn; the last equals `typical`. For a breakdown in dollars. */
  steps: Array<{ kind: string; id: string; typical: number }>;
  /** E.g. that the cap on the premiums applied. */
  notes: string[];
  offer?: { salary: number; percentileInProfile: number; percentileInArea: number };
}

export interface DensityCurve {
  from: number; to: number;
  /** The density (share of workers per dollar) at `samples` evenly spaced salaries from..to. */
  densities: number[];
}

export interface CompensationParts {
  base: number;
  bonusPercent?: number;          // % of base
  equityGrant?: number;           // total grant value, USD
  equityVestingYears?: number;    // default 4; 0.1 to 10
  equityAnnual?: number;          // equity per year, USD
  benefits?: number;              // employer-paid benefits per year, USD
  retirementMatchPercent?: number; // employer match, % of base
}

export interface Line { id: string; label: string; amount: number }
export interface TotalCompResult {
  base: number; bonus: number; equity: number; benefits: number; retirementMatch: number; total: number;
  lines: Line[];
}

export type PayPeriod = 'annual' | 'monthly' | 'semimonthly' | 'biweekly' | 'weekly' | 'hourly';
export interface ConvertResult { amount: number; from: PayPeriod; to: PayPeriod; value: number; hoursPerWeek: number }

export interface PlacePrice {
  area: string; name: string; rpp: number; year: number; source: string;
  /** Where the area has no price level of its own (a nonmetro area): whose it uses instead. */
  note: string | null;
}
export interface CostOfLivingResult { salary: number; equivalent: number; ratio: number; from: PlacePrice; to: PlacePrice }

export type FilingStatus = 'single' | 'joint' | 'separate' | 'head_of_household';
export interface TakeHomeInput {
  salary: number;
  /** A state, a metro or nonmetro area, or 'US' (no state tax). Default 'US'. */
  area?: string;
  /** For an area spanning several states, the one lived in (one of area's `states`); default its
   *  principal state, and the notes say so. */
  residenceState?: string;
  year?: number;                 // default: the latest of taxYears(), Calculator.defaultTaxYear()
  filingStatus?: FilingStatus;   // default 'single'
  /** Where the earner lives, for its local income tax: an id (or name) from localities(area),
   *  e.g. 'nyc', 'yonkers', 'philadelphia', 'detroit', 'montgomery-county'. Default: none.
   *  One the state does not have throws code unknown_locality. */
  locality?: string | null;
  /** Pre-tax 401(k)/403(b) deferral per year, USD. Above the year's limit (with the catch-up
   *  for `age`) throws over_limit; the contributions together above `salary`, exceeds_salary. */
  retirementContribution?: number;
  /** Age at the end of the year (14–120): allows the 401(k) and HSA catch-up contributions. */
  age?: number | null;
  /** HSA contribution through payroll per year, USD (limit by coverage and age). */
  hsa?: number;
  hsaCoverage?: 'self' | 'family';  // default 'self'
  /** Health flexible spending account salary reduction per year, USD. */
  fsa?: number;
}
/** kind: federal, fica, state (income tax), state_payroll (a state payroll program: disability,
 *  paid leave, unemployment, long-term care…), local (a local income tax), pretax (the earner's
 *  own contributions; their source is ''). */
export interface TaxLine { id: string; label: string; amount: number; source: string; kind: string }
/** A rule inside the state's or a local income tax: a deduction, exemption or credit, an addition
 *  or a recapture. `tax` is the line it belongs to (state_income_tax, or a local tax's id). */
export interface TaxDetail { id: string; label: string; kind: string; tax: string; amount: number; source: string }
export interface TakeHomeResult {
  gross: number; pretaxRetirement: number; hsa: number; fsa: number;
  federalTaxableIncome: number; stateTaxableIncome: number;
  federalIncomeTax: number; socialSecurity: number; medicare: number; additionalMedicare: number;
  stateIncomeTax: number; statePayrollTax: number; localIncomeTax: number;
  totalTax: number; net: number; effectiveRate: number;
  federalMarginalRate: number; stateMarginalRate: number;
  state: string; locality: string; localityName: string; year: number; filingStatus: FilingStatus;
  /** The most each contribution may be for these inputs; null where the data has no limit. */
  caps: { retirement: number | null; hsa: number | null; fsa: number | null;
          retirementSource: string | null; hsaSource: string | null; fsaSource: string | null };
  lines: TaxLine[];
  details: TaxDetail[];
  /** What is not modelled, per state, and any approximation made. */
  notes: string[];
}
export interface Locality {
  id: string; name: string; kind: string; note: string | null;
  taxes: Array<{ id: string; label: string; source: string; note: string | null }>;
}
/** The localities with a local income tax of the area's state: `required` when every resident
 *  lives in one (Maryland's counties). `state` is '' for the nation. */
export interface Localities { area: string; state: string; stateName: string; year: number; required: boolean; places: Locality[] }

export interface PrevailingWageResult {
  occupation: string; occupationTitle: string; area: string; areaName: string;
  /** Source id ('dol-oflc-2025-26') and the wage year the levels apply to ('July 2025 – June 2026'). */
  source: string; wageYear: string;
  /** Levels I–IV, per year (as DOL publishes them) and per hour (÷ 2,080). */
  levels: Array<{ level: 1 | 2 | 3 | 4; annual: number; hourly: number }>;
  /** The salary asked about, and the highest level it meets (0: below Level I). */
  salary: number | null; levelMet: 0 | 1 | 2 | 3 | 4;
}

export interface Source {
  id: string; publisher: string; title: string; released: string | null; url: string | null; note: string | null;
  /** A short name of the release ("BLS OEWS May 2025"), where the dataset gives one. */
  label: string | null;
}
export interface Occupation { code: string; title: string; source: string; areas: string[] }
export interface Area {
  code: string; name: string; kind: 'nation' | 'state' | 'territory' | 'metro' | 'nonmetro' | 'world_region';
  states?: string[];      // metro and nonmetro areas: where they lie, principal state first
  counties?: string[];    // metro and nonmetro areas: 'Travis County, TX', …
  range?: { low: number; high: number; currency: string; statistic: string; source: string }; // world regions
}
/** band: the source's percentile band; weight: the level's assumed share of workers (docs/model.md). */
export interface ExperienceLevel { id: string; label: string; years: string; band: [number, number]; weight: number; source: string }
export interface Factor {
  kind: 'specialization' | 'skill' | 'technology' | 'certification' | 'company_type';
  id: string; label: string; group: string; source: string; note: string | null;
  premium: { low: number; high: number };
  /** The occupations whose pay the source measured (empty: any); elsewhere not applied. */
  occupations: string[];
}
export interface CompensationNorm { id: string; component: string; appliesTo: string; label: string; low: number; high: number; source: string }
export interface PublishedEstimate {
  publisher: string; role: string; statistic: string;
  value: number | null; low: number | null; high: number | null; asOf: string | null; area: string; source: string;
}

export class Calculator {
  /** Frees the dataset's memory in the wasm module; a computation afterwards throws a SalaryError
   *  with code 'disposed'. */
  dispose(): void;
  /** False only after load({ lazy: true }) until loadExtras() has resolved. */
  readonly extrasLoaded: boolean;
  /** Loads the tax tables and state price levels (once), with the module that computes with them.
   *  takeHome, localities, costOfLiving and totalComp (computed by that module only) throw a
   *  SalaryError with code 'not_loaded' before that. */
  loadExtras(): Promise<void>;
  /** False only after load({ lazy: true }) until loadAreas() has resolved. */
  readonly areasLoaded: boolean;
  /** Loads every metro and nonmetro area: names, counties, DOL levels, metro medians and price
   *  levels (once), with the module that computes with them (the full one, as loadExtras()). A
   *  metro or nonmetro code throws 'not_loaded' before that. */
  loadAreas(): Promise<void>;
  /** Percentile (0–100) of an annual salary in the area's distribution. */
  percentileOf(salary: number, where?: Where): PercentileResult;
  /** The annual salary at a percentile (0 < percentile < 100). */
  salaryAt(percentile: number, where?: Where): SalaryAtResult;
  /** The adjusted estimate for a profile, with every factor and its source. */
  estimate(profile?: Profile): EstimateResult;
  /** The model's own density over from..to (the curve the chart draws). samples: 2–2000, default 120. */
  densityCurve(from: number, to: number, options?: Where & { samples?: number }): DensityCurve;
  /** Base + bonus + equity per year + benefits + retirement match. After load({ lazy: true }),
   *  only once loadExtras() has resolved (it is computed by the full module). */
  totalComp(parts: CompensationParts): TotalCompResult;
  /** hoursPerWeek (default 40; 1 to 168) only matters to or from 'hourly'. */
  convert(amount: number, from: PayPeriod, to: PayPeriod, options?: { hoursPerWeek?: number }): ConvertResult;
  /** What `salary` in `fromArea` is worth in `toArea` (BEA Regional Price Parities). */
  costOfLiving(salary: number, fromArea: string, toArea: string): CostOfLivingResult;
  takeHome(input: TakeHomeInput): TakeHomeResult;
  /** The localities with a local income tax in the state of `area` (a state or metro), for takeHome's `locality`. */
  localities(area: string, options?: { year?: number }): Localities;
  /** DOL's prevailing wage levels (H-1B, PERM) of a metro or nonmetro area; no_data for a state,
   *  the nation, or an occupation DOL's table lacks (15-1254). */
  prevailingWage(input: { occupation?: string; area: string; salary?: number }): PrevailingWageResult;

  version(): string;
  sources(): Source[];
  occupations(): Occupation[];
  areas(kind?: Area['kind']): Area[];
  experienceLevels(): ExperienceLevel[];
  factors(kind?: Factor['kind']): Factor[];
  compensationNorms(): CompensationNorm[];
  publishedEstimates(): PublishedEstimate[];
  /** The years of the tax tables, oldest first. */
  taxYears(): number[];
  /** The year takeHome() uses when none is given: the latest of taxYears(); null while there are none. */
  defaultTaxYear(): number | null;
  filingStatuses(): FilingStatus[];
  payPeriods(): PayPeriod[];
  priceParities(): { states: { source: string; year: number; values: Record<string, number> };
                     metros: { source: string; year: number; values: Record<string, number> } };
}
