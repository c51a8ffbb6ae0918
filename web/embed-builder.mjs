// The page's embed builder: choose the occupation, place, experience, pay, panels, layout and theme;
// a live widget shows the result; three snippets to copy: the script embed, the iframe embed
// (embed.html) and a link to the full calculator. Imported by page.mjs the first time the builder
// is opened, so none of it is in the page's first load or in the widget. Text only (no innerHTML).
import { load } from './salary-core.mjs';

const PANEL_NAMES = ['percentile', 'estimate', 'career', 'offer', 'offers', 'compensation', 'take-home', 'cost-of-living', 'compare', 'sources'];
const COMPACT = ['percentile', 'estimate', 'sources'];
const ATTRIBUTES = ['occupation', 'area', 'experience', 'salary', 'layout', 'panels', 'theme'];

/** An element with attributes and children (strings become text). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
  return node;
}

const option = (value, label, selected) => el('option', { value, selected: selected ? true : null }, label);

/** A labelled control in the builder's form. */
const field = (id, label, control) => el('div', { class: 'builder-field' }, el('label', { for: id }, label), control);

/** The attributes the builder's choices give, defaults left out (the widget's own defaults apply). */
export function chosenAttributes(form) {
  const data = new FormData(form);
  const panels = data.getAll('panels');
  const layout = data.get('layout');
  const attrs = {
    occupation: data.get('occupation'),
    area: data.get('area') === 'US' ? '' : data.get('area'),
    experience: data.get('experience'),
    salary: (data.get('salary') || '').replace(/[^\d.]/g, ''),
    layout: layout === 'full' ? 'full' : '',
    theme: data.get('theme'),
  };
  // Panels only when they differ from what the layout shows anyway.
  const shown = layout === 'full' ? PANEL_NAMES : COMPACT;
  if (panels.join(' ') !== shown.join(' ')) attrs.panels = panels.join(' ');
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v));
}

const escapeAttribute = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The three snippets for these attributes, with URLs relative to where this page is served. */
export function snippets(attrs, base, height) {
  const here = (path) => new URL(path, base).href;
  const attributeText = ATTRIBUTES.filter((n) => attrs[n]).map((n) => ` ${n}="${escapeAttribute(attrs[n])}"`).join('');
  const config = new URLSearchParams(ATTRIBUTES.filter((n) => attrs[n]).map((n) => [n, attrs[n]])).toString();
  const inputs = new URLSearchParams(['occupation', 'area', 'experience', 'salary'].filter((n) => attrs[n]).map((n) => [n, attrs[n]])).toString();
  return {
    script: `<script type="module" src="${here('./salary-calculator.js')}"></script>\n<salary-calculator${attributeText}></salary-calculator>`,
    iframe: `<iframe src="${here(`./embed.html${config ? `#${config}` : ''}`)}" title="Software developer salary calculator" width="100%" height="${height}" style="border: 0; max-width: 100%;" loading="lazy"></iframe>`,
    link: here(inputs ? `./#${inputs}` : './'),
  };
}

/** A snippet's box: the text, read-only, and a button that copies it. */
function output(id, label, status) {
  const text = el('textarea', { id, readonly: true, rows: '3', spellcheck: 'false' });
  const button = el('button', { type: 'button', 'data-copy': id }, 'Copy');
  button.addEventListener('click', async () => {
    text.focus();
    text.select();
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = `${label}: copied to the clipboard.`;
    } catch {
      status.textContent = `${label}: selected; copy it with your keyboard or menu.`;
    }
  });
  return el('div', { class: 'builder-output' }, el('label', { for: id }, label), text, button);
}

/** Builds the builder into `container` and keeps its preview and snippets up to date. */
export async function mountEmbedBuilder(container, { base = location.href } = {}) {
  const calc = await load({ lazy: true });
  const areas = calc.areas();
  const form = el('form', { class: 'builder-form', 'aria-label': 'Embed options' },
    field('b-occupation', 'Occupation', el('select', { id: 'b-occupation', name: 'occupation' },
      calc.occupations().map((o) => option(o.code, o.title, o.code === '15-1252')))),
    field('b-area', 'Place', el('select', { id: 'b-area', name: 'area' },
      ['nation', 'state', 'metro'].map((kind) => areas.filter((a) => a.kind === kind).map((a) => option(a.code, a.name, a.code === 'US'))))),
    field('b-experience', 'Experience', el('select', { id: 'b-experience', name: 'experience' },
      option('', 'Any level', true), calc.experienceLevels().map((l) => option(l.id, l.label)))),
    field('b-salary', 'Pay to start from (per year, optional)', el('input', { id: 'b-salary', name: 'salary', inputmode: 'numeric', autocomplete: 'off' })),
    el('fieldset', {}, el('legend', {}, 'Layout'),
      ['compact', 'full'].map((v) => el('label', {}, el('input', { type: 'radio', name: 'layout', value: v, checked: v === 'compact' }), ` ${v}`))),
    el('fieldset', {}, el('legend', {}, 'Theme'),
      [['', 'the visitor’s'], ['light', 'light'], ['dark', 'dark']].map(([v, label]) => el('label', {},
        el('input', { type: 'radio', name: 'theme', value: v, checked: v === '' }), ` ${label}`))),
    el('fieldset', { class: 'builder-panels' }, el('legend', {}, 'Parts shown'),
      PANEL_NAMES.map((p) => el('label', {}, el('input', { type: 'checkbox', name: 'panels', value: p, checked: COMPACT.includes(p) }), ` ${p.replace(/-/g, ' ')}`))));
  form.addEventListener('submit', (e) => e.preventDefault());
  const preview = el('salary-calculator', { id: 'builder-preview' });
  const status = el('p', { class: 'builder-status', role: 'status' });
  const outputs = el('div', { class: 'builder-outputs' },
    output('b-script', 'Script (sites that allow scripts)', status),
    output('b-iframe', 'Iframe (sites that allow iframes only)', status),
    output('b-link', 'Link (anywhere)', status), status);
  container.replaceChildren(el('div', { class: 'builder' }, form, el('div', { class: 'builder-preview' },
    el('p', { class: 'builder-caption' }, 'Preview'), preview), outputs));

  let layoutShown = 'compact';
  function update() {
    // Switching the layout checks the parts that layout shows.
    const layout = new FormData(form).get('layout');
    if (layout !== layoutShown) {
      layoutShown = layout;
      for (const box of form.querySelectorAll('input[name=panels]')) box.checked = layout === 'full' || COMPACT.includes(box.value);
    }
    const attrs = chosenAttributes(form);
    for (const name of ATTRIBUTES) { // (only what changed: each change makes the widget compute again)
      if (attrs[name] && preview.getAttribute(name) !== attrs[name]) preview.setAttribute(name, attrs[name]);
      else if (!attrs[name] && preview.hasAttribute(name)) preview.removeAttribute(name);
    }
    // The iframe's fixed height: what the preview takes, and room for the link below it.
    const height = Math.max(400, Math.ceil((preview.getBoundingClientRect().height + 40) / 50) * 50);
    const text = snippets(attrs, base, height);
    container.querySelector('#b-script').value = text.script;
    container.querySelector('#b-iframe').value = text.iframe;
    container.querySelector('#b-link').value = text.link;
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  preview.addEventListener('change', () => requestAnimationFrame(update)); // its height settles
  update();
  return { form, preview, update };
}
