// Which place's state taxes the visitor: a place spanning several states (a metro such as New
// York-Newark-Jersey City) is taxed where they live when that is one of its states, else as a
// resident of its principal state (the core's rule, core/src/take_home.cpp). Shared by the
// locality field (fields.js) and the take-home panel (through the listings, core.js), so both ask
// about the same state.

/** The state the visitor says they live in when `area` spans it and others, else `area` itself. */
export function livedIn(L, area, residence) {
  const states = L?.areaByCode?.get(area)?.states ?? [];
  return states.length > 1 && states.includes(residence) ? residence : area;
}
