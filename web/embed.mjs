// embed.html: one <salary-calculator> configured by the page's URL, for sites that allow an
// <iframe> but no script. The fragment or the query names the inputs as the element's attributes
// (occupation, area, experience, salary, layout, panels, theme), e.g.
//   embed.html#occupation=15-1252&area=TX&salary=120000&panels=percentile+estimate
// and the fragment wins (it never reaches a server). The frame tells its parent how tall it is
// (the resize protocol, README "Embed it"): {type: 'salary-calculator:resize', height} whenever its
// height changes, and nothing else: what a visitor types stays in the frame. A link opens the full
// calculator with the same inputs.
import './salary-calculator.js';

const ATTRIBUTES = ['occupation', 'area', 'experience', 'salary', 'layout', 'panels', 'theme'];
const calculator = document.getElementById('calculator');
const fullLink = document.getElementById('full-link');

/** The configuration: the query's names, overridden by the fragment's. */
function configuration() {
  const read = (text) => {
    try {
      return new URLSearchParams(text);
    } catch {
      return new URLSearchParams();
    }
  };
  const query = read(location.search.slice(1)), fragment = read(location.hash.slice(1));
  const out = {};
  for (const name of ATTRIBUTES) {
    const value = fragment.get(name) ?? query.get(name);
    if (value !== null) out[name] = value.slice(0, 2000);
  }
  return out;
}

function apply() {
  const config = configuration();
  for (const name of ATTRIBUTES) {
    if (name in config) calculator.setAttribute(name, config[name]);
    else calculator.removeAttribute(name);
  }
  if (!config.layout) calculator.setAttribute('layout', 'compact');
  if (config.theme === 'light' || config.theme === 'dark') document.documentElement.dataset.theme = config.theme;
  else delete document.documentElement.dataset.theme;
  // The full calculator (this page's folder) with the same inputs, in its fragment.
  const inputs = new URLSearchParams();
  for (const name of ['occupation', 'area', 'experience', 'salary']) if (config[name]) inputs.set(name, config[name]);
  const fragment = inputs.toString();
  fullLink.href = new URL(fragment ? `./#${fragment}` : './', location.href).href;
}

// The resize protocol: only the height, to whoever embeds the frame (it says nothing private).
let sent = 0;
function sendHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === sent || window.parent === window) return;
  sent = height;
  window.parent.postMessage({ type: 'salary-calculator:resize', height }, '*');
}

apply();
window.addEventListener('hashchange', apply);
if (typeof ResizeObserver === 'function') new ResizeObserver(sendHeight).observe(document.documentElement);
calculator.addEventListener('change', () => requestAnimationFrame(sendHeight)); // (and where there is no ResizeObserver)
sendHeight();
