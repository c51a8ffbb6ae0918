// The packed files of the offline file: web/offline/boot.mjs runs this bundle in a script element
// it made, on which it leaves its unpack(name) (the bytes of 'wasm', 'core', 'extras' or 'areas').
// Read while the bundle's first statements run, the only time document.currentScript is that element.
const { unpack } = document.currentScript ?? {};
if (typeof unpack !== 'function') throw new Error('the offline script runs only inside salary-calculator.offline.html');
export { unpack };
