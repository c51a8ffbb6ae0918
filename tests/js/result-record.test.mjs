// Results cross from the core into JavaScript as one record (web/wasm/result_writer.hpp, and the
// readers generated from web/wasm/records.schema): numbers as doubles, strings sliced out of one
// decoded text. Whatever the dataset's strings contain, they must come back exactly, and no field may shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '../../dist/salary-core.mjs';

const dist = new URL('../../dist/', import.meta.url);
const shipped = () => JSON.parse(readFileSync(new URL('../../data/salary-data.json', import.meta.url), 'utf8'));

// Quotes, backslashes, every control character (NUL included), and UTF-8 of 2, 3 and 4 bytes:
// U+2028 is valid in JSON strings but not in older JavaScript source, 💶 is a surrogate pair.
const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const tricky = (name) => `${name} "quoted" \\back\\slash ${controls} Zürich – 50 % € 💶 \u2028 ${'𝄞'.repeat(3)} end`;

test('dataset strings with quotes, backslashes, control characters and any Unicode come back exactly', async () => {
  const data = shipped();
  const cloud = data.factors.specializations.find((f) => f.id === 'cloud');
  cloud.label = tricky('label');
  cloud.note = tricky('note');
  data.occupations['15-1252'].title = tricky('title');
  data.areas.CA.name = tricky('area');
  data.sources['seed-002'].title = tricky('source');
  const calc = await load({ dataset: data });

  assert.equal(calc.factors('specialization').find((f) => f.id === 'cloud').label, tricky('label'));
  assert.equal(calc.areas('state').find((a) => a.code === 'CA').name, tricky('area'));
  assert.equal(calc.sources().find((s) => s.id === 'seed-002').title, tricky('source'));

  const e = calc.estimate({ area: 'CA', experience: 'senior', specialization: 'cloud', skills: ['go'], offer: 150000 });
  const factor = e.factors.find((f) => f.id === 'cloud');
  assert.equal(factor.label, tricky('label'));
  assert.equal(factor.note, tricky('note'));
  assert.equal(e.base.occupationTitle, tricky('title'));
  assert.equal(e.base.areaName, tricky('area'));
  // The fields after the tricky strings are still in place.
  assert.deepEqual(e.factors.map((f) => f.id), ['senior', 'cloud', 'go']);
  assert.equal(factor.source, 'seed-002');
  assert.equal(e.steps.at(-1).id, 'go');
  assert.ok(e.offer.percentileInProfile > 0 && e.offer.percentileInProfile < 100);

  const p = calc.percentileOf(150000, { area: 'CA' });
  assert.equal(p.distribution.areaName, tricky('area'));
  assert.equal(p.distribution.method, 'top_coded_estimate');
});

test('an input echoed in an error message comes back as Embind passed it in', async () => {
  const calc = await load();
  for (const area of ['US\u0000', 'é💶', '"quoted" \\ area']) {
    assert.throws(() => calc.percentileOf(1, { area }), { code: 'unknown_area', message: `unknown area "${area}"` });
  }
});

test('every number of every area crosses as a finite number', async () => {
  const calc = await load();
  const numbers = (v) => (typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : []);
  for (const { code, kind } of calc.areas()) {
    if (kind === 'world_region') continue;
    let result;
    try {
      result = [calc.percentileOf(120000, { area: code }), calc.estimate({ area: code, experience: 'mid', offer: 99000 })];
    } catch (e) {
      assert.equal(e.code, 'no_data', `${code}: ${e.message}`); // metros without a wage figure
      continue;
    }
    for (const n of numbers(result)) assert.ok(Number.isFinite(n), `${code}: ${n}`);
  }
});

// The snapshot's checksum (dataset_binary.cpp): FNV-1a over the payload, in its last 8 bytes.
function resign(snapshot) {
  let h = 1469598103934665603n; // the offset basis dataset_binary.cpp uses
  for (const b of snapshot.subarray(0, snapshot.length - 8)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  snapshot.writeBigUInt64LE(h, snapshot.length - 8);
}

test('a snapshot whose strings are not UTF-8 still reads: that string decoded alone, the rest in place', async () => {
  // A copy of dist/ with one byte of a label in the binary snapshot replaced, and the checksum
  // redone: a crafted file, as pack_dataset only writes validated (UTF-8) JSON.
  const dir = mkdtempSync(join(tmpdir(), 'salary-record-'));
  try {
    cpSync(dist, dir, { recursive: true });
    const snapshot = readFileSync(join(dir, 'salary-data.bin'));
    const at = snapshot.indexOf('Cloud infrastructure');
    assert.ok(at > 0);
    snapshot[at + 5] = 0xff; // the space
    resign(snapshot);
    writeFileSync(join(dir, 'salary-data.bin'), snapshot);
    const broken = await (await import(join(dir, 'salary-core.mjs'))).load();
    const good = await load();

    const profile = { area: 'TX', experience: 'senior', specialization: 'cloud', skills: ['go', 'python'], offer: 150000 };
    const expected = good.estimate(profile);
    expected.factors.find((f) => f.id === 'cloud').label = 'Cloud\uFFFDinfrastructure';
    assert.deepEqual(broken.estimate(profile), expected);

    const listed = good.factors();
    listed.find((f) => f.id === 'cloud').label = 'Cloud\uFFFDinfrastructure';
    assert.deepEqual(broken.factors(), listed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
