// Tiny DOM builders. Text always goes in as text nodes (never innerHTML), attributes through
// setAttribute (never a `style` attribute: the page's CSP has no 'unsafe-inline' for styles).
// No listeners on built nodes: the widget listens on its shadow root, so morph() can keep old nodes.
//
// h() and s() describe an element (a VNode) rather than make one: a panel re-rendered on every
// keystroke describes a few hundred elements, and morph() compares the description with what is on
// screen, creating a node only where there is none to keep. Building real detached nodes first
// cost more than the comparison itself. el() makes real nodes, for the widget's structure.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** What h() and s() return: a tag, its attributes as strings, and its children (VNodes, strings, Nodes). */
export class VNode {
  constructor(tag, svg, attrs, children) {
    this.tag = tag;
    this.svg = svg;
    this.attrs = {};
    for (const name in attrs) {
      const value = attrs[name];
      if (value !== null && value !== undefined && value !== false) this.attrs[name] = value === true ? '' : String(value);
    }
    this.children = flatten(children, []);
  }
}

/**
 * Children as a flat list: nested arrays flattened, null/undefined/false skipped, numbers as
 * text, and neighbouring strings joined into one, as the HTML parser joins them, so that markup
 * rendered at build time and parsed again compares equal to a fresh description of it.
 */
function flatten(children, out) {
  if (children === null || children === undefined || children === false) return out;
  if (!Array.isArray(children)) children = [children];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child, out);
    else if (child instanceof VNode || child instanceof Node) out.push(child);
    else {
      const text = String(child);
      if (text === '') continue;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += text;
      else out.push(text);
    }
  }
  return out;
}

/** h('p', {class: 'x'}, ['text', h('strong', {}, 'y')]) */
export const h = (tag, attrs, children) => new VNode(tag, false, attrs, children);

/** The SVG twin of h(). */
export const s = (tag, attrs, children) => new VNode(tag, true, attrs, children);

/** A real node for a description (a string becomes a text node; a Node is itself). */
export function create(v) {
  if (typeof v === 'string') return document.createTextNode(v);
  if (!(v instanceof VNode)) return v;
  const node = v.svg ? document.createElementNS(SVG_NS, v.tag) : document.createElement(v.tag);
  for (const name in v.attrs) node.setAttribute(name, v.attrs[name]);
  for (const child of v.children) node.append(create(child));
  return node;
}

/** A real element at once: el('p', {class: 'x'}, [...]) (children may be real nodes). */
export const el = (tag, attrs, children) => create(h(tag, attrs, children));

/**
 * Makes `parent`'s children look like `next` (descriptions, strings, or nodes) by changing only
 * what differs. Re-rendering a panel on every keystroke then costs the browser a text change here
 * and an attribute there instead of styling and laying out hundreds of new elements, and the
 * nodes that stay keep their focus and selection.
 */
export function morph(parent, next) {
  let cur = parent.firstChild;
  for (const v of flatten(next, [])) {
    const following = cur && cur.nextSibling;
    if (!cur) parent.append(create(v));
    else if (!canKeep(cur, v)) parent.replaceChild(create(v), cur);
    else if (typeof v === 'string') {
      if (cur.data !== v) cur.data = v;
    } else if (v instanceof VNode) patch(cur, v);
    cur = following;
  }
  while (cur) {
    const following = cur.nextSibling;
    cur.remove();
    cur = following;
  }
}

/** Whether `node` can be updated in place to look like `v` (the same kind of node, or `v` itself). */
function canKeep(node, v) {
  if (typeof v === 'string') return node.nodeType === Node.TEXT_NODE;
  if (v instanceof VNode) return node.localName === v.tag && (node.namespaceURI === SVG_NS) === v.svg;
  return node === v;
}

function patch(node, v) {
  // getAttributeNames(), not .attributes: the latter makes an Attr object per attribute (slow).
  // A <details> the visitor opened stays open.
  for (const name of node.getAttributeNames()) {
    if (!(name in v.attrs) && !(name === 'open' && v.tag === 'details')) node.removeAttribute(name);
  }
  for (const name in v.attrs) if (node.getAttribute(name) !== v.attrs[name]) node.setAttribute(name, v.attrs[name]);
  morph(node, v.children);
}

/** A dataset URL if it is http(s), else null (a custom dataset must not smuggle in javascript:). */
export const safeHref = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);

/** A table from a header row and body rows; cells are descriptions, strings or {content, attrs}. */
export function table({ caption, head, rows, className, part = 'table' }) {
  const cell = (tag, c, scope) => {
    const spec = c && typeof c === 'object' && !(c instanceof VNode) && !Array.isArray(c) ? c : { content: c };
    return h(tag, { scope, ...spec.attrs }, spec.content);
  };
  return h('table', { class: className, part }, [
    caption ? h('caption', {}, caption) : null,
    head ? h('thead', {}, h('tr', {}, head.map((c) => (c instanceof VNode && c.tag === 'th' ? c : cell('th', c, 'col'))))) : null,
    h('tbody', {}, rows.map((r) => h('tr', r.attrs || {}, r.cells.map((c, i) => cell(i === 0 ? 'th' : 'td', c, i === 0 ? 'row' : undefined))))),
  ]);
}

/**
 * A horizontally scrollable, keyboard-focusable wrapper for wide tables at narrow widths. A named
 * group, not a region: several widgets on one page must not repeat landmarks.
 */
export const scroller = (label, child) => h('div', { class: 'scroll', role: 'group', 'aria-label': label, tabindex: '0' }, child);
