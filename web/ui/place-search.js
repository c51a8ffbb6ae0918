// Finding a place by what a visitor types: the nation, a state (by name or code), and every metro
// and nonmetro wage area by its name, by a city its name lists ("Austin" in "Austin-Round
// Rock-San Marcos, TX"), by one of its counties ("Travis County", "Travis") or by its code. Pure
// (no DOM): the place fields use it (place-field.js), and tests/js/place-search.test.mjs runs it.
//
// Built once per listing of areas (~600 places and ~3,300 counties); a search is a pass over
// prepared, lowercased words, well under a millisecond (scripts/bench.mjs --only search).

/** Lowercase, without accents or punctuation: "Mayagüez, PR" → "mayaguez pr". */
export const normalize = (text) => String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim();

// How well a query matches, best first. Ties: nation and states first, then metros, then
// nonmetro areas, then alphabetically.
const CODE = 0, NAME = 1, CITY = 2, COUNTY = 3, NAME_PREFIX = 4, CITY_PREFIX = 5, COUNTY_PREFIX = 6, WORD = 7;
const KIND_ORDER = { nation: 0, state: 1, metro: 2, nonmetro: 3 };
const COUNTY_WORDS = / (county|parish|borough|census area|municipio|municipality|city and borough|planning region|city)$/;

/**
 * The places of a Calculator's listings (calc.areas(): nation, states, metro and nonmetro areas;
 * world regions and territories are left out), prepared for search().
 */
export function placeIndex(areas) {
  const places = [], counties = [], stateNames = new Map();
  for (const a of areas) {
    if (!(a.kind in KIND_ORDER)) continue;
    const name = normalize(a.name);
    // "Austin-Round Rock-San Marcos, TX" → cities "austin", "round rock", "san marcos"; a
    // nonmetro area's name has no cities ("Northwestern Region of Texas nonmetropolitan area").
    const head = a.name.includes(', ') ? a.name.slice(0, a.name.lastIndexOf(', ')) : a.name;
    const cities = a.kind === 'metro' ? head.split(/[-/]/).map(normalize).filter(Boolean) : [];
    const place = { code: a.code, name: a.name, kind: a.kind, norm: name, words: name.split(' '), cities, states: a.states ?? [a.code] };
    places.push(place);
    if (a.kind === 'state') stateNames.set(name, a.code);
    for (const county of a.counties ?? []) {
      const [label, state] = county.split(/, (?=[A-Z]{2}$)/);
      const full = normalize(label);
      counties.push({ place, county, full, short: full.replace(COUNTY_WORDS, ''), state });
    }
  }
  return { places, counties, stateNames };
}

// "austin tx", "portland, or", "kansas city missouri" → {text: "austin", state: "TX"}: a last word
// or two that name a state (its code or name) narrow the search to places in it.
function splitState(index, query) {
  const words = query.split(' ');
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const tail = words.slice(-n).join(' ');
    const code = n === 1 && tail.length === 2 ? tail.toUpperCase() : index.stateNames.get(tail);
    if (code && index.places.some((p) => p.kind === 'state' && p.code === code)) {
      return { text: words.slice(0, -n).join(' '), state: code };
    }
  }
  return { text: query, state: null };
}

function score(place, q) {
  if (place.norm === q) return NAME;
  if (place.cities.includes(q)) return CITY;
  if (place.norm.startsWith(q)) return NAME_PREFIX;
  if (place.cities.some((c) => c.startsWith(q))) return CITY_PREFIX;
  const first = q.split(' ')[0];
  if (place.words.some((w, i) => w.startsWith(first) && place.words.slice(i).join(' ').startsWith(q))) return WORD;
  return null;
}

/**
 * The places that match `query`, best first, at most `limit`: [{code, name, kind, match, county?}]
 * where match is 'code', 'name', 'city', 'county', 'prefix' or 'word', and `county` names the
 * county that matched ("Travis County, TX").
 */
export function search(index, query, limit = 8) {
  const raw = String(query ?? '').trim();
  if (raw === '') return [];
  const best = new Map(); // code → {place, rank, county}
  const offer = (place, rank, county = null) => {
    const had = best.get(place.code);
    if (!had || rank < had.rank) best.set(place.code, { place, rank, county });
  };
  const upper = raw.toUpperCase();
  for (const p of index.places) if (p.code === upper || p.code === raw) offer(p, CODE);
  const words = normalize(raw);
  const narrowed = splitState(index, words);
  // Narrowed to a state first; if nothing there matches, the last words were not a state after all.
  for (const { text, state } of narrowed.state ? [narrowed, { text: words, state: null }] : [narrowed]) {
    for (const p of index.places) {
      if (state && !p.states.includes(state)) continue;
      const rank = score(p, text);
      if (rank !== null) offer(p, rank);
    }
    for (const c of index.counties) {
      if (state && c.state !== state) continue;
      if (c.full === text || c.short === text) offer(c.place, COUNTY, c.county);
      else if (c.full.startsWith(text)) offer(c.place, COUNTY_PREFIX, c.county);
    }
    if (best.size) break;
  }
  const MATCH = ['code', 'name', 'city', 'county', 'prefix', 'prefix', 'county', 'word'];
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind]
      || (a.place.name < b.place.name ? -1 : a.place.name > b.place.name ? 1 : 0))
    .slice(0, limit)
    .map(({ place, rank, county }) => ({ code: place.code, name: place.name, kind: place.kind, match: MATCH[rank],
      ...(county ? { county } : {}), rank }));
}

/**
 * The one place a typed text stands for, when it stands for one: its code or exact name, or a
 * best match that no other equals (a city or county of one area only, or a name's only prefix).
 * Returns {code}; or {choices: [names…]} when several places match it exactly (a city or county
 * name that several areas share); {several: true} when several match it in part; {none: true}.
 */
export function resolve(index, query) {
  const found = search(index, query, 4);
  if (!found.length) return { none: true };
  if (found[0].rank <= NAME || found.length === 1 || found[1].rank > found[0].rank) return { code: found[0].code };
  if (found[0].rank > COUNTY) return { several: true };
  return { choices: found.filter((f) => f.rank === found[0].rank).map((f) => f.name) };
}
