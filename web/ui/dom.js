// Tiny DOM builders. Text always goes in as text nodes (never innerHTML), attributes through
// setAttribute (never a `style` attribute: the page's CSP has no 'unsafe-inline' for styles).
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (name === 'props') {
      Object.assign(el, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends nodes and strings (as text); nested arrays are flattened, null/false skipped. */
export function append(parent, children) {
  if (children === undefined || children === null || children === false) return parent;
  if (!Array.isArray(children)) children = [children];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** h('p', {class: 'x'}, ['text', node]) */
export const h = (tag, attrs, children) => build(document.createElement(tag), attrs, children);

/** The SVG twin of h(). */
export const s = (tag, attrs, children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

/** A dataset URL if it is http(s), else null (a custom dataset must not smuggle in javascript:). */
export const safeHref = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);

/** A table from a header row and body rows; cells are nodes, strings or {content, attrs}. */
export function table({ caption, head, rows, className, part = 'table' }) {
  const cell = (tag, c, scope) => {
    const spec = c && typeof c === 'object' && !(c instanceof Node) && !Array.isArray(c) ? c : { content: c };
    return h(tag, { scope, ...spec.attrs }, spec.content);
  };
  return h('table', { class: className, part }, [
    caption ? h('caption', {}, caption) : null,
    head ? h('thead', {}, h('tr', {}, head.map((c) => (c && c.nodeName === 'TH' ? c : cell('th', c, 'col'))))) : null,
    h('tbody', {}, rows.map((r) => h('tr', r.attrs || {}, r.cells.map((c, i) => cell(i === 0 ? 'th' : 'td', c, i === 0 ? 'row' : undefined))))),
  ]);
}

/**
 * A horizontally scrollable, keyboard-focusable wrapper for wide tables at narrow widths. A named
 * group, not a region: several widgets on one page must not repeat landmarks.
 */
export const scroller = (label, child) => h('div', { class: 'scroll', role: 'group', 'aria-label': label, tabindex: '0' }, child);
