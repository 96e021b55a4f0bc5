/** The README's "Platform rules" table is written by hand: it must list exactly the rules gen has, in `gen rules` order. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../generator/rules/index.js';

it('README "Platform rules" lists every rule by id and name, in order', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Platform rules$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\| (GEN-[PG]\d+) ([a-z-]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  expect(rows).toEqual(ALL_RULES.map((r) => `${r.id} ${r.name}`));
});
