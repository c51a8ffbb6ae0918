// A widget's inputs as URL parameters and back, for links that restore them. The page puts these
// in the fragment (#…), which browsers never send to a server.
import { FIELDS } from './fields.js';

/** Whether `text` is a field's fixed default (one that depends on the data, e.g. the tax year, is kept). */
const isDefault = (name, text) => typeof FIELDS[name].default !== 'function' && String(FIELDS[name].default) === text;

/** The non-default inputs of a widget's `state` as URLSearchParams. */
export function stateToSearchParams(state) {
  const params = new URLSearchParams();
  for (const name of Object.keys(FIELDS)) {
    const v = state[name];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    const text = Array.isArray(v) ? v.join(',') : String(v);
    if (!isDefault(name, text)) params.set(name, text);
  }
  return params;
}

/** Raw values for a widget's `state` setter from URLSearchParams (unknown keys are ignored). */
export function stateFromSearchParams(params) {
  const out = {};
  for (const name of Object.keys(FIELDS)) {
    if (!params.has(name)) continue;
    const raw = params.get(name).slice(0, 2000);
    out[name] = FIELDS[name].type === 'set' ? raw.split(',').filter(Boolean) : raw;
  }
  return out;
}
