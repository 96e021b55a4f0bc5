/**
 * Random valid projects that use every field of every section (tests/properties/full/): gen
 * builds each one, with the platform rules holding (the build runs them) and no warning but the
 * two the generators ask for on purpose. 100 runs, fixed seed (FC_SEED replays another).
 * cfn-lint checks 50 of them (tests/lint/cfn-lint.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from './arbitraries.js';
import { buildFull } from './full/build.js';
import { fullEnvironment, fullSpec } from './full/index.js';

/** nodejs22.x is deprecated within a year (GEN330); a consumed queue with deadLetterQueue: none (GEN-G9, GEN601). */
const EXPECTED_WARNINGS = /^(GEN330 runtime nodejs22\.x |GEN601 GEN-G9 consumed-queue-dead-letter: )/;

describe('whole projects with every field', () => {
  it('build without errors, every platform rule holding', () => {
    fc.assert(
      fc.property(fullSpec, fullEnvironment, (project, environment) => {
        const built = buildFull(project, environment);
        expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const d of built.diagnostics) expect(`${d.code} ${d.message}`).toMatch(EXPECTED_WARNINGS);
        expect(built.stacks?.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
