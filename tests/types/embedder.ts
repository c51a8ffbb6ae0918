// What an embedder writes against the declarations (web/salary-calculator.d.ts, web/salary-core.d.ts):
// it must type-check, and each @ts-expect-error line must be refused, or tsc fails the contract test.
import type { SalaryCalculatorElement, SalaryCalculatorResult, SalaryCalculatorState } from '../../web/salary-calculator';
import { DEFAULTS, load, SalaryError } from '../../web/salary-core';
import { compareOffers, PAYCHECK_PERIODS, type CompareResult, type Offer, type OfferError } from '../../web/salary-offers';

// The tag name gives the element's type.
const widget = document.querySelector('salary-calculator');
if (widget) {
  widget.area = 'TX';
  widget.salary = 135000;
  widget.salary = '120k';
  widget.panels = ['percentile', 'take-home', 'sources'];
  widget.panels = 'percentile career';
  widget.theme = 'dark';
  widget.salaryDataset = { format: 'salary-dataset/1' };
  widget.state = { salary: '95k', filingStatus: 'joint', skills: ['go'] };
  const state: SalaryCalculatorState = widget.state;
  const joint: boolean = state.filingStatus === 'joint';
  const pay: number | null = widget.salary;
  widget.addEventListener('change', (event) => {
    const result: SalaryCalculatorResult = event.detail;
    const percentile: number | undefined = result.percentile?.area;
    const national: number | null | undefined = result.percentile?.national;
    const net: number | undefined = result.takeHome?.net;
    const typical: number | undefined = result.estimate?.typical;
    const levels: string[] | undefined = result.career?.map((level) => level.label);
    const message: string | undefined = result.errors.salary;
    console.log(percentile, national, net, typical, levels, message, joint, pay, event.bubbles);
  });
  // @ts-expect-error not a panel
  widget.panels = ['percentiles'];
  // @ts-expect-error a layout is compact or full
  widget.layout = 'wide';
  // @ts-expect-error result is read-only
  widget.result = null;
  // @ts-expect-error no such field in the state
  console.log(widget.state.bonus);
}

const made: SalaryCalculatorElement = document.createElement('salary-calculator');
made.setAttribute('dataset-src', '/data/ours.json');
const defined: typeof SalaryCalculatorElement = customElements.get('salary-calculator') as typeof SalaryCalculatorElement;
defined.define('pay-calculator');

// The JS API the widget is built on.
const calc = await load({ lazy: true });
await calc.loadExtras();
const year: number | null = calc.defaultTaxYear();
const home = calc.takeHome({ salary: 150000, area: DEFAULTS.area, filingStatus: DEFAULTS.filingStatus });
try {
  calc.percentileOf(1, { area: 'ZZ' });
} catch (e) {
  if (e instanceof SalaryError) console.log(e.code, year, home.net);
}

// Offers, compared with the same Calculator.
const offers: Offer[] = [{ area: '12420', base: 150000, equityGrant: 100000 }, { area: 'WA', base: 170000, remote: true, signOnBonus: 20000 }];
const compared: CompareResult = compareOffers(calc, offers, { pricesIn: '42660', payPeriod: PAYCHECK_PERIODS[1], profile: { experience: 'senior' } });
const words: string[] = compared.differences.map((d) => d.text);
const perPaycheck: number = compared.offers[0].paycheck.net;
const level: number | undefined = compared.offers[0].prevailingWage?.levelMet;
console.log(words, perPaycheck, level, compared.best.afterTaxAndPrices);
try {
  // @ts-expect-error an offer needs a base salary
  compareOffers(calc, [{ area: 'TX' }]);
  // @ts-expect-error no such pay period for a paycheck
  compareOffers(calc, offers, { payPeriod: 'hourly' });
} catch (e) {
  const error = e as OfferError;
  console.log(error.offer, error.field);
}

