// The shipped dataset, as the binary snapshots scripts/assemble-dist.mjs writes beside this file
// (core/include/salary/dataset_binary.hpp): the core part, and the extras (tax tables, state price
// levels) and the areas (every metro and nonmetro area) that a page may load later. The offline build swaps this module for inlined copies.
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

async function bytes(name) {
  const url = new URL(name, import.meta.url);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.href} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export const coreSnapshot = () => bytes('./salary-data.bin');
export const extrasSnapshot = () => bytes('./salary-data-extras.bin');
export const areasSnapshot = () => bytes('./salary-data-areas.bin');
