/**
 * Every folder in tests/fixtures/errors is a typical spec mistake: `args` is the command,
 * `expected.txt` the exact exit code and stderr a user sees. UPDATE_FIXTURES=1 rewrites them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, FIXTURES, gen, project } from '../fixtures/run-fixture.js';

const ERRORS = join(FIXTURES, 'errors');
const cases = readdirSync(ERRORS).sort();
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('spec mistakes give exact, positioned messages', () => {
  it('has at least 20 fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)('%s', (name) => {
    const fixture = join(ERRORS, name);
    const dir = project(fixture);
    dirs.push(dir);
    const args = readFileSync(join(fixture, 'args'), 'utf8').trim().split(/\s+/);
    const run = gen(args, dir);
    const actual = `exit: ${run.status}\n\n${run.stderr}`;
    const expectedFile = join(fixture, 'expected.txt');
    if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
    expect(existsSync(join(dir, 'out', 'test'))).toBe(false); // a failed build writes nothing
  });
});
