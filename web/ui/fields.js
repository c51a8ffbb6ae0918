// Every input the widget has: how what was typed is checked, and how its control is built (with
// its label: the form's fields have theirs here, a panel gives the ones of the fields it shows). A
// field with a bad value shows a message next to itself; the widget keeps using the last good value.
import { el as h } from './dom.js';
import { parseAmount, parseNumber, money } from './format.js';
import { placeNamed, placeSearch } from './places.js';
import { livedIn } from './residence.js';
import { DEFAULTS } from '../salary-core.mjs';

const PERIOD_LABELS = { annual: 'per year', monthly: 'per month', semimonthly: 'twice a month', biweekly: 'every 2 weeks', weekly: 'per week', hourly: 'per hour' };

export const FIELDS = {
  salary: { type: 'amount', label: 'Your pay (USD)', placeholder: 'e.g. 120,000', what: 'your pay' },
  period: { type: 'choice', label: 'Paid', default: 'annual',
    options: (L) => L.payPeriods.map((p) => ({ value: p, label: PERIOD_LABELS[p] || p })) },
  occupation: { type: 'choice', label: 'Occupation', default: DEFAULTS.occupation,
    options: (L) => L.occupations.map((o) => ({ value: o.code, label: o.title })) },
  // Places are typed, with suggestions (places.js): a state, any of 530 metro and nonmetro areas,
  // a city a metro is named after, or a county.
  area: { type: 'place', label: 'Place', default: DEFAULTS.area, nation: 'United States (national)',
    placeholder: 'A state, metro area, city or county' },
  experience: { type: 'choice', label: 'Experience', default: '',
    options: (L) => [{ value: '', label: 'Any level' }, ...L.levels.map((l) => ({ value: l.id, label: `${l.label} (${l.years})` }))] },
  specialization: { type: 'choice', label: 'Specialization', default: '',
    options: (L) => [{ value: '', label: 'General / none' }, ...L.factors.filter((f) => f.kind === 'specialization').map((f) => ({ value: f.id, label: f.label }))] },
  companyType: { type: 'choice', label: 'Company type', default: '',
    options: (L) => [{ value: '', label: 'Any company' }, ...L.factors.filter((f) => f.kind === 'company_type').map((f) => ({ value: f.id, label: f.label }))] },
  skills: { type: 'set', kind: 'skill', label: 'Skills' },
  technologies: { type: 'set', kind: 'technology', label: 'Technologies' },
  certifications: { type: 'set', kind: 'certification', label: 'Certifications' },
  // The fields panels show: how each is labelled is the panel's (its controls()).
  offer: { type: 'amount', what: 'the offer' },
  bonusPercent: { type: 'number', max: 1000, what: 'the bonus', unit: '%' },
  equityGrant: { type: 'amount', what: 'the equity grant' },
  equityYears: { type: 'number', min: 0.5, max: 10, default: DEFAULTS.equityVestingYears, what: 'the vesting period', unit: 'years' },
  benefits: { type: 'amount', what: 'the benefits' },
  matchPercent: { type: 'number', max: 100, what: 'the match', unit: '%' },
  filingStatus: { type: 'choice', what: 'filing status', default: DEFAULTS.filingStatus,
    options: (L) => L.filingStatuses.map((f) => ({ value: f, label: f })) }, // labelled by the take-home panel
  taxYear: { type: 'choice', what: 'tax year', default: (L) => (L.defaultTaxYear === null ? null : String(L.defaultTaxYear)),
    options: (L) => L.taxYears.map((y) => ({ value: String(y), label: String(y) })) },
  retirement: { type: 'amount', what: 'the contribution' },
  // Its question and choices follow the place (a state; a metro's state lived in, else its principal
  // state) and the tax year, from the data: not a panel's words.
  locality: localityField('area', 'residence', 'do'),
  age: { type: 'number', min: 14, max: 120, what: 'your age', unit: 'years' },
  hsa: { type: 'amount', what: 'the HSA contribution' },
  hsaCoverage: { type: 'choice', what: 'HSA coverage', default: 'self', options: () => [{ value: 'self', label: 'self' }, { value: 'family', label: 'family' }] },
  fsa: { type: 'amount', what: 'the FSA contribution' },
  compareTo: { type: 'place', what: 'compare with', default: '', nation: 'United States (average)' },
  // The take-home panel's: where a place spanning several states has its taxes paid.
  residence: { type: 'choice', what: 'the state you live in', default: '',
    options: (L) => [{ value: '', label: 'Its main state' }, ...L.areas.filter((a) => a.kind === 'state').map((a) => ({ value: a.code, label: a.name }))] },
};

/**
 * A locality field: where one lives for the local income tax, in the place that the field `area`
 * holds (in a metro spanning several states, the one the field `residence` names, if any). Its
 * question ("`aux` you live in…", aux 'do' or 'would') and choices follow that place and the tax
 * year, from the data.
 */
export function localityField(area, residence, aux) {
  // Calculator.localities, through the listings; null until the tax tables are in.
  const of = (L, v) => L.localitiesOf?.(livedIn(L, v[area] || defaultValue(area, L), residence && v[residence]),
    v.taxYear ?? defaultValue('taxYear', L)) ?? null;
  return { type: 'choice', default: '', dependsOn: [area, ...(residence ? [residence] : []), 'taxYear'], what: 'the place you live in',
    label: (L, v) => localityQuestion(of(L, v), aux), options: (L, v) => localityChoices(of(L, v)) };
}
function localityQuestion(l, aux) {
  const places = l?.places ?? [];
  if (l?.required) return `Which ${l.stateName} county ${aux} you live in?`;
  const ask = `${aux[0].toUpperCase()}${aux.slice(1)} you live in`;
  if (places.length === 1) return `${ask} ${places[0].kind === 'city' ? 'the city of ' : ''}${places[0].name}?`;
  return places.length ? `${ask} one of these places (local income tax)?` : 'Local income tax';
}
function localityChoices(l) {
  const places = l?.places ?? [];
  const none = !l ? 'Known once the tax tables are in' : l.required ? `Choose one (every ${l.stateName} resident pays one)`
    : places.length === 1 ? 'No' : places.length ? 'None of these' : l.state ? `None modelled in ${l.stateName}` : 'Choose a state first';
  return [{ value: '', label: none }, ...places.map((p) => ({ value: p.id, label: p.name }))];
}

/** A field's label: a panel's words, else its own (worked out from the data and the other fields' values). */
const labelOf = (name, L, values, words) => words || (typeof FIELDS[name].label === 'function' ? FIELDS[name].label(L, values ?? {}) : FIELDS[name].label);

/** The fields whose choices depend on `name`'s value. */
export const dependentsOf = (name) => Object.keys(FIELDS).filter((n) => FIELDS[n].dependsOn?.includes(name));

export const defaultValue = (name, listings) => {
  const d = FIELDS[name].default;
  if (typeof d === 'function') return d(listings);
  if (d !== undefined) return d;
  return FIELDS[name].type === 'set' ? [] : null;
};

// Worked out once per listings (and values of the fields they depend on): a dataset may list
// 10,000 places (docs/dataset.md, "Limits"), too many to filter and sort again on every keystroke.
const optionsCache = new WeakMap();
const choicesOf = (spec, L, values = {}) => {
  const bySpec = optionsCache.get(L) || new Map();
  optionsCache.set(L, bySpec);
  const key = spec.dependsOn ? spec.dependsOn.map((n) => values[n]).join('|') : '';
  if (!bySpec.has(spec)) bySpec.set(spec, new Map());
  const byKey = bySpec.get(spec);
  if (!byKey.has(key)) byKey.set(key, spec.options(L, values));
  return byKey.get(key);
};
const flatOptions = (spec, L, values) => choicesOf(spec, L, values).flatMap((o) => (o.group ? o.options : [o]));

const quoted = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

/**
 * Checks a raw value (string, or array for sets). Returns {value} or {error} (sets: both); or, for
 * a place that the listings do not hold yet (a metro's code before the areas are loaded, a city to
 * search for before the search is), {wait: true}: the places are then loaded (places.js) and the
 * value checked again. A place, choice or set is only checked against listings: without them
 * (before the data is loaded) the result is {}, no value yet, so a value given early goes through
 * the same check as one given later. A choice that differs only in case ("Senior", "tx") is that
 * choice. `values`: the other fields' values, for a field whose choices depend on them.
 */
export function parseField(name, raw, listings, values) {
  const spec = FIELDS[name];
  if (spec.type === 'place') {
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text === '') return { value: defaultValue(name, listings) };
    if (!listings) return {};
    const place = placeNamed(listings, text, spec.nation);
    if (place) return { value: place.code };
    const search = placeSearch(listings);
    if (!search) return { wait: true };
    const found = search.resolve(text);
    if (found.code) return { value: found.code };
    return { error: found.choices ? `${quoted(text)} could be ${found.choices.slice(0, 3).join(' or ')}${found.choices.length > 3 ? ' or others' : ''}: pick one of the suggestions.`
      : found.several ? `${quoted(text)} matches several places: pick one of the suggestions.`
        : `No place matches ${quoted(text)}: type a state, a metro area, a city or a county.` };
  }
  if (spec.type === 'amount') {
    const r = parseAmount(raw, { what: spec.what });
    return r.empty ? { value: null } : r;
  }
  if (spec.type === 'number') {
    const r = parseNumber(raw, { min: spec.min ?? 0, max: spec.max, what: spec.what, unit: spec.unit });
    return r.empty ? { value: defaultValue(name, listings) } : r;
  }
  if (spec.type === 'choice') {
    const value = raw === null || raw === undefined ? '' : String(raw).trim();
    if (value === '') return { value: defaultValue(name, listings) };
    if (!listings) return {};
    const options = flatOptions(spec, listings, values), lower = value.toLowerCase();
    const match = options.find((o) => o.value === value) || options.find((o) => o.value.toLowerCase() === lower);
    if (match) return { value: match.value };
    // A choice of another place (the place changed since), or not known yet: none, for now.
    if (spec.dependsOn) return { value: defaultValue(name, listings) };
    return { error: `${quoted(value)} is not one of the choices for ${spec.what || spec.label.toLowerCase()}.` };
  }
  // set
  const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(',')).map((v) => String(v).trim()).filter(Boolean);
  if (!listings) return {};
  const known = listings.factors.filter((f) => f.kind === spec.kind).map((f) => f.id);
  const find = (id) => (known.includes(id) ? id : known.find((k) => k.toLowerCase() === id.toLowerCase()));
  const unknown = ids.filter((id) => !find(id));
  const value = [...new Set(ids.map(find).filter(Boolean))];
  return unknown.length ? { value, error: `Not in the data, ignored: ${unknown.slice(0, 5).join(', ')}.` } : { value };
}

/**
 * Builds the control for a field: {node, control, error} where control is the element whose value
 * is the raw value (input, select, or the fieldset of checkboxes). `label`, `placeholder` and
 * `optionLabels` (value → label, for a choice): a panel's words for a field it shows (the form's
 * own fields have theirs here). `values`: the fields' values, for one whose choices follow others.
 */
export function buildField(name, listings, { id, hint, label, placeholder, optionLabels, values } = {}) {
  const spec = { ...FIELDS[name], label: labelOf(name, listings, values, label), ...(placeholder && { placeholder }) };
  const errId = `${id}-error`, hintId = hint ? `${id}-hint` : null;
  const error = h('p', { class: 'error', id: errId, part: 'error', 'aria-live': 'polite' });
  const describedBy = [hintId, errId].filter(Boolean).join(' ');
  const hintNode = hint ? h('p', { class: 'hint', id: hintId }, hint) : null;
  if (spec.type === 'set') {
    const items = listings.factors.filter((f) => f.kind === spec.kind);
    const control = h('fieldset', { class: `field set`, part: 'field', 'data-field': name, 'aria-describedby': describedBy }, [
      h('legend', {}, spec.label),
      h('div', { class: 'checks' }, items.map((f) => h('label', { class: 'check' }, [
        h('input', { type: 'checkbox', name, value: f.id, part: 'checkbox' }), ` ${f.label}`]))),
      hintNode, error,
    ]);
    return { node: control, control, error };
  }
  let control, list = null;
  if (spec.type === 'choice') {
    control = h('select', { id, name, part: 'input select', 'aria-describedby': describedBy });
    fillOptions(name, control, listings, optionLabels, values);
  } else {
    const place = spec.type === 'place';
    // A place: a combobox whose suggestions (place-field.js, once it is focused) fill the listbox.
    if (place) list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'suggestions', part: 'listbox', hidden: true, 'aria-label': spec.label || spec.what });
    control = h('input', {
      id, name, part: 'input', type: 'text', inputmode: place ? null : 'decimal', autocomplete: 'off', spellcheck: 'false',
      role: place ? 'combobox' : null, 'aria-autocomplete': place ? 'list' : null, 'aria-expanded': place ? 'false' : null,
      'aria-controls': list && `${id}-list`, 'aria-describedby': describedBy,
      placeholder: spec.placeholder || (spec.type === 'amount' ? `e.g. ${money(10000)}` : String(spec.default ?? '')),
    });
  }
  const node = h('div', { class: `field f-${name}`, part: 'field', 'data-field': name },
    [h('label', { for: id }, spec.label), control, list, hintNode, error]);
  return { node, control, error };
}

/**
 * Puts a choice field's options into its <select> (again when the listings grew, e.g. once the
 * tax tables are in), labelled by `optionLabels` where it has one (buildField). Returns whether
 * they changed.
 */
export function fillOptions(name, target, listings, optionLabels = {}, fieldValues = undefined) {
  const spec = FIELDS[name];
  const flat = flatOptions(spec, listings, fieldValues);
  // A field whose choices follow others: its labels and its question change with them too.
  const values = flat.map((o) => (spec.dependsOn ? `${o.value}=${o.label}` : o.value)).join('\n');
  if (spec.dependsOn) {
    const label = target.parentNode?.querySelector('label');
    const text = labelOf(name, listings, fieldValues);
    if (label && label.textContent !== text) label.textContent = text;
  }
  if (target.dataset.options === values) return false;
  const value = target.value;
  const option = (o) => h('option', { value: o.value }, optionLabels[o.value] || o.label);
  target.replaceChildren(...choicesOf(spec, listings, fieldValues).map((o) => (o.group ? h('optgroup', { label: o.group }, o.options.map(option)) : option(o))));
  if (value) target.value = value;
  target.dataset.options = values;
  return true;
}

/** The raw value a control holds. */
export function readControl(name, control) {
  if (FIELDS[name].type === 'set') return [...control.querySelectorAll('input:checked')].map((i) => i.value);
  return control.value;
}

/**
 * Puts a raw value into a control (a select keeps its value when the raw one is not a choice; a
 * place field shows the place's name, or what was typed when it names none).
 */
export function writeControl(name, control, raw, value, listings) {
  const spec = FIELDS[name];
  if (spec.type === 'set') {
    const on = new Set(value || []);
    for (const box of control.querySelectorAll('input')) box.checked = on.has(box.value);
  } else if (spec.type === 'place') {
    const r = parseField(name, raw, listings);
    const place = 'value' in r && listings?.areaByCode.get(r.value);
    control.value = place ? (place.kind === 'nation' ? spec.nation : place.name) : r.value === '' ? '' : String(raw ?? '').trim();
    control.dataset.shown = control.value; // what it holds until the visitor types (place-field.js)
  } else if (spec.type === 'choice') {
    control.value = value ?? '';
  } else {
    control.value = raw === null || raw === undefined ? '' : String(raw);
  }
}

/** Shows each field's message (`messages`: field name → message) next to it, and marks it invalid. */
export function showErrors(controls, messages) {
  for (const [name, { control, error }] of controls) {
    const message = messages[name] || '';
    if (error.textContent !== message) error.textContent = message;
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}
