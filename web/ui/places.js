// What a place field (fields.js, type 'place') needs beyond its markup, loaded the first time a
// place field is focused or holds a value that needs it: the search and its suggestions
// (place-field.js, a chunk of its own) and every metro and nonmetro area (the Calculator's areas
// part, ~40 KB). A widget whose visitor never looks for a place downloads neither.
import { loadAreas } from './core.js';

let field = null; // place-field.js, once imported

// The kinds of place a visitor can choose (not world regions, nor a territory as a whole).
const CHOOSABLE = ['nation', 'state', 'metro', 'nonmetro'];

/** The place a text names exactly: its code, its name in any case, or the nation's label. Else null. */
export function placeNamed(L, text, nationLabel) {
  const lower = text.toLowerCase();
  const area = !L ? null : lower === nationLabel?.toLowerCase() ? L.areaByCode.get('US')
    : L.areaByCode.get(text) ?? L.areaByCode.get(text.toUpperCase()) ?? L.areas.find((a) => a.name.toLowerCase() === lower);
  return area && CHOOSABLE.includes(area.kind) ? area : null;
}

/** The search over the places of L ({resolve, suggest}), or null until it and the areas are loaded. */
export const placeSearch = (L) => (field && L.areasLoaded ? field.searcher(L) : null);

/** Loads what place fields need for `calc`; resolves with place-field.js. */
export const loadPlaces = (calc) => Promise.all([import('./place-field.js').then((m) => { field = m; }), loadAreas(calc)])
  .then(() => field);
