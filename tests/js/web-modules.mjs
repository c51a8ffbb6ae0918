// Lets a Node test import the widget's sources from web/ (panels, fields): their imports of the JS
// API (web/salary-core.mjs, which only builds with scripts/assemble-dist.mjs's plugins) resolve to
// the built dist/salary-core.mjs. Import this module before any of web/ui/.
import { register } from 'node:module';

const api = new URL('../../web/salary-core.mjs', import.meta.url).href;
const built = new URL('../../dist/salary-core.mjs', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  return r.url === ${JSON.stringify(api)} ? { ...r, url: ${JSON.stringify(built)} } : r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
