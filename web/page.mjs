// The calculator page's script (kept out of the HTML so the CSP needs no 'unsafe-inline').
import { load } from './salary-core.mjs';
const out = document.getElementById('result');
const input = document.getElementById('salary');
const calculator = await load();
const show = () => {
  try {
    const r = calculator.percentileOf(Number(input.value));
    out.textContent = `Higher than about ${r.percentile.toFixed(0)} % of software developers in the United States (BLS, May 2024).`;
  } catch (e) {
    out.textContent = e.message;
  }
};
input.addEventListener('input', show);
show();
