/**
 * The project's real cfn-lint (installed into .venv by scripts/setup-python.sh, which `npm test`
 * runs) with the project's configuration: what it reports for some template files. One start per
 * call, so tests lint all their templates in one call.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../fixtures/run-fixture.js';

export const CFN_LINT = join(REPO, '.venv/bin/cfn-lint');

export interface LintReport {
  status: number | null;
  /** One finding per line (parseable format); empty when cfn-lint has nothing to say. */
  findings: string;
  stderr: string;
}

/** A clean report, to compare with: `expect(cfnLint(files)).toEqual(CLEAN)`. */
export const CLEAN: LintReport = { status: 0, findings: '', stderr: '' };

export function cfnLint(files: string[]): LintReport {
  if (!existsSync(CFN_LINT)) throw new Error('cfn-lint is missing from .venv: run `bash scripts/setup-python.sh`');
  const run = spawnSync(
    CFN_LINT,
    ['--config-file', join(REPO, '.cfnlintrc.yaml'), '--format', 'parseable', '--', ...files],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: run.status, findings: run.stdout.trim(), stderr: run.stderr.trim() };
}

/** The same for templates held as text, by file name (written to a temporary folder that is removed after). */
export function cfnLintTexts(templates: Record<string, string>): LintReport {
  const work = mkdtempSync(join(tmpdir(), 'gen-lint-'));
  try {
    return cfnLint(
      Object.entries(templates).map(([name, body]) => {
        writeFileSync(join(work, name), body);
        return join(work, name);
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
