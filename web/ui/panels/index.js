// The panels, in the order they appear: a new panel is a module in this folder and one line here.
// The line holds what the widget needs before the panel's code is in (its name and title, shown
// even if its import fails; `extras`: it needs the extras, tax tables, price levels, norms and
// published figures, which are then loaded once it is shown, with the wasm module that computes
// with them, so a widget showing it loads that module from the start); the module, imported the first time a widget on the page shows the
// panel, holds its code and declares what it needs (the Panel type below). The widget bundle is
// split at these imports (scripts/assemble-dist.mjs), so a compact widget downloads only the
// panels it shows; the offline file bundles them all into its one script.
import { FIELDS, localityField } from '../fields.js';

export const PANELS = [
  { name: 'percentile', title: 'Where your pay falls', load: () => import('./percentile.js') },
  { name: 'estimate', title: 'Estimated pay for your profile', load: () => import('./estimate.js') },
  { name: 'career', title: 'Career path', load: () => import('./career.js') },
  { name: 'offer', title: 'Negotiation range and offers', load: () => import('./offer.js') },
  { name: 'prevailing-wage', title: 'H-1B and PERM prevailing wages', load: () => import('./prevailing-wage.js') },
  { name: 'offers', title: 'Compare offers', extras: true, load: () => import('./offers.js') },
  { name: 'compensation', title: 'Total compensation', extras: true, load: () => import('./compensation.js') },
  { name: 'take-home', title: 'Take-home pay', extras: true, load: () => import('./take-home.js') },
  { name: 'cost-of-living', title: 'What your pay is worth elsewhere', extras: true, load: () => import('./cost-of-living.js') },
  { name: 'compare', title: 'How other published figures compare', extras: true, load: () => import('./compare.js') },
  { name: 'sources', title: 'Sources', load: () => import('./sources.js') },
];
export const PANEL_NAMES = PANELS.map((p) => p.name);
export const COMPACT_PANELS = ['percentile', 'estimate', 'sources'];

/**
 * What a panel module exports as its default. Only compute and render are required.
 * @typedef {object} Panel
 * @property {(ctx: PanelContext) => any} compute  its figures (kept, and sent in the `change` event)
 * @property {(data: any, ctx: PanelContext) => any} render  a description of its output (dom.js h())
 * @property {(ctx: PanelContext) => any} [view]  what render() reads from ctx besides `data`, the
 *   listings and cite(): its output is redrawn only when this or `data` changes
 * @property {(ctx: {field: (name: string, words?: {label, placeholder?, optionLabels?}) => Node, values: object}) => Node[]} [controls]
 *   the fields above its output (fields.js), labelled in its words; `values`: the fields' values
 *   when they are built (e.g. to open a group that holds one)
 * @property {boolean} [profile]  shows the profile fields (experience, specialization, skills…)
 * @property {boolean} [estimate]  needs the profile's estimate: if it fails, its error is shown
 * @property {boolean} [chart]  its output's width is measured (ctx.chartWidth()) and followed
 * @property {boolean} [citations]  lists what the other panels cite: drawn after them (it is last),
 *   again when their citations change, and their citations link to it
 * @property {(target: Element, ctx: PanelContext) => string|null} [click]  a click in its output:
 *   returns a selector when it changed what it shows (e.g. a table's order, kept in ctx.ui), and
 *   it is drawn again with its last figures, and the element the selector finds gets the focus
 * @property {string} [event]  its figures' key in the `change` event's detail (none: they are
 *   there already, as `percentile` and `estimate`)
 * @property {Object<string, object>|function} [fields]  fields of its own (fields.js specs, by name;
 *   or a function of fields.js's makers, {localityField}, that returns them), added to
 *   FIELDS when its code is in: a widget's `state` knows them from then on (the page loads every
 *   panel before it applies a shared link)
 *
 * What compute, render and view get: figures.js's figures, and the widget's helpers.
 * @typedef {object} PanelContext
 * @property {object} calc  the Calculator (salary-core.mjs)
 * @property {object} L  its listings (core.js listingsOf: areas, sources, sourceById, …)
 * @property {object} v  every input's valid value (the widget's `state`, with the pay in use)
 * @property {{occupation: string, area: string}} where  the place in use
 * @property {number|null} salary  the pay as a year's salary, null when none is entered
 * @property {number|null} hoursPerWeek  the hours a week the pay was converted with (null: none)
 * @property {number} pay  the salary, else the estimate's typical pay
 * @property {object} profile  the estimate's profile
 * @property {{distribution, area, national, estimate, estimateError}} base  the shared figures
 * @property {(profile: object) => object} estimate  calc.estimate, memoized
 * @property {(area: string) => number|null} median  the median pay of an area, memoized
 * @property {(kind: string, key: string, make: () => any) => any} memo  a cache kept while the data
 *   stays the same (a figure that does not depend on the pay: the same object is then given again)
 * @property {Object<string, string>} errors  field → message, shown next to the fields
 * @property {Object<string, string>} fieldErrors  field → why what was typed there is not used
 *   (the field keeps its last valid value in `v`)
 * @property {(field: string, message: string) => Error} fieldError  what compute throws when a
 *   field's value is at fault: the message goes next to that field, the panel keeps its figures
 * @property {(ids: string[]) => any} cite  citation links for source ids
 * @property {Set<string>} cited  every source id cited so far in this render
 * @property {() => number} chartWidth  the chart panel's width in CSS pixels
 * @property {(name: string, words?: object) => Node} field  a field's control (for controls())
 * @property {object} ui  what the visitor chose in the panels of this widget (a table's order…),
 *   kept while the widget lives: each panel its own keys
 * @property {'compact'|'full'} layout
 */

/** A panel's own fields (Panel.fields), made with fields.js's makers where it needs them. */
export const fieldsOf = (code) => (typeof code.fields === 'function' ? code.fields({ localityField }) : code.fields);

// Shared by every widget on the page: name → {code} once imported, or {error} if the import failed.
// A failure is final until the page reloads: browsers keep a module that failed to load as failed.
const settled = new Map();
const loading = new Map();

/** Whether the named panel needs the extras (known before its code is in). */
export const needsExtras = (name) => PANELS.some((p) => p.name === name && p.extras);

/** A panel's metadata with its code ({...meta, code}) or the import's failure ({...meta, error}); null while loading. */
export function panelOf(name) {
  const state = settled.get(name);
  return state ? { ...PANELS.find((p) => p.name === name), ...state } : null;
}

/**
 * Starts importing the named panels. Returns null when all of them are settled already, else a
 * promise that resolves (never rejects) once they are.
 */
export function loadPanels(names) {
  const waiting = names.filter((name) => !settled.has(name));
  if (!waiting.length) return null;
  return Promise.all(waiting.map((name) => {
    if (!loading.has(name)) {
      const meta = PANELS.find((p) => p.name === name);
      loading.set(name, meta.load().then(
        (module) => settled.set(name, { code: module.default, error: null }) && Object.assign(FIELDS, fieldsOf(module.default)),
        (error) => settled.set(name, { code: null, error }),
      ).finally(() => loading.delete(name)));
    }
    return loading.get(name);
  })).then(() => undefined);
}
