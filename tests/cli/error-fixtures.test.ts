/**
 * Every folder in tests/fixtures/errors is a typical spec mistake: `args` is the command,
 * `expected.txt` the exact exit code and stderr a user sees. UPDATE_FIXTURES=1 rewrites them.
 * An optional `links` file makes symbolic links in the project after copying (git and copies
 * would not keep them as written): one `<path> -> <target>` a line, the target verbatim, with
 * {fixture} standing for the fixture's own folder (a place outside the project).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    if (existsSync(join(fixture, 'links'))) makeLinks(fixture, dir);
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

function makeLinks(fixture: string, dir: string) {
  for (const line of readFileSync(join(fixture, 'links'), 'utf8').split('\n').filter((l) => l.trim())) {
    const [path, target] = line.split(' -> ').map((part) => part.trim());
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target.replace('{fixture}', fixture), join(dir, path));
  }
}
