// What the markup is: the widget's structure (the form and a section per panel), built for a
// layout and a set of panels (hydrate.js adopts the same markup rendered at build time); its
// styles; and the citation links panels put next to figures.
import css from './widget.css';
import { h, el, safeHref } from './dom.js';

let sheet = null;
/** The widget's stylesheet in `root` (one constructed sheet shared by every widget on the page). */
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', {}, css)); // old browsers; blocked by a strict CSP, as are they
  }
}

/** A status line ("Loading…"), or with `failed` the reason the calculator could not start. */
export const status = (text, failed = false) => (failed
  ? el('p', { class: 'status error', role: 'alert', part: 'error' }, text)
  : el('p', { class: 'status', role: 'status' }, text));

/**
 * What the built markup depends on: layout, panels, data version, notice, and the locale numbers
 * are written in (markup rendered at build time in another locale is built again). The locale is
 * navigator.language, the browser's, which Intl formats in; asking Intl (resolvedOptions) would
 * make a formatter, ~25 ms while the page starts.
 */
export const viewKey = (layout, panels, version, notice) => JSON.stringify([layout, panels, version, notice, navigator.language]);

/**
 * The widget's structure. `panels`: each shown panel's metadata with its code or import error
 * (panelOf()); `field(name)` builds a field's control; `values`: the fields' values (the collapsed
 * profile fields start open when they hold anything). Returns {root, outputs (panel name → output
 * element), live}.
 */
export function buildMarkup({ layout, panels, field, values: v, notice, view }) {
  const full = layout === 'full';
  const profile = panels.some((p) => p.code?.profile);
  const openDetails = ['skills', 'technologies', 'certifications'].some((n) => (v[n] || []).length > 0)
    || (!full && Boolean(v.specialization || v.companyType));
  // No landmarks inside (an unnamed form, sections without names): a page may hold several widgets.
  const form = el('form', { class: 'inputs', part: 'form', novalidate: true }, [
    el('div', { class: 'pay' }, [field('salary'), field('period')]),
    field('occupation'), field('area'),
    profile ? [field('experience'), full ? [field('specialization'), field('companyType')] : null,
      el('details', { class: 'more', part: 'details', open: openDetails }, [
        el('summary', {}, full ? 'Skills, technologies, certifications' : 'Specialization, company, skills'),
        full ? null : el('div', { class: 'grid' }, [field('specialization'), field('companyType')]),
        field('skills'), field('technologies'), field('certifications'),
      ])] : null,
    el('p', { class: 'privacy' }, 'Everything is computed in your browser; nothing you type is sent anywhere.'),
  ]);
  const outputs = new Map();
  const sections = panels.map((p) => {
    const out = p.code ? el('div', { class: 'output', 'data-output': p.name }) : null;
    if (out) outputs.set(p.name, out);
    return el('section', { class: `panel panel-${p.name}`, part: `panel panel-${p.name}`, 'data-panel': p.name }, [
      el('h2', { id: `h-${p.name}` }, p.title),
      p.code?.controls ? el('div', { class: 'controls' }, p.code.controls({ field, values: v })) : null,
      out || el('p', { class: 'panel-error', part: 'error' },
        `This part could not be loaded (${p.error?.message || p.error}). Reloading the page may help.`),
    ]);
  });
  const live = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-live': '' });
  const root = el('div', { class: `root ${full ? 'full' : 'compact'}`, part: 'root', 'data-view': view }, [
    notice ? el('p', { class: 'notice', role: 'alert', part: 'error', 'data-dataset-error': '' }, notice) : null,
    el('div', { class: 'layout' }, [form, el('div', { class: 'results', part: 'results' }, sections)]),
    live,
  ]);
  return { root, outputs, live };
}

/**
 * The citation links for source ids: to the sources panel when one is shown (`inPage`), else to
 * the source's own page, numbered as listed. Adds the ids found to `cited`.
 */
export function citations(ids, sourceById, cited, inPage) {
  const links = [...new Set(ids)].map((id) => {
    const src = sourceById.get(id);
    if (!src) return h('span', { class: 'cite' }, `[${id}]`);
    cited.add(id);
    const hidden = h('span', { class: 'visually-hidden' }, ` ${src.publisher}: ${src.title}`);
    if (inPage) return h('a', { class: 'cite', href: `#source-${id}`, 'data-source': id }, [`[${src.number}]`, hidden]);
    if (safeHref(src.url)) return h('a', { class: 'cite', href: safeHref(src.url), rel: 'noopener noreferrer', target: '_blank' }, [`[${src.number}]`, hidden]);
    return h('span', { class: 'cite', title: `${src.publisher}: ${src.title}` }, [`[${src.number}]`, hidden]);
  });
  return h('span', { class: 'cites' }, links);
}
