// Taking over markup rendered at build time (scripts/prerender.mjs): the page holds the widget
// with the default result as a declarative shadow root, which stays on screen from the first
// paint. A module of its own, imported only by a widget that finds such markup: an embedded widget
// never downloads it. It imports nothing: what it needs is handed to it (a module it imported would
// be split into a chunk of its own, which every widget would then download).

/**
 * Whether a control no longer holds the value its markup was written with: what the visitor
 * typed before the calculator was ready.
 */
function controlChanged(control, isSet) {
  if (isSet) return [...control.querySelectorAll('input')].some((box) => box.checked !== box.defaultChecked);
  if (control.tagName === 'SELECT') return [...control.options].some((o) => o.selected !== o.defaultSelected);
  return control.value !== control.defaultValue;
}

/**
 * Takes over markup that markup.js's buildMarkup() made at build time: its controls and outputs
 * are bound instead of made anew, and each output's fingerprint (render.js) says whether it
 * already shows what the first render computes, so nothing changes on screen when the calculator
 * gets ready. `isSet(name)`: whether a field is a set of checkboxes (fields.js). Returns {fields
 * (name → {control, error, changed: whether the visitor changed it before the calculator was
 * ready}), outputs, shown (name → {key, cited}), live}.
 */
export function adoptMarkup(root, isSet) {
  const fields = new Map(), outputs = new Map(), shown = new Map();
  for (const node of root.querySelectorAll('[data-field]')) {
    const name = node.dataset.field;
    const control = isSet(name) ? node : node.querySelector(`[name="${name}"]`);
    fields.set(name, { control, error: node.querySelector(`#f-${name}-error`), changed: controlChanged(control, isSet(name)) });
  }
  for (const out of root.querySelectorAll('[data-output]')) {
    outputs.set(out.dataset.output, out);
    shown.set(out.dataset.output, { key: out.dataset.shown, cited: new Set((out.dataset.cited || '').split(' ').filter(Boolean)) });
  }
  return { fields, outputs, shown, live: root.querySelector('[data-live]') };
}

/**
 * The first render over adopted markup, which shows the right figures already: a task for the
 * inputs and one per panel keep every task short while the page loads (Lighthouse's total
 * blocking time). Each panel is rendered and compared with its markup even when its fingerprint
 * matches: that changes nothing on screen, but it runs every panel's code once and gives each
 * node of the markup its JavaScript object, which would otherwise all happen on the first
 * keystroke (~25 ms instead of ~5). `current()` says whether this is still the latest render: a
 * newer one (the visitor typed) takes over; `nextTask()` waits for a new task (schedule.js). Resolves with {ctx, panels (as renderer.renderAll),
 * redrawn: whether any output changed}, or null if it was taken over.
 */
export async function hydrate(renderer, makeContext, current, nextTask) {
  await nextTask();
  if (!current()) return null;
  const ctx = makeContext(), redrawn = renderer.redrawn, panels = {};
  renderer.ctx = ctx;
  for (const name of renderer.outputs.keys()) {
    await nextTask();
    if (!current()) return null;
    renderer.renderInto(panels, name, ctx, { compare: true });
  }
  return { ctx, panels, redrawn: renderer.redrawn !== redrawn };
}
