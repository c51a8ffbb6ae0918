// Prepended to the Emscripten glue (--extern-pre-js). The 3.1.6 ES-module glue calls require()
// and reads __dirname on its Node path, which an ES module does not have; define them there only.
if (typeof process === 'object' && typeof process.versions === 'object' && process.versions.node) {
  var { createRequire: __salaryCreateRequire } = await import('node:module');
  var require = __salaryCreateRequire(import.meta.url);
  var __dirname = new URL('.', import.meta.url).pathname;
}
