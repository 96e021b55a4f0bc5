/**
 * A spec 30 times the reference (about 1,000 tables, 1,000 functions, 5,000 routes, 2,000
 * alarms): `gen build` splits it into stacks within CloudFormation's limits, the real
 * cfn-lint passes the first and last stack of every layer, and growing it by 100 tables while deleting 50 functions moves
 * nothing that was already placed. Times are measured by bench/, not here.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
// @ts-expect-error: a plain ES module shared with bench/
import { scaledProject } from '../../bench/scaled-spec.mjs';
import { pascal } from '../../generator/naming/ids.js';
import { gen, REPO } from '../fixtures/run-fixture.js';

let dir: string;
beforeAll(() => {
  dir = scaledProject(30);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const placement = () =>
  JSON.parse(readFileSync(join(dir, 'placement/test.json'), 'utf8')) as {
    stacks: Record<string, string[]>;
    groups: Record<string, string>;
  };

/** cfn-lint on two cores: half of the templates each. */
function lint(files: string[]): Promise<{ status: number | null; out: string }[]> {
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  return Promise.all(
    halves.map(
      (half) =>
        new Promise<{ status: number | null; out: string }>((done) => {
          const child = spawn(join(REPO, '.venv/bin/cfn-lint'), [
            '--config-file',
            join(REPO, '.cfnlintrc.yaml'),
            '--format',
            'parseable',
            '--',
            ...half,
          ]);
          let out = '';
          child.stdout.on('data', (d) => {
            out += d;
          });
          child.stderr.on('data', (d) => {
            out += d;
          });
          child.on('close', (status) => done({ status, out }));
        }),
    ),
  );
}

/** Delete `count` functions of the copies, with the routes and alarms that name them. */
function deleteFunctions(count: number): string[] {
  const deleted: string[] = [];
  for (const file of readdirSync(join(dir, 'spec'))
    .filter((f) => /^c\d+-/.test(f))
    .sort()) {
    if (deleted.length === count) break;
    const path = join(dir, 'spec', file);
    const doc = parse(readFileSync(path, 'utf8'));
    const gone = Object.keys(doc.functions ?? {}).slice(0, count - deleted.length);
    if (gone.length === 0) continue;
    for (const fn of gone) delete doc.functions[fn];
    const target = (v: any) => (typeof v === 'string' ? v : v?.function);
    doc.routes = Object.fromEntries(Object.entries(doc.routes ?? {}).filter(([, v]) => !gone.includes(target(v))));
    doc.alarms = Object.fromEntries(
      Object.entries(doc.alarms ?? {}).filter(([, v]: [string, any]) => !gone.includes(v.function)),
    );
    writeFileSync(path, stringify(doc));
    deleted.push(...gone);
  }
  return deleted;
}

describe('a spec 30 times the reference', () => {
  it('builds into stacks that are all within the limits and pass cfn-lint', async () => {
    const run = gen(['build', '--env', 'test', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const resources = report.stacks.reduce((n: number, s: { resources: number }) => n + s.resources, 0);
    expect(resources).toBeGreaterThan(10_000);
    for (const stack of report.stacks) {
      expect(stack.resources, stack.stackName).toBeLessThanOrEqual(500);
      expect(stack.bytes, stack.stackName).toBeLessThanOrEqual(1_048_576);
    }
    expect(report.stacks.filter((s: { layer: string }) => s.layer === 'api').length).toBeGreaterThan(1);
    const body = JSON.parse(readFileSync(join(dir, 'out/test/manifest.json'), 'utf8')).documents;
    expect(body).toEqual([
      { file: 'api.openapi.json', key: expect.stringMatching(/^apis\/test-crypto-trading\/[0-9a-f]{64}\.json$/) },
    ]);
    const templates = readdirSync(join(dir, 'out/test')).filter((f) => f.endsWith('.template.json'));
    expect(templates).toHaveLength(report.stacks.length);
    // cfn-lint reads the first and the last stack of each layer: the stacks between are filled with
    // renamed copies of the same resources (the spec is 30 copies), and linting all of them took
    // most of this test's time on CI's two cores. Every stack's limits are checked above.
    const byLayer = new Map<string, string[]>();
    for (const s of report.stacks as { layer: string; template: string }[])
      byLayer.set(s.layer, [...(byLayer.get(s.layer) ?? []), s.template]);
    const sampled = [...byLayer.values()].flatMap((files) => [...new Set([files[0], files[files.length - 1]])]);
    expect(sampled.length).toBeLessThan(templates.length);
    for (const result of await lint(sampled.map((f) => join(dir, 'out/test', f))))
      expect(result).toEqual({ status: 0, out: '' });
  }, 600_000);

  it('keeps every placed resource where it was after adding 100 tables and deleting 50 functions', () => {
    const before = placement();
    const tables = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`added-${i}`, { partitionKey: 'id' }]));
    writeFileSync(join(dir, 'spec/added.yaml'), stringify({ tables }));
    const deleted = deleteFunctions(50);
    expect(deleted).toHaveLength(50);
    const run = gen(['build', '--env', 'test', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = placement();
    const moved = Object.entries(before.groups).filter(
      ([group, stack]) => group in after.groups && after.groups[group] !== stack,
    );
    expect(moved).toEqual([]);
    expect(Object.keys(after.groups).filter((g) => g.startsWith('Added'))).toHaveLength(100);
    expect(deleted.filter((fn) => `${pascal(fn)}Function` in after.groups)).toEqual([]);
    expect(JSON.parse(run.stdout).stacks.every((s: { resources: number }) => s.resources <= 500)).toBe(true);
  }, 120_000);
});
