// The paycheck's period: a field of the take-home and offers panels (whichever loads first adds
// it to the widget's fields), and how each period is said.
export const PAYCHECK_WORDS = { weekly: 'a week', biweekly: 'every two weeks', semimonthly: 'twice a month', monthly: 'a month' };
const LABELS = { weekly: 'Every week', biweekly: 'Every two weeks', semimonthly: 'Twice a month', monthly: 'Every month' };

export const PAYCHECK_FIELD = {
  type: 'choice', what: 'how often you are paid', default: 'biweekly',
  options: () => Object.keys(LABELS).map((value) => ({ value, label: LABELS[value] })),
};
