// Finding a place by what a visitor types (web/ui/place-search.js), over the shipped listings: every
// wage area by its metro name, by a city its name lists, by a county, by its code; states by name
// or code; a state after the text narrows the search; ambiguity is reported, not guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../dist/salary-core.mjs';
import { placeIndex, search, resolve, normalize } from '../../web/ui/place-search.js';

const calc = await load();
const index = placeIndex(calc.areas());
const first = (q) => search(index, q)[0];

test('every metro and nonmetro area is a place, found by its own name and by its code', () => {
  const areas = calc.areas().filter((a) => a.kind === 'metro' || a.kind === 'nonmetro');
  assert.equal(areas.length, 530);
  for (const a of areas) {
    assert.equal(resolve(index, a.name).code, a.code, a.name);
    assert.equal(resolve(index, a.code).code, a.code, a.code);
  }
});

test('the ten metros the seed articles name, by the city a visitor would type', () => {
  const cities = {
    'San Jose': '41940', Seattle: '42660', 'San Francisco': '41860', Boston: '14460', Boulder: '14500',
    Austin: '12420', Raleigh: '39580', Denver: '19740', 'washington dc': '47900', 'new york ny': null,
  };
  for (const [city, code] of Object.entries(cities)) {
    if (code) assert.equal(resolve(index, city).code, code, city);
  }
  // "New York" is the state's exact name: the state wins, and the metro is the next suggestion.
  assert.equal(resolve(index, 'New York').code, 'NY');
  assert.equal(search(index, 'New York')[1].code, '35620');
  assert.equal(first('Austin').match, 'city');
});

test('a county finds the area it lies in, with or without "County", and says which county', () => {
  assert.deepEqual(first('Travis County'), { code: '12420', name: 'Austin-Round Rock-San Marcos, TX', kind: 'metro',
    match: 'county', county: 'Travis County, TX', rank: 3 });
  assert.equal(first('travis').code, '12420');
  assert.equal(first('Sussex County, DE').code, '1000005'); // a nonmetro area
  assert.equal(first('Agana').code, '6600001'); // Guam's villages count as its counties
  assert.equal(first('Baltimore city').code, '12580');
});

test('a state after the text narrows the search; ambiguity is reported with the choices', () => {
  assert.deepEqual(resolve(index, 'Portland').choices, ['Portland-South Portland, ME', 'Portland-Vancouver-Hillsboro, OR-WA']);
  assert.equal(resolve(index, 'portland, or').code, '38900');
  assert.equal(resolve(index, 'Portland Maine').code, '38860');
  assert.equal(resolve(index, 'Austin, Texas').code, '12420');
  // A last word that looks like a state code but leaves nothing: the whole text is searched.
  assert.equal(resolve(index, 'La Crosse').code, '29100');
  assert.ok(resolve(index, 'Cook').choices.includes('Chicago-Naperville-Elgin, IL-IN'));
  // Only partial matches, in several places (Marshall County in four states): not guessed either.
  assert.deepEqual(resolve(index, 'Mars'), { several: true });
});

test('states and the nation by name or code; accents and case do not matter; nonsense finds nothing', () => {
  assert.equal(resolve(index, 'tx').code, 'TX');
  assert.equal(resolve(index, 'Washington').code, 'WA');
  assert.equal(resolve(index, 'united states').code, 'US');
  assert.equal(resolve(index, 'MAYAGUEZ').code, '32420');
  assert.equal(normalize('Mayagüez, PR'), 'mayaguez pr');
  assert.deepEqual(resolve(index, 'Atlantis'), { none: true });
  assert.deepEqual(search(index, '   '), []);
  assert.ok(search(index, 'San', 5).length === 5, 'at most the limit');
  // World regions and territories as a whole are not places to choose here: "Puerto Rico" is the
  // one wage area whose name starts so.
  assert.deepEqual(resolve(index, 'Western Europe'), { none: true });
  assert.equal(resolve(index, 'Puerto Rico').code, '7200006');
});
