// The offline file's only inline script (scripts/build-offline.mjs): it carries the calculator's
// script, the wasm and the dataset gzipped and written as text (text91.mjs), unpacks the script and
// runs it. Compressed, the script is a third of its size; the file's CSP allows it by its hash, as
// it allows this one, so nothing runs that the file did not name.
import { PACKED } from 'offline:packed';
import { decode } from './text91.mjs';

/** The bytes of one of the packed files (code, wasm, core, extras, areas), gunzipped by the browser. */
async function unpack(name) {
  const stream = new Blob([decode(PACKED[name])]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const code = unpack('code');
// What the first result needs, unpacked while the page script compiles and starts; handed over
// once (a later call, as after a failure, unpacks again, and nothing holds the bytes meanwhile).
const early = new Map(['wasm', 'core'].map((name) => [name, unpack(name)]));

code.then((bytes) => {
  const script = document.createElement('script');
  // The script finds the other files through the element it runs in (web/offline/payload.mjs).
  script.unpack = (name) => {
    const started = early.get(name);
    early.delete(name);
    return started ?? unpack(name);
  };
  script.textContent = new TextDecoder().decode(bytes);
  document.body.append(script); // an inline script runs as it is inserted…
  script.remove(); // …and is then left out of the page, so "Save page as" keeps only this one
}).catch((error) => {
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = `The calculator cannot start in this browser (${error.message || error}).`;
  (document.querySelector('main') ?? document.body).prepend(alert);
});
