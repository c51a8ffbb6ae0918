// Tiny DOM builders. Text always goes in as text nodes (never innerHTML), attributes through
// setAttribute (never a `style` attribute: the page's CSP has no 'unsafe-inline' for styles).
// No listeners on built nodes: the widget listens on its shadow root, so morph() can keep old nodes.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
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

/**
 * Makes `parent`'s children look like `nodes` (freshly built, detached) by changing only what
 * differs. Re-rendering a panel on every keystroke then costs the browser a text change here and
 * an attribute there instead of styling and laying out hundreds of new elements, and the nodes
 * that stay keep their focus and selection. Nodes carry no listeners (see build()), so keeping
 * the old node for a new one loses nothing.
 */
export function morph(parent, nodes) {
  const old = [...parent.childNodes];
  nodes.forEach((next, i) => {
    const cur = old[i];
    if (!cur) parent.append(next);
    else if (cur.nodeType !== next.nodeType || cur.nodeName !== next.nodeName) parent.replaceChild(next, cur);
    else if (cur.nodeType === Node.ELEMENT_NODE) patch(cur, next);
    else if (cur.data !== next.data) cur.data = next.data;
  });
  for (let i = nodes.length; i < old.length; i++) old[i].remove();
  return parent;
}

function patch(cur, next) {
  // getAttributeNames(), not .attributes: the latter makes an Attr object per attribute (slow).
  for (const name of cur.getAttributeNames()) if (!next.hasAttribute(name)) cur.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name);
    if (cur.getAttribute(name) !== value) cur.setAttribute(name, value);
  }
  morph(cur, [...next.childNodes]);
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
