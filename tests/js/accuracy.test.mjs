// Every goal of the accuracy report (scripts/accuracy.d/) as a test: the figures are computed
// from the built dist/ and are deterministic, so a goal that stops holding fails the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sections, calculator } from '../../scripts/accuracy.mjs';

const calc = await calculator();
for (const { name, module } of await sections()) {
  test(`accuracy: ${module.title} (${name})`, async () => {
    const { figures } = await module.measure(calc);
    assert.ok(figures.length > 0, `${name} measures nothing`);
    const failed = figures.filter((f) => !f.pass).map((f) => `${f.figure}: ${f.value} (goal ${f.goal})`);
    assert.deepEqual(failed, [], `goals that do not hold:\n${failed.join('\n')}`);
  });
}
