// The dataset a widget uses when none is given: undefined means the one bundled with the core
// (salary-data.mjs beside salary-core.mjs). The offline build swaps this module for one that
// returns the inlined, compressed copy.
export function defaultDataset() {
  return undefined;
}
