// The calculator page: restores inputs from a shared link (#…), makes a link on request, and shows
// the dataset version. The calculator itself is the <salary-calculator> element. No inline script
// (the page's CSP has no 'unsafe-inline'); the offline build bundles this same file.
import './salary-calculator.js';
import { stateToSearchParams, stateFromSearchParams } from './ui/share.js';
import { PANEL_NAMES, loadPanels } from './ui/panels/index.js';
import { connectQuickInputs } from './quick-inputs.mjs';

const calculator = document.getElementById('calculator');
const button = document.getElementById('share-button');
const output = document.getElementById('share-output');
const link = document.getElementById('share-link');
const status = document.getElementById('share-status');
const version = document.getElementById('dataset-version');

/** Applies a shared link's inputs; fragments without "=" (plain in-page anchors) are left alone. */
function restore() {
  const fragment = location.hash.slice(1);
  if (!fragment.includes('=')) return;
  let params;
  try {
    params = new URLSearchParams(fragment);
  } catch {
    return;
  }
  calculator.state = stateFromSearchParams(params);
}

async function share() {
  const params = stateToSearchParams(calculator.state);
  const url = new URL(location.href);
  url.hash = params.toString();
  link.value = url.href;
  output.hidden = false;
  link.focus();
  link.select();
  try {
    await navigator.clipboard.writeText(url.href);
    status.textContent = 'Copied to the clipboard.';
  } catch {
    status.textContent = 'Copy the link above.';
  }
}

// Every panel's code first (it is in this bundle: a microtask away), so that the fields panels add
// (the offers, the paycheck) are known when a shared link is applied.
Promise.resolve(loadPanels(PANEL_NAMES)).then(restore);
window.addEventListener('hashchange', restore);
button.addEventListener('click', share);
connectQuickInputs(calculator);
calculator.addEventListener('change', (event) => {
  if (event.target !== calculator) return;
  const text = `dataset ${event.detail.version}`;
  if (version.textContent !== text) version.textContent = text; // not on every keystroke
  if (!output.hidden) status.textContent = 'The inputs changed since this link was made.';
});
// The embed builder: a module of its own, loaded the first time it is opened (not in the offline file).
const builder = document.getElementById('embed-builder');
builder?.addEventListener('toggle', () => {
  if (!builder.open || builder.dataset.loaded !== undefined) return;
  builder.dataset.loaded = '';
  const root = builder.querySelector('.builder-root');
  import('./embed-builder.mjs').then((m) => m.mountEmbedBuilder(root)).catch((e) => {
    root.textContent = `The embed builder could not be loaded (${e.message}). Reloading the page may help.`;
  });
});
// Reset what a saved copy of this page (the offline file, after "Save page as") may carry over.
output.hidden = true;
link.value = '';
