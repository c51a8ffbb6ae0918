// The offline file's script: the calculator page (which defines the widget), bundled by
// scripts/build-offline.mjs into one classic script with the wasm and the data inlined.
import '../page.mjs';
