// The phone's bar (index.html, #quick): the pay and the place, kept on screen while the results
// scroll under it, and a button that opens the calculator's own form with every input. Both ways
// round: what is typed here goes into the calculator's state; what the calculator shows comes back
// here (unless the visitor is typing here). Part of the page's script (page.mjs), not the widget.
import { calculatorFor, listingsOf } from './ui/core.js';

const PERIOD_WORDS = { annual: 'a year', monthly: 'a month', semimonthly: 'twice a month', biweekly: 'every 2 weeks', weekly: 'a week', hourly: 'an hour' };

/** Wires the bar to `calculator` (a <salary-calculator> of the default data). */
export function connectQuickInputs(calculator) {
  const pay = document.getElementById('quick-pay');
  const area = document.getElementById('quick-area');
  const period = document.getElementById('quick-period');
  const error = document.getElementById('quick-error');
  const more = document.getElementById('quick-more');
  if (!pay || !area || !more) return;

  // The place is typed as in the calculator's own field (a state, metro area, city or county: the
  // calculator resolves it, and says in the bar when it cannot); the states are suggested.
  const states = document.getElementById('quick-places');
  calculatorFor(undefined, '').promise.then(({ calc }) => {
    const names = listingsOf(calc).areas.filter((a) => a.kind === 'state').map((a) => a.name).sort();
    states.replaceChildren(...names.map((name) => Object.assign(document.createElement('option'), { value: name })));
  }, () => {});

  pay.addEventListener('input', () => { calculator.state = { salary: pay.value }; });
  area.addEventListener('change', () => { calculator.state = { area: area.value }; });
  calculator.addEventListener('change', (event) => {
    if (event.target !== calculator) return;
    const { inputs, errors } = event.detail;
    if (document.activeElement !== pay && String(inputs.salary ?? '') !== pay.value.replace(/,/g, '')) pay.value = inputs.salary ?? '';
    // The place's name, as the estimate gives it (its code until there is one).
    const place = errors.area ? null : event.detail.estimate?.base?.areaName ?? inputs.area;
    if (place && document.activeElement !== area && area.value !== place) area.value = place;
    const words = PERIOD_WORDS[inputs.period] || '';
    if (period.textContent !== words) period.textContent = words;
    const message = errors.salary || errors.area || '';
    if (error.textContent !== message) error.textContent = message;
    pay.toggleAttribute('aria-invalid', Boolean(errors.salary));
    area.toggleAttribute('aria-invalid', Boolean(errors.area));
  });

  // "All inputs": unfolds the calculator's form (folded away on a phone by page.css) and goes to it.
  more.addEventListener('click', () => {
    const open = document.body.classList.toggle('inputs-open');
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? 'Fewer inputs' : 'All inputs';
    if (open) {
      calculator.scrollIntoView({ block: 'start' });
      calculator.shadowRoot?.querySelector('form [name]')?.focus({ preventScroll: true });
    }
  });
}
