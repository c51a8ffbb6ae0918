// Comparing job offers (dist/salary-offers.mjs), over the JS API (salary-core.mjs): a module of its
// own, imported on demand. Every figure is a core call of the Calculator; the module chooses the
// calls and combines their results. Bad input throws a SalaryError naming the offer and property.
import type {
  Calculator, CostOfLivingResult, FilingStatus, PayPeriod, Profile, SalaryError, TakeHomeResult, TotalCompResult,
} from './salary-core';

/** The most offers one comparison takes: 3. */
export const MAX_OFFERS: number;
/** The periods a paycheck can be given for. */
export const PAYCHECK_PERIODS: ReadonlyArray<PaycheckPeriod>;
/** How each period is said in the differences: biweekly → 'every two weeks'. */
export const PERIOD_WORDS: Readonly<Record<PaycheckPeriod, string>>;

export type PaycheckPeriod = Extract<PayPeriod, 'weekly' | 'biweekly' | 'semimonthly' | 'monthly'>;

/** One offer. Amounts are USD; only `area` and `base` are required. */
export interface Offer {
  /** Shown in the comparison; default 'Offer A', 'Offer B', 'Offer C' by position. At most 100 characters. */
  label?: string;
  /** Where you would live and work: 'US', a state ('TX') or a metro CBSA code ('42660'). Taxes,
   *  prices and the percentile are this place's. For a remote offer, where you would live. */
  area: string;
  /** For an area spanning several states (a metro such as New York-Newark-Jersey City), the one
   *  you would live in, taxed as its resident (TakeHomeInput.residenceState); default the area's
   *  principal state. Another state throws invalid_argument on offers[i].residenceState. */
  residenceState?: string | null;
  /** Where you would live in the area's state, for its local income tax: an id (or name) from
   *  Calculator.localities(area). One the state does not have throws code unknown_locality. */
  locality?: string | null;
  /** Base salary a year; more than 0. */
  base: number;
  /** Target bonus, % of base (0 to 1,000). */
  bonusPercent?: number;
  /** The equity grant's total value and its vesting period in years (default 4; 0.1 to 10)… */
  equityGrant?: number;
  equityVestingYears?: number;
  /** …or equity a year (refreshers, or a grant given per year). Both add up. */
  equityAnnual?: number;
  /** Paid once, in the first year. */
  signOnBonus?: number;
  /** The employer's retirement match, % of base. */
  retirementMatchPercent?: number;
  /** Employer-paid benefits a year (health insurance premiums…), as you value them. */
  benefits?: number;
  /** A remote job: `area` is where you would live. */
  remote?: boolean;
  /** For a remote job, where the employer is: the base's percentile there too. */
  employerArea?: string;
  /** Your own pre-tax 401(k) a year for this offer; default options.retirementContribution. */
  retirementContribution?: number;
}

export interface CompareOptions {
  /** Your profile, for each base salary's percentile (occupation, experience, skills…; no area or offer). */
  profile?: Omit<Profile, 'area' | 'offer'>;
  /** The place whose prices every take-home is also given in; default the first offer's area. */
  pricesIn?: string;
  /** Tax year; default Calculator.defaultTaxYear(). */
  year?: number;
  filingStatus?: FilingStatus;       // default 'single'
  /** Your pre-tax 401(k) a year, the same in every offer unless an offer gives its own. */
  retirementContribution?: number;
  /** The paycheck's period; default 'biweekly'. */
  payPeriod?: PaycheckPeriod;
}

/** A base salary's place in the pay of a profile (Calculator.estimate with the offer). */
export interface OfferPercentile {
  area: string; areaName: string;
  /** Percentile (0–100) among people with your profile there, and among everyone in the occupation there. */
  inProfile: number; inArea: number;
  /** The profile's middle 50 % (low, high) and typical pay there. */
  low: number; typical: number; high: number;
  sources: string[];
}

export interface ComparedOffer {
  label: string;
  /** The offer as compared: defaults filled in (signOnBonus 0, remote false). */
  offer: Offer & { label: string; signOnBonus: number; remote: boolean };
  /** The offer's place, the state and the locality (if any: '') taxed as yours there. */
  place: { area: string; name: string; state: string; locality: string; localityName: string };
  /** Steady state: base + bonus + equity a year + match + benefits (Calculator.totalComp);
   *  the first year adds the sign-on bonus. */
  totalComp: { steadyState: number; firstYear: number; signOnBonus: number; parts: TotalCompResult };
  /** Taxed as wages: base + bonus + equity vesting (+ the sign-on bonus in the first year). */
  wages: { steadyState: number; firstYear: number };
  /** After federal, state, payroll (and, where modelled, local) taxes (Calculator.takeHome). */
  takeHome: { steadyState: number; firstYear: number; result: TakeHomeResult; firstYearResult: TakeHomeResult };
  /** One regular paycheck: the base salary's share, before and after its taxes. */
  paycheck: { period: PaycheckPeriod; perYear: number; gross: number; net: number; result: TakeHomeResult };
  /** The take-home at the prices of `pricesIn` (Calculator.costOfLiving). */
  buyingPower: { pricesIn: string; ratio: number; steadyState: number; firstYear: number; result: CostOfLivingResult };
  /** null where the data has no wages for the place or occupation (the notes say why). */
  percentile: OfferPercentile | null;
  /** A remote offer's base in the employer's place (with employerArea), else null. */
  employerPercentile: OfferPercentile | null;
  /** The highest DOL prevailing wage level (1–4; 0: below Level I) the base meets in the offer's
   *  place (Calculator.prevailingWage); null for a state or the nation (DOL sets levels per metro
   *  or nonmetro area) or an occupation DOL's table lacks: the notes say which. */
  prevailingWage: {
    levelMet: 0 | 1 | 2 | 3 | 4; levels: Array<{ level: number; annual: number; hourly: number }>;
    source: string; wageYear: string; area: string; areaName: string;
  } | null;
  notes: string[];
  /** The source ids of this offer's figures (Calculator.sources()). */
  sources: string[];
}

/** One difference in words: the best offer by a measure, and how far ahead of each. */
export interface OfferDifference {
  /** afterTaxAndPrices (steady-state take-home at pricesIn's prices), afterTax, totalComp,
   *  firstYear (after tax and prices, with sign-on bonuses; only when an offer has one), paycheck. */
  kind: 'afterTaxAndPrices' | 'afterTax' | 'totalComp' | 'firstYear' | 'paycheck';
  /** Index of the offer ahead (the first of equals). */
  best: number;
  /** USD by which the best is ahead of each offer (0 for itself); a year, or a paycheck. */
  amounts: number[];
  /** True when no offer is behind by $100 a year or more (a paycheck: $100 ÷ its periods). */
  aboutTheSame: boolean;
  /** E.g. "Offer B leaves you $6,200 a year more than Offer A after tax and prices (at Austin-Round Rock-San Marcos, TX prices)." */
  text: string;
}

export interface CompareResult {
  offers: ComparedOffer[];
  pricesIn: { area: string; name: string; rpp: number; year: number; source: string };
  year: number; filingStatus: FilingStatus; payPeriod: PaycheckPeriod;
  /** Index of the offer ahead by each measure. */
  best: { afterTaxAndPrices: number; afterTax: number; totalComp: number; firstYear: number; paycheck: number };
  /** In words, the main one first; none for a single offer. */
  differences: OfferDifference[];
  /** How the figures were made and what they leave out. */
  notes: string[];
  sources: string[];
}

/** A SalaryError about one offer (`offer`: its index, `field`: the property) or an option (`field` only). */
export type OfferError = SalaryError & { offer?: number; field?: string };

/**
 * Compares 1 to MAX_OFFERS offers with `calc` (its extras loaded: Calculator.loadExtras()).
 * Throws a SalaryError (see OfferError) for a bad offer: a missing place or base (code
 * missing_argument), a negative amount (invalid_number), an unknown place (unknown_area), a place
 * outside the US (range_only), a locality the state does not have (unknown_locality), an unknown
 * property (invalid_argument).
 */
export function compareOffers(calc: Calculator, offers: Offer[], options?: CompareOptions): CompareResult;
