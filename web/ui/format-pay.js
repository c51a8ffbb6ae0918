// Formatting that only the panels about pay in money use (compensation, take-home, cost of
// living, offers): a chunk of their own, which the compact widget does not download.
import { nf, estimateMoney } from './format.js';

const pct1 = nf({ style: 'percent', maximumFractionDigits: 1 });
const fixed1 = nf({ minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A fraction as a percentage with one decimal ("28.2%"). */
export const ratioPercent = (r) => pct1.format(r);
/** A number with one decimal ("98.1"). */
export const number1 = (v) => fixed1.format(v);

/** What the pay-based panels say when no pay is entered (they use the estimate's typical), or null. */
export const payNote = (ctx) => (ctx.salary === null
  ? `No pay entered yet: using your estimate's typical base salary, ${estimateMoney(ctx.base.estimate ? ctx.base.estimate.typical : 0)}.` : null);
