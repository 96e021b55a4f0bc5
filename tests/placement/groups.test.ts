/** groups.ts: a resource's size is exactly what it adds to the template gen writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resourceBytes } from '../../generator/placement/groups.js';
import { SEED } from '../properties/arbitraries.js';

/** The template text as stacks.ts writes it. */
const text = (resources: Record<string, unknown>) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, undefined, 2) + '\n';

describe('resourceBytes', () => {
  it('is exactly the UTF-8 bytes a resource adds to a stack (non-ASCII text included)', () => {
    const logicalId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/);
    const resource = fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue(), { maxKeys: 6 });
    fc.assert(
      fc.property(logicalId, resource, resource, (id, first, added) => {
        const before = Buffer.byteLength(text({ A0: first }));
        const after = Buffer.byteLength(text({ A0: first, [`B${id}`]: added }));
        expect(resourceBytes(`B${id}`, added)).toBe(after - before);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
