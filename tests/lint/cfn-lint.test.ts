import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../generator/pipeline/build.js';
import { REPO } from '../fixtures/run-fixture.js';
import { buildFull } from '../properties/full/build.js';
import { linted } from '../properties/full/index.js';
import { cfnLint as lint } from '../helpers/cfn-lint.js';

const work = mkdtempSync(join(tmpdir(), 'gen-lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cfn-lint', () => {
  it('passes every template of the reference platform, test and production', () => {
    const files: string[] = [];
    for (const env of ['test', 'production']) {
      const result = build({ root: REPO, specDir: join(REPO, 'spec') }, env);
      mkdirSync(join(work, 'reference', env), { recursive: true });
      for (const stack of result.stacks!) {
        const file = join(work, 'reference', env, stack.file);
        writeFileSync(file, stack.body);
        files.push(file);
      }
    }
    expect(files).toHaveLength(16); // network, data, app, triggers, api, edge-global, edge, monitoring in each environment
    expect(lint(files)).toEqual({ status: 0, findings: '', stderr: '' });
  });

  it('passes every template of 50 random valid projects using every field', () => {
    const samples = linted();
    const files: string[] = [];
    samples.forEach(([project, environment], i) => {
      const out = buildFull(project, environment);
      expect(out.stacks, JSON.stringify(out.diagnostics)).toBeDefined();
      for (const stack of out.stacks!) {
        const file = join(work, `random-${i}-${stack.file}`);
        writeFileSync(file, stack.body);
        files.push(file);
      }
    });
    expect(files.length).toBeGreaterThanOrEqual(50 * 3);
    expect(lint(files)).toEqual({ status: 0, findings: '', stderr: '' });
    // ~290 templates, ~4,400 resources (keys, secrets, workflows, network, backup, budget and time series added
    // ~1,700 in December 2026, the cache ~70: a cache in half the networks, the edge ~140 and 15 templates: an
    // edge in 8 of the 50): the random test took 60-70 s on the shared two-core machine.
  }, 300_000);
});
