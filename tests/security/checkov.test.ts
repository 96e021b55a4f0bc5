/** checkov (pinned, .venv-checkov) on the production templates: zero failed checks; skips live in checkov-skips.yaml with reasons. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../generator/pipeline/build.js';
import { REPO } from '../fixtures/run-fixture.js';

const CHECKOV = join(REPO, '.venv-checkov/bin/checkov');
const dir = mkdtempSync(join(tmpdir(), 'gen-checkov-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkov security scan of production', () => {
  const skips = parse(readFileSync(join(REPO, 'checkov-skips.yaml'), 'utf8')) as Record<string, string>;

  it('lists a reason for every skipped check', () => {
    for (const [id, reason] of Object.entries(skips)) {
      expect(id).toMatch(/^CKV_AWS_\d+$/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });

  it('finds zero failed checks', () => {
    if (!existsSync(CHECKOV)) throw new Error('checkov is missing: run `bash scripts/setup-python.sh` (npm test does)');
    const result = build({ root: REPO, specDir: join(REPO, 'spec') }, 'production');
    for (const stack of result.stacks!) writeFileSync(join(dir, stack.file), stack.body);
    const run = spawnSync(
      CHECKOV,
      [
        '-d',
        dir,
        '--framework',
        'cloudformation',
        '--quiet',
        '--compact',
        '-o',
        'json',
        '--skip-check',
        Object.keys(skips).join(','),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' },
      },
    );
    const reports = [JSON.parse(run.stdout)].flat();
    const failed = reports
      .flatMap((r) => r.results?.failed_checks ?? [])
      .map((f: any) => `${f.check_id} ${f.check_name}: ${f.resource}`);
    expect(failed).toEqual([]);
    expect(reports.reduce((n, r) => n + (r.summary?.passed ?? 0), 0)).toBeGreaterThan(100);
  });
});
