// The tax rules of data/tax/*.json, turned into the dataset's tax tables (docs/dataset.md, "tax"):
// each state's income tax items, pre-tax exclusions and not-modelled list (added to the state
// tables built from ../shared/data/tax), the state payroll programs, the local income taxes and
// the contribution limits. Every figure in those files names its source; this checks that each
// one does and that the source exists, and stops the build on anything else it cannot place.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILES = ['state-income-tax-items-2025-2026.json', 'state-payroll-2025-2026.json', 'local-income-tax-2025-2026.json',
  'contribution-limits-2025-2026.json'];

function fail(message) {
  throw new Error(`tax-build.mjs: ${message}`);
}

const read = (name) => JSON.parse(readFileSync(join(HERE, 'tax', name), 'utf8'));
const round = (x, digits = 10) => Number(x.toFixed(digits));

/** The sources of all four files, checked for clashes with each other and with the dataset's. */
function collectSources(docs, existing) {
  const out = {};
  for (const [file, doc] of Object.entries(docs)) {
    for (const [id, s] of Object.entries(doc.sources ?? {})) {
      if (existing[id] || out[id]) fail(`${file}: source id "${id}" is defined twice`);
      if (!s.publisher || !s.title) fail(`${file}: source "${id}" needs a publisher and a title`);
      out[id] = Object.fromEntries(['publisher', 'title', 'released', 'url', 'note'].filter((k) => s[k]).map((k) => [k, s[k]]));
    }
  }
  return out;
}

/** Every `source` a value names must be a known source; returns the value's own fields. */
function checkedSource(where, id, known) {
  if (!id) fail(`${where}: has no source`);
  if (!known.has(id)) fail(`${where}: unknown source "${id}"`);
  return id;
}

const joinNotes = (...notes) => notes.filter(Boolean).join(' ') || undefined;
const appliesTo = (entry, year) => !entry.years || entry.years.includes(year);

function buildItems(doc, years, known) {
  const byState = {};
  for (const [code, spec] of Object.entries(doc.states)) {
    for (const year of years) {
      const items = [];
      for (const item of spec.items ?? []) {
        const y = item.years?.[year];
        if (!y) continue;
        const { source, note, ...values } = y;
        items.push({ id: item.id, kind: item.kind, label: item.label,
          source: checkedSource(`items ${code}/${item.id}/${year}`, source, known), note: joinNotes(item.note, note), ...values });
      }
      const out = { items };
      if (spec.pretax) out.pretax = { ...spec.pretax, source: checkedSource(`items ${code}/pretax`, spec.pretax.source, known) };
      for (const key of ['base', 'standard_deduction']) {
        if (spec[key]) out[key] = { ...spec[key], source: checkedSource(`items ${code}/${key}`, spec[key].source, known) };
      }
      out.not_modelled = (spec.not_modelled ?? []).filter((n) => appliesTo(n, year)).map((n) => n.text);
      byState[year] = { ...byState[year], [code]: out };
    }
  }
  return byState;
}

function buildPayroll(doc, years, federal, known) {
  const out = Object.fromEntries(years.map((y) => [y, {}]));
  for (const p of doc.programs) {
    for (const year of years) {
      const y = p.years[year];
      if (!y) continue;
      const where = `payroll ${p.state}/${p.id}/${year}`;
      const program = { id: p.id, label: p.label, source: checkedSource(where, y.source, known), note: joinNotes(p.note, y.note),
        rate: round((y.rate ?? 0) * (y.employee_share ?? 1)), wages: p.wages };
      if (y.wage_base === 'social_security') program.wage_base = federal.years[year].social_security.wage_base;
      else if (y.wage_base !== undefined) program.wage_base = y.wage_base;
      if (y.weekly_max !== undefined) program.annual_max = round(52 * y.weekly_max, 2);
      if (y.annual_max !== undefined) program.annual_max = y.annual_max;
      if (y.per_hour !== undefined) program.per_hour = y.per_hour;
      if (y.quarterly) {
        if (y.quarterly.length !== 4) fail(`${where}: quarterly needs four amounts`);
        program.per_year = round(y.quarterly.reduce((a, b) => a + b, 0), 2);
      }
      (out[year][p.state] ??= []).push(program);
    }
  }
  return out;
}

function localTax(tax, year, where, known, sources) {
  let y = tax.years[year];
  let note = joinNotes(tax.note);
  if (y?.from) {
    const from = tax.years[y.from];
    if (!from || from.from) fail(`${where}: "from" must name a year with figures`);
    note = joinNotes(note, y.note);
    y = { ...from, source: y.source, note: undefined };
  }
  if (!y) fail(`${where}: no figures`);
  const { source, note: yearNote, half_year_rates: halves, exemption_source: exemptionSource,
    fixed_above_source: fixedAboveSource, ...values } = y;
  if (halves) values.rate = round((halves[0] + halves[1]) / 2);
  // A figure from another publication than the tax's own: named in the note.
  for (const [id, what] of [[exemptionSource, 'The exemption amount'], [fixedAboveSource, 'The income above which it is due']]) {
    if (!id) continue;
    checkedSource(where, id, known);
    const s = sources[id];
    note = joinNotes(note, `${what} is from ${s.publisher}, ${s.title}.`);
  }
  const out = { id: tax.id, label: tax.label, base: tax.base, source: checkedSource(where, source, known),
    note: joinNotes(note, yearNote), ...values };
  if (tax.pretax) out.pretax = { ...tax.pretax, source: checkedSource(`${where}/pretax`, tax.pretax.source, known) };
  if (tax.credits) {
    out.credits = tax.credits.map((c) => {
      const cy = c.years[year];
      const { source: cs, note: cn, ...cv } = cy;
      return { id: c.id, kind: c.kind, label: c.label, source: checkedSource(`${where}/${c.id}`, cs, known),
        note: joinNotes(c.note, cn), ...cv };
    });
  }
  return out;
}

function buildLocal(doc, years, known, sources) {
  const out = Object.fromEntries(years.map((y) => [y, {}]));
  for (const [code, spec] of Object.entries(doc.states)) {
    for (const year of years) {
      out[year][code] = {
        required: spec.required || undefined,
        localities: spec.localities.map((l) => ({ id: l.id, name: l.name, kind: l.kind, note: l.note,
          taxes: l.taxes.map((t) => localTax(t, year, `local ${code}/${l.id}/${t.id}/${year}`, known, sources)) })),
      };
    }
  }
  return out;
}

function buildLimits(doc, known) {
  const years = {};
  for (const [year, y] of Object.entries(doc.years)) {
    checkedSource(`limits ${year}/hsa catch-up`, y.hsa.catch_up_source, known);
    const { catch_up_source: _, ...hsa } = y.hsa;
    years[year] = {
      retirement: { ...y.retirement, source: checkedSource(`limits ${year}/retirement`, y.retirement.source, known) },
      hsa: { ...hsa, source: checkedSource(`limits ${year}/hsa`, y.hsa.source, known) },
      fsa: { ...y.fsa, source: checkedSource(`limits ${year}/fsa`, y.fsa.source, known) },
    };
  }
  return { years };
}

/**
 * Adds the rules to the dataset: `tax` is { federal, states } as built from ../shared/data/tax,
 * `sources` the dataset's sources. Returns the new sources and the full tax object.
 */
export function buildTaxRules(tax, sources) {
  const docs = Object.fromEntries(FILES.map((f) => [f, read(f)]));
  const newSources = collectSources(docs, sources);
  const known = new Set([...Object.keys(sources), ...Object.keys(newSources)]);
  const allSources = { ...sources, ...newSources };
  const years = Object.keys(tax.states.years);
  const [items, payroll, local, limits] = FILES.map((f) => docs[f]);

  const stateRules = buildItems(items, years, known);
  const states = { source: tax.states.source, years: {} };
  for (const year of years) {
    states.years[year] = {};
    for (const [code, table] of Object.entries(tax.states.years[year])) {
      const rules = stateRules[year]?.[code] ?? { items: [], not_modelled: [] };
      const out = { ...table };
      // The shared table's note that local taxes are left out is no longer true where the local
      // file has the state's localities.
      if (local.states[code] && /local|city|county/i.test(out.note ?? '')) delete out.note;
      // A base or deduction the rules change: the state's note says so and names the source.
      for (const key of ['base', 'standard_deduction']) {
        const change = rules[key];
        if (!change) continue;
        if (key === 'base') out.base = change.value;
        else delete out.standard_deduction;
        const s = allSources[change.source];
        out.note = joinNotes(out.note, `${change.note} (${s.publisher}, ${s.title}.)`);
      }
      const notModelled = [...rules.not_modelled];
      for (const doc of [payroll, local]) {
        for (const n of doc.not_modelled ?? []) if (n.state === code && appliesTo(n, year)) notModelled.push(n.text);
      }
      if (rules.pretax) out.pretax = rules.pretax;
      if (rules.items.length) out.items = rules.items;
      if (notModelled.length) out.not_modelled = notModelled;
      states.years[year][code] = out;
    }
    for (const code of Object.keys(stateRules[year] ?? {})) {
      if (!tax.states.years[year][code]) fail(`items: ${code} has no income tax table for ${year}`);
    }
  }
  return {
    sources: newSources,
    tax: { federal: tax.federal, states, payroll: { years: buildPayroll(payroll, years, tax.federal, known) },
      local: { years: buildLocal(local, years, known, allSources) }, limits: buildLimits(limits, known) },
  };
}

export const TAX_RULE_FILES = FILES.map((f) => resolve(HERE, 'tax', f));
