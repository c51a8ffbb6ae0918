// Reads records.schema (the wire format, declared once) and generates the JavaScript that reads
// its records: at build time, when salary-core.mjs imports './wasm/records.schema' (the esbuild
// plugin in scripts/assemble-dist.mjs). Generated rather than interpreted: the readers are then
// plain object literals, as fast as hand-written ones, and the page's CSP allows no `new Function`.
// The C++ side checks its writers against the same file (tests/wire/record_schema.hpp).

const SCALARS = new Set(['number', 'flag', 'string']);
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A field's type as data: {kind: 'number'|'flag'|'string'}, {kind: 'optional', of}, {kind: 'list',
 * of}, {kind: 'map'}, {kind: 'tuple', size}, {kind: 'flags', names}, {kind: 'record', name},
 * {kind: 'optionalRecord', name} or {kind: 'spread', name}. Null if the text is none of these.
 */
export function parseType(text) {
  if (SCALARS.has(text)) return { kind: text };
  if (text === 'number?' || text === 'string?') return { kind: 'optional', of: text.slice(0, -1) };
  if (text === 'number{}') return { kind: 'map' };
  let m = /^number\[([1-9][0-9]?)\]$/.exec(text);
  if (m) return { kind: 'tuple', size: Number(m[1]) };
  m = /^flags\(([A-Za-z0-9,]+)\)$/.exec(text);
  if (m) return { kind: 'flags', names: m[1].split(',') };
  if (text.endsWith('*')) {
    const of = parseType(text.slice(0, -1));
    return of && (SCALARS.has(of.kind) || of.kind === 'record') ? { kind: 'list', of } : null;
  }
  m = /^(\.\.\.)?([A-Za-z][A-Za-z0-9]*)(\?)?$/.exec(text);
  if (!m || (m[1] && !m[3])) return null;
  return { kind: m[1] ? 'spread' : m[3] ? 'optionalRecord' : 'record', name: m[2] };
}

/**
 * The records of a schema's text: a Map from record name to its fields [{name, type, line}], in
 * order. Throws an Error naming the line of anything it cannot take: an unknown type, a field
 * outside a record, a name used twice, a record that is referred to but not declared.
 */
export function parseSchema(text) {
  const records = new Map();
  let current = null;
  const fail = (line, message) => { throw new Error(`records.schema:${line}: ${message}`); };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1, content = raw.replace(/#.*/, '').trimEnd();
    if (content.trim() === '') return;
    const words = content.trim().split(/\s+/);
    if (!/^\s/.test(content)) { // a record's name
      if (words.length !== 1 || !NAME.test(words[0])) fail(line, `expected a record name, got "${content}"`);
      if (records.has(words[0])) fail(line, `record ${words[0]} is declared twice`);
      current = [];
      records.set(words[0], current);
      return;
    }
    if (!current) fail(line, 'a field before any record');
    if (words.length !== 2 || !NAME.test(words[0])) fail(line, `expected "name type", got "${content.trim()}"`);
    const type = parseType(words[1]);
    if (!type) fail(line, `unknown type "${words[1]}"`);
    if (current.some((f) => f.name === words[0])) fail(line, `field ${words[0]} is declared twice`);
    current.push({ name: words[0], type, line });
  });
  for (const [name, fields] of records) {
    if (!fields.length) fail(0, `record ${name} has no fields`);
    for (const { type, line } of fields) {
      const ref = type.name ?? type.of?.name;
      if (ref && !records.has(ref)) fail(line, `no record named ${ref}`);
    }
  }
  return records;
}

// ---- the reader's source ----
const PRIMITIVE = { number: 'num', flag: 'flag', string: 'str' };
const id = (record) => `r_${record}`;
const key = (name) => JSON.stringify(name);
// A record with a part that may be left out is read by statements; the others by one literal.
const needsStatements = (fields) => fields.some((f) => f.type.kind === 'optionalRecord' || f.type.kind === 'spread');

/**
 * The results only the full wasm module computes (web/wasm/bindings.cpp, SALARY_WITH_TAX): their
 * readers go with that module's glue (web/wasm/full-records.mjs), not into salary-core.mjs, which
 * every page downloads.
 */
export const FULL_MODULE_RECORDS = ['costOfLiving', 'localities', 'takeHome', 'totalComp'];

/**
 * An ES module that exports one reader per record that no other record contains (the
 * Calculator's results and `error`), named as the record: each returns the record at the reading
 * position of `primitives` (a module path exporting num, flag, str, optNum, optStr, list and keyed:
 * web/wasm/record-reader.mjs) as a plain object, and moves past it. A record contained once is
 * read in place, as a hand-written reader would; one contained more often has a reader of its own.
 * `only`: which of those records to export (with what they contain); default all.
 */
export function readerSource(records, primitives, only = null) {
  const uses = new Map([...records.keys()].map((name) => [name, 0]));
  for (const fields of records.values()) {
    for (const { type } of fields) {
      const ref = type.name ?? type.of?.name;
      if (ref) uses.set(ref, uses.get(ref) + 1);
    }
  }
  const inPlace = (name) => uses.get(name) === 1;
  const hoisted = [];

  const literal = (fields) => `{ ${fields.map((f) => `${key(f.name)}: ${value(f.type)}`).join(', ')} }`;
  // Statements that read `fields` into the object `o`, from the first that may be left out.
  const statements = (fields) => fields.map((f) => {
    const { kind, name } = f.type;
    if (kind === 'spread' && inPlace(name) && !needsStatements(records.get(name))) {
      return `if (flag()) { ${records.get(name).map((g) => `o[${key(g.name)}] = ${value(g.type)};`).join(' ')} }`;
    }
    if (kind === 'spread') return `if (flag()) Object.assign(o, ${record(name)});`;
    if (kind === 'optionalRecord') return `if (flag()) o[${key(f.name)}] = ${record(name)};`;
    return `o[${key(f.name)}] = ${value(f.type)};`;
  }).join(' ');
  /** A function that reads a record with these fields. */
  function reader(fields) {
    if (!needsStatements(fields)) return `() => (${literal(fields)})`;
    const at = fields.findIndex((f) => f.type.kind === 'optionalRecord' || f.type.kind === 'spread');
    return `() => { const o = ${literal(fields.slice(0, at))}; ${statements(fields.slice(at))} return o; }`;
  }
  /** The expression that reads the record `name`: in place, or a call of its reader. */
  const record = (name) => (inPlace(name) && !needsStatements(records.get(name)) ? `(${literal(records.get(name))})` : `${id(name)}()`);
  /** The expression that reads a value of `type` (in an object literal or an assignment). */
  function value(type) {
    switch (type.kind) {
      case 'number': case 'flag': case 'string': return `${PRIMITIVE[type.kind]}()`;
      case 'optional': return type.of === 'number' ? 'optNum()' : 'optStr()';
      case 'list': {
        const item = type.of;
        if (item.kind !== 'record') return `list(${PRIMITIVE[item.kind]})`;
        return `list(${inPlace(item.name) ? reader(records.get(item.name)) : id(item.name)})`;
      }
      case 'map': return 'keyed(num)';
      case 'tuple': return `[${Array(type.size).fill('num()').join(', ')}]`;
      case 'flags': {
        hoisted.push(`const names${hoisted.length} = ${JSON.stringify(type.names)};`);
        return `names${hoisted.length - 1}.filter(flag)`;
      }
      case 'record': return record(type.name);
      default: throw new Error(`no expression for ${type.kind}`);
    }
  }

  // Readers of their own: the records no other contains, and those contained more than once or
  // read by statements where they are contained.
  const own = [...records.keys()].filter((name) => !inPlace(name) || (needsStatements(records.get(name))
    && [...records.values()].some((fields) => fields.some((f) => f.type.name === name))));
  // The records `only` reaches, itself included.
  const reached = new Set();
  const reach = (name) => {
    if (reached.has(name)) return;
    reached.add(name);
    for (const { type } of records.get(name)) if (type.name ?? type.of?.name) reach(type.name ?? type.of.name);
  };
  for (const name of only ?? records.keys()) reach(name);
  const mine = own.filter((name) => reached.has(name));
  const readers = mine.map((name) => `const ${id(name)} = ${reader(records.get(name))};`);
  const roots = mine.filter((name) => uses.get(name) === 0);
  return [
    '// Generated from web/wasm/records.schema by web/wasm/schema.mjs.',
    `import { num, flag, str, optNum, optStr, list, keyed } from ${JSON.stringify(primitives)};`,
    ...hoisted, ...readers,
    `export { ${roots.map((name) => `${id(name)} as ${name}`).join(', ')} };`,
    '',
  ].join('\n');
}
