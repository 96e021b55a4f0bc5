/**
 * Fuzzed bad input: random YAML documents, junk bytes and mutations of valid specs go through
 * the loader and compiler. Every run must end in success or in positioned diagnostics, never
 * an exception, and a failed build must leave out/ as it was.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { Positions } from '../../generator/cli/report.js';
import { build } from '../../generator/pipeline/build.js';
import { gen } from '../fixtures/run-fixture.js';
import { spec } from '../properties/arbitraries.js';
import { writeProject } from '../properties/project.js';

fc.configureGlobal({ numRuns: 150, seed: Number(process.env.FC_SEED ?? 20261123) });
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Codes that are about the project as a whole and so have no position. */
const GLOBAL = new Set(['GEN311', 'GEN401', 'GEN402', 'GEN501', 'GEN502', 'GEN503', 'GEN601']);

function runOn(files: Record<string, string | Uint8Array>) {
  const dir = writeProject(
    { project: { name: 'fuzz', owner: 'o', costCenter: 'c' }, tables: {}, functions: {}, routes: {}, alarms: {} },
    { test: { logRetentionDays: 30 }, production: { protected: true } },
  );
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'spec', name), content);
  const result = build({ root: dir, specDir: join(dir, 'spec') }, 'test');
  const positions = new Positions(dir);
  for (const d of result.diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    if (GLOBAL.has(d.code)) continue;
    const p = positions.position(d);
    expect(p.file, JSON.stringify(d)).toBeDefined();
    expect(p.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** A valid spec with one random change somewhere in it. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.anything(),
      fc.constantFrom(-1, 1e308, -0, 2 ** 53 + 1, NaN, '', '🦄💥', 'x'.repeat(5000), null, [], {}),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unknown' as const), at: fc.nat(), key: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 50, max: 400 }) }),
);

function objectPaths(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...path, k]);
      objectPaths(v, [...path, k], out);
    }
  }
  return out;
}

function mutate(data: any, m: fc.Arbitrary<any> extends fc.Arbitrary<infer T> ? T : never): any {
  const copy = structuredClone(data);
  const paths = objectPaths(copy);
  const path = paths[m.at % paths.length];
  const parent = path.slice(0, -1).reduce((o: any, k) => o[k], copy);
  const key = path[path.length - 1];
  if (m.kind === 'set') parent[key] = m.value;
  if (m.kind === 'delete') delete parent[key];
  if (m.kind === 'unknown' && typeof parent[key] === 'object' && parent[key]) parent[key][m.key] = 1;
  if (m.kind === 'nest') {
    let deep: any = 'bottom';
    for (let i = 0; i < m.depth; i++) deep = { [`k${i}`]: deep };
    parent[key] = deep;
  }
  return copy;
}

describe('bad input never crashes gen', () => {
  it('random YAML documents', () =>
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (doc) => {
        runOn({ 'random.yaml': stringify(doc ?? null) });
      }),
    ));

  it('random text and bytes, including unicode and binary junk', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ maxLength: 300 }),
        ),
        (content) => {
          runOn({ 'junk.yaml': content });
        },
      ),
    ));

  it('valid specs with one random mutation', () => {
    let failed = 0;
    fc.assert(
      fc.property(spec, mutation, (s, m) => {
        const result = runOn({
          'app.yaml': stringify(
            mutate({ tables: s.tables, functions: s.functions, routes: s.routes, alarms: s.alarms }, m),
          ),
        });
        if (!result.stacks) failed++;
      }),
    );
    expect(failed).toBeGreaterThan(30); // the mutations really do break specs
  });

  it('YAML features: anchors, merge keys, duplicate keys, tabs, multiple documents', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(
          'tables:\n  a: &t\n    partitionKey: id\n  b:\n    <<: *t\n    sortKey: at\n',
          'tables:\n  a:\n    partitionKey: id\n    partitionKey: other\n',
          'tables:\n\ta:\n\t\tpartitionKey: id\n',
          'tables: {}\n---\nfunctions: {}\n',
          'tables:\n  a: *undefined\n',
          'x: &a [*a]\n',
          '%YAML 9.9\n---\ntables: {}\n',
          'tables: !!binary aGVsbG8=\n',
          '? [a, b]\n: c\n',
        ),
        fc.string({ maxLength: 20 }),
        (yamlText, noise) => {
          runOn({ 'features.yaml': yamlText + noise });
        },
      ),
      { numRuns: 100 },
    ));
});

describe('a failed build never changes out/', () => {
  let failures = 0;
  afterAll(() => expect(failures).toBeGreaterThan(3));
  it('holds for random broken specs through the CLI', () =>
    fc.assert(
      fc.property(spec, mutation, (s, m) => {
        const dir = writeProject(s, { test: { logRetentionDays: 30 }, production: { protected: true } });
        dirs.push(dir);
        expect(gen(['build', '--env', 'test'], dir).status).toBe(0);
        const snapshot = () =>
          Object.fromEntries(
            readdirSync(join(dir, 'out/test')).map((f) => [f, readFileSync(join(dir, 'out/test', f), 'utf8')]),
          );
        const before = snapshot();
        writeFileSync(
          join(dir, 'spec/app.yaml'),
          stringify(mutate({ tables: s.tables, functions: s.functions, routes: s.routes, alarms: s.alarms }, m)),
        );
        const run = gen(['build', '--env', 'test'], dir);
        expect([0, 1]).toContain(run.status);
        expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
        if (run.status === 1) {
          failures++;
          expect(snapshot()).toEqual(before);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 30 },
    ));
});
