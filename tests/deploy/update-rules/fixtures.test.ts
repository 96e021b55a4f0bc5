/**
 * Every folder in tests/fixtures/update-rules is a spec edit CloudFormation on AWS refuses (or
 * takes only in steps): the project as deployed (tests/fixtures/base with `deployed/` on top),
 * the project after the edit (base with `next/` on top), and `expected.txt`, what `gen diff` and
 * `gen deploy` print about it: the findings at their spec lines, and the steps of a staged deploy.
 * Both versions are built in-process and the rules run on each stack's pair, as on the deployed
 * stacks, so no endpoint is needed. UPDATE_FIXTURES=1 rewrites expected.txt.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../../generator/cli/common.js';
import { formatText } from '../../../generator/cli/report.js';
import { hasErrors } from '../../../generator/diagnostics.js';
import { formatStages, stackFindings } from '../../../generator/deploy/update-rules/check-stacks.js';
import { findingDiagnostics } from '../../../generator/deploy/update-rules/locate.js';
import { build } from '../../../generator/pipeline/build.js';
import { BUILTIN } from '../../../generator/sections/index.js';
import { cleanup, FIXTURES, project } from '../../fixtures/run-fixture.js';

const CASES = join(FIXTURES, 'update-rules');
const cases = readdirSync(CASES).sort();
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function built(fixture: string, version: 'deployed' | 'next', env: string) {
  const dir = project(...(existsSync(join(fixture, version)) ? [join(fixture, version)] : []));
  dirs.push(dir);
  const result = build({ root: dir, specDir: join(dir, 'spec') }, env);
  if (hasErrors(result.diagnostics) || !result.stacks)
    throw new Error(`${version} does not build: ${JSON.stringify(result.diagnostics, undefined, 2)}`);
  return { dir, result, stacks: result.stacks };
}

describe('AWS update rules: each fixture gives its findings at the spec line', () => {
  it('has a fixture for every rule', () => expect(cases.length).toBeGreaterThanOrEqual(6));

  it.each(cases)('%s', async (name) => {
    const fixture = join(CASES, name);
    const env = existsSync(join(fixture, 'env')) ? readFileSync(join(fixture, 'env'), 'utf8').trim() : 'test';
    const before = built(fixture, 'deployed', env);
    const after = built(fixture, 'next', env);
    const deployed = new Map(before.stacks.map((s) => [s.stackName, s.template as never]));
    const checked = await stackFindings(deployed, after.stacks);
    const diagnostics = findingDiagnostics(
      checked.flatMap((s) => s.findings.map((f) => ({ ...f, stackFile: s.file }))),
      after.result.spec,
      BUILTIN,
      after.result.env?.file,
    );
    const lines = [
      ...renderDiagnostics(after.dir, diagnostics).map(formatText),
      ...checked.flatMap((s) => formatStages(s.stackName, s.stages)),
    ];
    const actual = `${lines.join('\n')}\n`;
    const expectedFile = join(fixture, 'expected.txt');
    if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
