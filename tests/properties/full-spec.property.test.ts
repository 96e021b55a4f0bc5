/**
 * Random valid projects that use every field of every section (tests/properties/full/): gen
 * builds each one, with the platform rules holding (the build runs them) and no warning but the
 * ones the generators ask for on purpose. 100 runs, fixed seed (FC_SEED replays another).
 * cfn-lint checks 50 of them (tests/lint/cfn-lint.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from './arbitraries.js';
import { buildFull } from './full/build.js';
import { fullProject } from './full/index.js';

/**
 * What the generators ask for on purpose: nodejs22.x is deprecated within a year (GEN330); a
 * consumed queue with deadLetterQueue: none (GEN-G9); a workflow with logs: off or tracing: false
 * (GEN-G6); a function with network: none (GEN-P4); a function using a service the network
 * (internet: none) has no endpoint for (GEN356); an express workflow calling a function that
 * may run longer than its 5 minutes (GEN352); a firewall with logs: false (GEN-G5). Platform-rule
 * warnings come as GEN601.
 */
const EXPECTED_WARNINGS = new RegExp(
  [
    'GEN330 runtime nodejs22\\.x ',
    'GEN601 GEN-G9 consumed-queue-dead-letter: ',
    'GEN601 GEN-G6 state-machine-observability: .* (logs nothing \\(level OFF\\)|is not traced \\(X-Ray\\))',
    'GEN601 GEN-P4 function-configuration: .* runs outside the private network \\(network: none\\)',
    'GEN601 GEN-G5 waf-logging: (Site|Api)WebAcl in edge(-global)?\\.template\\.json: has no logging configuration',
    "GEN352 function '[a-z0-9-]+' may run \\d+ s in environment test, but express workflow '[a-z0-9-]+' stops after 300 s",
    "GEN356 function '[a-z0-9-]+' uses .* but the network has no internet and no [a-z0-9.-]+ endpoint",
  ]
    .map((warning) => `^${warning}`)
    .join('|'),
);

describe('whole projects with every field', () => {
  it('build without errors, every platform rule holding', () => {
    fc.assert(
      fc.property(fullProject, ([project, environment]) => {
        const built = buildFull(project, environment);
        expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const d of built.diagnostics) expect(`${d.code} ${d.message}`).toMatch(EXPECTED_WARNINGS);
        expect(built.stacks?.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
