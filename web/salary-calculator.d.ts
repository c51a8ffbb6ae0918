// The <salary-calculator> element's contract (dist/salary-calculator.js): its attributes and
// properties, the `change` event and what it carries. Hand-written beside web/ui/element.js; the
// README's "The widget's contract" lists the same with an example each, and the ::part() names and
// CSS custom properties it is styled by. tests/js/contract.test.mjs checks that the three agree.
import type {
  AreaDistribution, CostOfLivingResult, EstimateResult, PlacePrice, Points, PrevailingWageResult, Source,
  TakeHomeResult, TotalCompResult, CompensationNorm,
} from './salary-core';
import type { CompareResult } from './salary-offers';

/** The panels, in the order they are shown. */
export type SalaryCalculatorPanel =
  | 'percentile' | 'estimate' | 'career' | 'offer' | 'prevailing-wage' | 'offers' | 'compensation' | 'take-home' | 'cost-of-living'
  | 'compare' | 'sources';

/** What the widget's attributes accept. Every attribute is reflected by a property of the same name (camelCase). */
export interface SalaryCalculatorAttributes {
  /** A BLS SOC code of the dataset. Default '15-1252' (Software Developers). */
  occupation?: string;
  /** 'US', a state ('TX'), a metro CBSA code ('12420') or an OFLC nonmetro area code ('4800001'); typed in
   *  the form, also a metro, city or county name ('Austin', 'Travis County'). Default 'US'. */
  area?: string;
  /** 'entry' | 'mid' | 'senior' | 'staff', or '' for any level (the default). */
  experience?: string;
  /** The pay, per year in USD (also as typed: '120k', '$120,000'). */
  salary?: string;
  /** 'compact' (the default: percentile, estimate, sources) or 'full' (every panel). */
  layout?: 'compact' | 'full';
  /** Space-separated panel names (SalaryCalculatorPanel), shown in their own order. Default: the layout's. */
  panels?: string;
  /** 'light' | 'dark'; absent: the visitor's colour scheme. */
  theme?: 'light' | 'dark';
  /** The URL of a dataset of your own (docs/dataset.md), fetched with CORS; relative to the page. */
  'dataset-src'?: string;
}

/** Every input's current valid value: what `state` gives and takes, and what a shared link stores. */
export interface SalaryCalculatorState {
  /** The pay as entered, in `period`s; null when none is entered. */
  salary: number | null;
  period: 'annual' | 'monthly' | 'semimonthly' | 'biweekly' | 'weekly' | 'hourly';
  occupation: string;
  area: string;
  experience: string;
  specialization: string;
  companyType: string;
  skills: string[];
  technologies: string[];
  certifications: string[];
  /** An offer's base salary per year (the offer panel), null for none. */
  offer: number | null;
  /** Target bonus, % of base. */
  bonusPercent: number | null;
  equityGrant: number | null;
  equityYears: number;
  benefits: number | null;
  matchPercent: number | null;
  filingStatus: 'single' | 'joint' | 'separate' | 'head_of_household';
  /** A year of the dataset's tax tables, as a string; null until they are loaded. */
  taxYear: string | null;
  /** Pre-tax 401(k) contribution per year. */
  retirement: number | null;
  /** For a place spanning several states, the state lived in (its tax applies when it is one of
   *  them); '' for the place's principal state. */
  residence: string;
  /** Where the earner lives, for its local income tax: an id of Calculator.localities() for the
   *  place's state ('' for none; a choice of another state reads as none). */
  locality: string;
  /** Age at the end of the tax year (the 401(k) and HSA catch-up limits); null when not given. */
  age: number | null;
  /** HSA contribution per year, and its coverage. */
  hsa: number | null;
  hsaCoverage: 'self' | 'family';
  /** Health FSA salary reduction per year. */
  fsa: number | null;
  /** The place the cost-of-living panel compares with ('' for automatic). */
  compareTo: string;
  // Fields a panel adds once its code is in (before that, setting them does nothing):
  /** How often a paycheck comes (the take-home and offers panels); default 'biweekly'. */
  paycheck?: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';
  /** The offers panel: the prices every take-home is also given in ('' for the first offer's place). */
  pricesIn?: string;
  // Offers A, B and C (the offers panel): a place ('US', a state, a metro CBSA code; '' for none),
  // for a place spanning several states the one lived in ('' for its principal state), where in
  // its state one would live for a local income tax (an id of localities(); '' for none),
  // the base salary, bonus (% of base), equity grant and its vesting years, sign-on bonus,
  // retirement match (% of base), benefits, and for a remote offer the employer's place.
  aArea?: string; aResidence?: string; aLocality?: string; aBase?: number | null; aBonus?: number | null; aEquity?: number | null; aYears?: number;
  aSignOn?: number | null; aMatch?: number | null; aBenefits?: number | null; aEmployer?: string;
  bArea?: string; bResidence?: string; bLocality?: string; bBase?: number | null; bBonus?: number | null; bEquity?: number | null; bYears?: number;
  bSignOn?: number | null; bMatch?: number | null; bBenefits?: number | null; bEmployer?: string;
  cArea?: string; cResidence?: string; cLocality?: string; cBase?: number | null; cBonus?: number | null; cEquity?: number | null; cYears?: number;
  cSignOn?: number | null; cMatch?: number | null; cBenefits?: number | null; cEmployer?: string;
}

/** One experience level's range for the profile (the career panel). */
export interface CareerLevel {
  level: string; label: string; years: string; source: string; low: number; typical: number; high: number;
}

/** A row of the comparison panel: the estimate, a BLS figure, or another site's published figure. */
export interface ComparisonRow {
  kind: 'estimate' | 'bls' | 'published';
  publisher: string; role: string; statistic: string;
  value: number | null; low: number | null; high: number | null;
  asOf: string | null; area: string; sources: string[];
}

/** The `change` event's detail, also the `result` property: every figure the widget computed. */
export interface SalaryCalculatorResult {
  /** The dataset's version. */
  version: string;
  inputs: SalaryCalculatorState;
  /** The pay as a year's salary, or null when none is entered. */
  salary: number | null;
  /** The occupation and place in use (the last valid ones while a field holds a bad value). */
  where: { occupation: string; area: string };
  /** Where the salary falls, in the place and nationally (null: no national row); null without a salary. */
  percentile: { salary: number; area: number; national: number | null; distribution: AreaDistribution } | null;
  /** The estimate for the profile; null if it cannot be computed. */
  estimate: EstimateResult | null;
  /** The figures of each other panel shown, under its key (absent when the panel is not shown). */
  career?: CareerLevel[];
  offer?: {
    offer: number | null; low: number; typical: number; high: number; profile: Points;
    result: EstimateResult['offer'] | null; base: AreaDistribution;
  };
  /** DOL's levels for the place (a metro or nonmetro area); `none` says why there are none. */
  prevailingWage?: PrevailingWageResult | { none: 'place' } | { none: 'occupation'; message: string };
  /** The offers with a place and a base, compared (salary-offers.d.ts; null when none has both),
   *  and what each half-entered offer still needs. */
  offers?: { result: CompareResult | null; waiting: string[] };
  compensation?: TotalCompResult & { norms: CompensationNorm[] };
  /** With one paycheck of the chosen period: the year's figures spread evenly (`lines`: each of
   *  TakeHomeResult's lines, per paycheck). */
  takeHome?: TakeHomeResult & { paycheck: { period: NonNullable<SalaryCalculatorState['paycheck']>; perYear: number; gross: number; net: number; lines: number[] } };
  costOfLiving?: {
    pair: CostOfLivingResult;
    states: Array<{ area: string; name: string; equivalent: number; rpp: number; year: number; source: string; median: number | null }>;
  };
  compare?: { rows: ComparisonRow[]; regions: Array<{ code: string; name: string; kind: 'world_region'; range: NonNullable<import('./salary-core').Area['range']> }> };
  sources?: Array<Source & { number: number }>;
  /** Each field's message (field → text), for a value that is not valid or cannot be used. */
  errors: Partial<Record<keyof SalaryCalculatorState, string>>;
}

export type SalaryCalculatorChangeEvent = CustomEvent<SalaryCalculatorResult>;

export declare class SalaryCalculatorElement extends HTMLElement {
  /** Defines the element under `tag` (once: a second call, or a tag already taken, is a no-op). */
  static define(tag?: string, registry?: CustomElementRegistry): typeof SalaryCalculatorElement;
  static readonly observedAttributes: string[];

  /** The `occupation` attribute, or its default. */
  occupation: string;
  area: string;
  experience: string;
  /** The `salary` attribute as a number, or null when absent or not a number. Set with a number or a string. */
  get salary(): number | null;
  set salary(value: number | string | null);
  layout: 'compact' | 'full';
  /** The panels shown, in display order. Set with an array or a space-separated string. */
  get panels(): SalaryCalculatorPanel[];
  set panels(value: SalaryCalculatorPanel[] | string);
  /** 'light', 'dark', or '' (the visitor's colour scheme). */
  get theme(): '' | 'light' | 'dark';
  set theme(value: '' | 'light' | 'dark' | null);
  /** The `dataset-src` attribute. */
  datasetSrc: string;
  /** A dataset of your own as an object or JSON text (docs/dataset.md); null for the default one. */
  salaryDataset: object | string | null;
  /** Every input's valid value. Set with any of them as raw values (strings, numbers, arrays): a bad one shows a message next to its field. */
  get state(): SalaryCalculatorState;
  set state(value: Partial<Record<keyof SalaryCalculatorState, unknown>>);
  /** The last `change` event's detail, or null before the first result. */
  readonly result: SalaryCalculatorResult | null;

  addEventListener(type: 'change', listener: (this: SalaryCalculatorElement, event: SalaryCalculatorChangeEvent) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: 'change', listener: (this: SalaryCalculatorElement, event: SalaryCalculatorChangeEvent) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'salary-calculator': SalaryCalculatorElement;
  }
}
