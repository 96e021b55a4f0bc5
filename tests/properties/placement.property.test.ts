/**
 * Placement stability: once a resource has a stack it keeps it. Random specs big enough to be
 * split (50-70 functions, with routes and alarms, under small random per-stack limits) are
 * built, then grown by 100 tables and shrunk by 50 functions and built again from the first
 * build's placement. Every group that still exists must be where it was, and every stack must
 * stay within the limits. 100 runs, fixed seed (FC_SEED replays another).
 */
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN } from '../../generator/sections/index.js';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import { compileSpec, readSpec } from '../../generator/pipeline/build.js';
import type { Placement } from '../../generator/placement/lock.js';
import type { StackLimits } from '../../generator/output/limits.js';
import { names, SEED } from './arbitraries.js';
import { writeProject } from './project.js';

interface Shape {
  tables: string[];
  functions: string[];
}

function specOf({ tables, functions }: Shape) {
  return {
    project: { name: 'grow', owner: 'owners', costCenter: 'cc-1' },
    tables: Object.fromEntries(tables.map((t) => [t, { partitionKey: 'id' }])),
    functions: Object.fromEntries(
      functions.map((f) => [
        f,
        { handler: 'handlers/orders.handler', tables: tables.length ? { [tables[0]]: 'read' } : {} },
      ]),
    ),
    routes: Object.fromEntries(functions.map((f) => [`GET /${f}`, f])),
    alarms: Object.fromEntries(functions.map((f) => [`${f}-errors`, { type: 'function-error-rate', function: f }])),
  };
}

function compile(shape: Shape, previous: Placement | undefined, limits: StackLimits) {
  const dir = writeProject(specOf(shape) as never, { test: {}, production: { protected: true } });
  try {
    const read = readSpec({ root: dir, specDir: join(dir, 'spec') });
    const env = resolveEnvironment('test', join(dir, 'environments'), dir, BUILTIN.schemas).env!;
    return compileSpec(read.spec!, env, previous, limits);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scenario = fc
  .record({
    tables: names(30, 5),
    functions: names(70, 50),
    added: names(130, 130),
    seedForDeletion: fc.nat(),
    limits: fc.record({
      resources: fc.integer({ min: 20, max: 120 }),
      outputs: fc.integer({ min: 5, max: 20 }),
      templateBytes: fc.constant(1_048_576),
    }),
  })
  .map((s) => {
    const existing = new Set(s.tables);
    const added = s.added
      .map((n) => `new-${n}`)
      .filter((n) => !existing.has(n))
      .slice(0, 100);
    const deleted = new Set(
      fc.sample(fc.shuffledSubarray(s.functions, { minLength: 50, maxLength: 50 }), {
        numRuns: 1,
        seed: s.seedForDeletion,
      })[0],
    );
    return { ...s, added, deleted };
  });

describe('placement', () => {
  it('keeps every existing resource in its stack after adding 100 tables and deleting 50 functions', () =>
    fc.assert(
      fc.property(scenario, (s) => {
        const before = compile({ tables: s.tables, functions: s.functions }, undefined, s.limits);
        expect(before.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(Object.values(before.placement!.stacks).some((stacks) => stacks.length > 1)).toBe(true);

        const after = compile(
          { tables: [...s.tables, ...s.added], functions: s.functions.filter((f) => !s.deleted.has(f)) },
          before.placement,
          s.limits,
        );
        expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(after.diagnostics.filter((d) => d.code === 'GEN504')).toEqual([]);
        const moved = Object.entries(before.placement!.groups).filter(
          ([group, stack]) => group in after.placement!.groups && after.placement!.groups[group] !== stack,
        );
        expect(moved).toEqual([]);
        expect(
          s.added.every(
            (t) =>
              after.placement!.groups[
                `${t
                  .split('-')
                  .map((p) => p[0].toUpperCase() + p.slice(1))
                  .join('')}Table`
              ],
          ),
        ).toBe(true);
        for (const stack of after.stacks!) expect(stack.resourceCount).toBeLessThanOrEqual(s.limits.resources);
      }),
      { numRuns: 100, seed: SEED, endOnFailure: true },
    ));
});
