// A place field's behaviour: suggestions as the visitor types (place-search.js), chosen with the
// keyboard or the pointer, in the ARIA combobox pattern (an input that controls a listbox, the
// active option named by aria-activedescendant). Imported by places.js the first time a place
// field is focused (or holds a value that needs the search); each field's input is enhanced once.
// Choosing a place puts its name in the input and fires `change`, which the widget reads as any
// typed value (fields.js parseField).
import { placeIndex, search, resolve } from './place-search.js';
import { el } from './dom.js';
import { addSheet } from './sheets.js';
import { compareText } from './format.js';

// Its look, added to a widget's styles the first time one of its place fields is enhanced (so the
// widget's own stylesheet does not carry it for visitors who never look for a place).
const CSS = `.f-area, .f-compareTo { position: relative; }
.suggestions { position: absolute; z-index: 2; inset-inline: 0; top: 100%; max-height: 16em; overflow: auto; margin: 2px 0 0; padding: .25em 0; list-style: none; background: var(--_bg); border: 1px solid var(--_border); border-radius: 6px; box-shadow: 0 4px 12px #0003; }
.suggestions li { padding: .3em .6em; cursor: pointer; }
.suggestions li[aria-selected=true], .suggestions li:hover { background: var(--_surface); outline: 2px solid var(--_accent); outline-offset: -2px; }
.suggestions .via { color: var(--_muted); }`;
const searchers = new WeakMap();
/** The search over a Calculator's listings: {resolve(text), suggest(text)} (made once per listings). */
export function searcher(L) {
  let s = searchers.get(L);
  if (!s) {
    const index = placeIndex(L.areas);
    // Before anything is typed: the nation and the states, as a menu of places would list them.
    const browse = L.areas.filter((a) => a.kind === 'state').sort((a, b) => compareText(a.name, b.name));
    s = {
      resolve: (text) => resolve(index, text),
      suggest: (text) => (text.trim() ? search(index, text, 8) : [L.areaByCode.get('US'), ...browse]),
    };
    searchers.set(L, s);
  }
  return s;
}

const enhanced = new WeakSet();

/**
 * Gives a place field's input (fields.js buildField: role=combobox, aria-controls its listbox)
 * its suggestions. `listings()`: the widget's current listings; `nationLabel`: what the field
 * calls the nation.
 */
export function enhance(input, listings, nationLabel) {
  if (enhanced.has(input)) return;
  enhanced.add(input);
  const root = input.getRootNode();
  addSheet(root, CSS, 'places');
  const list = root.getElementById(input.getAttribute('aria-controls'));
  let items = [], active = -1, shownFor = null;
  const label = (p) => (p.kind === 'nation' ? nationLabel : p.name);

  const show = (text) => {
    items = searcher(listings()).suggest(text);
    active = -1;
    shownFor = input.value;
    list.replaceChildren(...items.map((p, i) => el('li', { id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
      [label(p), p.county ? el('span', { class: 'via' }, ` (${p.county})`) : null])));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    input.removeAttribute('aria-activedescendant');
  };
  const hide = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const move = (to) => {
    if (!items.length) return;
    active = (to + items.length) % items.length;
    for (const [i, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(i === active));
    input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    list.children[active].scrollIntoView({ block: 'nearest' });
  };
  const commit = () => input.dispatchEvent(new Event('change', { bubbles: true }));
  const choose = (i) => {
    input.value = label(items[i]);
    hide();
    commit();
  };

  input.addEventListener('input', () => show(input.value));
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      // Not typed into yet (it shows the chosen place): every state, as a menu would.
      if (!open) show(shownFor === input.value ? input.value : '');
      move(e.key === 'ArrowDown' ? active + 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (open && active >= 0) choose(active);
      else { hide(); commit(); }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      hide();
    }
  });
  input.addEventListener('blur', hide);
  input.addEventListener('click', () => { if (list.hidden) show(''); });
  // Typed into before this module was in: its suggestions now.
  if (root.activeElement === input && input.value !== input.dataset.shown) show(input.value);
  list.addEventListener('mousedown', (e) => e.preventDefault()); // the focus stays in the input
  list.addEventListener('click', (e) => {
    const option = e.target.closest('[role="option"]');
    if (option) choose(Number(option.dataset.index));
  });
}
