/**
 * The fast parser (js-yaml) and the full one (yaml) must read every file to the same data,
 * or a spec would mean different things depending on which one read it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fastParse } from '../../generator/yaml/parsers.js';

const SEED = Number(process.env.FC_SEED ?? 20261123);
const full = (text: string) => JSON.parse(JSON.stringify(parse(text, { merge: true, uniqueKeys: true }) ?? null));
const fast = (text: string) => JSON.parse(JSON.stringify(fastParse(text)?.data ?? null));

/** Plain scalars whose type depends on the YAML schema: the classic places for parsers to differ. */
const SCALARS = [
  '1_000',
  '0o17',
  '0x1F',
  '+12',
  '.5',
  '1e3',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '~',
  'null',
  'Null',
  'NULL',
  '2024-01-01',
  '12:30',
  '0b101',
  '-.inf',
  '.NaN',
  '010',
  'True',
  'FALSE',
  '0.',
  '+.inf',
  '1.0e+3',
  '-0',
  '0x_1',
  '1,000',
  '"quoted"',
  "'single'",
  '',
  'a b',
];

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ minLength: 1 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('fast and full YAML parsers', () => {
  it.each(SCALARS)('read the plain scalar %j the same way', (scalar) => {
    const text = `key: ${scalar}\nlist: [${scalar || '""'}]\n`;
    expect(fastParse(text)).toBeDefined();
    expect(fast(text)).toEqual(full(text));
  });

  it('read any document the same way, in block and flow style (100 random documents each)', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 0), (value, flowLevel) => {
        const text = stringify(value, flowLevel === 0 ? { collectionStyle: 'flow' } : undefined);
        if (fastParse(text) === undefined) return; // left to the full parser: nothing to compare
        expect(fast(text)).toEqual(full(text));
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('leave anchors, aliases, merge keys, tags, tabs, duplicate keys and syntax errors to the full parser', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'base: &b {x: 1}\nc:\n  <<: *b\n',
      'v: !Ref Foo\n',
      'a:\n\tb: 1\n',
      'a: 1\na: 2\n',
      'a: [1\n',
    ]) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });
});
