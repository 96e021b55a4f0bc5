/**
 * The example projects (examples/<name>/, written from the seed systems) build as their users
 * would (`gen build --env dev --locked` inside the folder), match their golden templates, pass
 * cfn-lint with nothing to report and checkov with only the skips their own list justifies, and
 * their handlers pass their own unit tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gen, REPO } from '../fixtures/run-fixture.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const EXAMPLES = ['market-data-pipeline', 's3-ingest', 'transaction-pipeline'];
/** Warnings an example is written to show (the seed's own defects, kept faithfully), by example. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  // The seed's subnets reach neither SNS nor SQS (no NAT, no endpoint): each function, topic and queue.
  'transaction-pipeline': ['transaction-validation', 'fraud-detection', 'compliance-checking'].flatMap((fn) => [
    `GEN356: function '${fn}' uses queue 'transaction-dlq' (sqs)`,
    `GEN356: function '${fn}' uses topic 'fraud-alerts' (sns)`,
  ]),
};
const warnings: Record<string, string[]> = {};
const out = mkdtempSync(join(tmpdir(), 'gen-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const built = (name: string) => join(out, name, 'dev');

beforeAll(() => {
  for (const name of EXAMPLES) {
    const run = gen(['build', '--env', 'dev', '--locked', '--out', join(out, name)], join(REPO, 'examples', name));
    if (run.status !== 0) throw new Error(`examples/${name}: gen build failed\n${run.stderr}`);
    warnings[name] = [...run.stderr.matchAll(/warning (GEN\d+: [^,]*)/g)].map((m) => m[1]);
  }
});

describe.each(EXAMPLES)('examples/%s', (name) => {
  it('builds without errors, with only the warnings it is written to show', () => {
    expect(warnings[name]).toEqual(EXPECTED_WARNINGS[name] ?? []);
  });

  it('matches its golden templates byte for byte', () => {
    const golden = join(REPO, 'tests/golden/examples', name, 'dev');
    const files = readdirSync(built(name)).sort();
    expect(files).toContain('manifest.json');
    for (const file of files) {
      const actual = readFileSync(join(built(name), file), 'utf8');
      if (process.env.UPDATE_GOLDEN || !existsSync(join(golden, file))) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(join(golden, file), actual);
      }
      expect(
        actual,
        `examples/${name} ${file} differs from tests/golden/examples (UPDATE_GOLDEN=1 after reviewing)`,
      ).toBe(readFileSync(join(golden, file), 'utf8'));
    }
  });

  it('has handlers that pass their own unit tests', () => {
    const run = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'handlers/tests'], {
      cwd: join(REPO, 'examples', name),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Ran [1-9]\d* tests?/);
  });
});

describe("the examples' templates", () => {
  it('pass cfn-lint with nothing to report', () => {
    const templates = EXAMPLES.flatMap((name) =>
      readdirSync(built(name))
        .filter((f) => f.endsWith('.template.json'))
        .map((f) => join(built(name), f)),
    );
    expect(cfnLint(templates)).toEqual(CLEAN);
  });

  it("pass checkov except for the checks each example's own list skips, with a reason", () => {
    const scan = join(out, 'checkov');
    for (const name of EXAMPLES)
      cpSync(built(name), join(scan, name), { recursive: true, filter: (f) => !f.endsWith('manifest.json') });
    const run = spawnSync(
      join(REPO, '.venv-checkov/bin/checkov'),
      ['-d', scan, '--framework', 'cloudformation', '--quiet', '--compact', '-o', 'json'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const reports = [JSON.parse(run.stdout)].flat() as {
      results?: { failed_checks?: { check_id: string; file_path: string; resource: string }[] };
    }[];
    const failed = reports.flatMap((r) => r.results?.failed_checks ?? []);
    for (const name of EXAMPLES) {
      const skips = parse(readFileSync(join(REPO, 'examples', name, 'checkov-skips.yaml'), 'utf8')) as Record<
        string,
        string
      >;
      for (const reason of Object.values(skips)) expect(reason.length).toBeGreaterThan(40);
      const unexplained = failed
        .filter((f) => f.file_path.includes(`/${name}/`) && !(f.check_id in skips))
        .map((f) => `${f.check_id} ${f.resource}`);
      expect(unexplained, `examples/${name}`).toEqual([]);
    }
    expect(failed.length).toBeGreaterThan(0); // the scan really ran over both examples
  });
});
