// The panels, in the order they appear: what the widget needs to know before showing one (name,
// title, what it needs) is here; its code ({controls?(ctx), compute(ctx), render(data, ctx)}) is a
// module of its own, imported the first time a widget on the page shows that panel. The widget
// bundle is split there (scripts/assemble-dist.mjs), so a compact widget downloads only the panels
// it renders; the offline file bundles them all into its one script.
//   profile: shows the experience, specialization, company and skill fields
//   extras:  needs the extras snapshot: tax tables, price levels, compensation norms, published
//            estimates (loaded lazily, see core.js)
export const PANELS = [
  { name: 'percentile', title: 'Where your pay falls', load: () => import('./percentile.js') },
  { name: 'estimate', title: 'Estimated pay for your profile', profile: true, load: () => import('./estimate.js') },
  { name: 'career', title: 'Career path', profile: true, load: () => import('./career.js') },
  { name: 'offer', title: 'Negotiation range and offers', profile: true, load: () => import('./offer.js') },
  { name: 'compensation', title: 'Total compensation', extras: true, load: () => import('./compensation.js') },
  { name: 'take-home', title: 'Take-home pay', extras: true, load: () => import('./take-home.js') },
  { name: 'cost-of-living', title: 'What your pay is worth elsewhere', extras: true, load: () => import('./cost-of-living.js') },
  { name: 'compare', title: 'How other published figures compare', profile: true, extras: true, load: () => import('./compare.js') },
  { name: 'sources', title: 'Sources', load: () => import('./sources.js') },
];
export const PANEL_NAMES = PANELS.map((p) => p.name);
export const COMPACT_PANELS = ['percentile', 'estimate', 'sources'];

// Shared by every widget on the page: name → {code} once imported, or {error} if the import failed.
// A failure is final until the page reloads: browsers keep a module that failed to load as failed.
const settled = new Map();
const loading = new Map();

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
        (module) => settled.set(name, { code: module.default, error: null }),
        (error) => settled.set(name, { code: null, error }),
      ).finally(() => loading.delete(name)));
    }
    return loading.get(name);
  })).then(() => undefined);
}
