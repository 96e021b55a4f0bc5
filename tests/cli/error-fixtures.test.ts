/**
 * Every folder in tests/fixtures/errors is a typical spec mistake: `args` is the command,
 * `expected.txt` the exact exit code and stderr a user sees. UPDATE_FIXTURES=1 rewrites them.
 * An optional `links` file makes symbolic links in the project after copying (git and copies
 * would not keep them as written): one `<path> -> <target>` a line, the target verbatim, with
 * {fixture} standing for the fixture's own folder (a place outside the project).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, FIXTURES, GEN, gen, project } from '../fixtures/run-fixture.js';

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
  for (const line of readFileSync(join(fixture, 'links'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())) {
    const [path, target] = line.split(' -> ').map((part) => part.trim());
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target.replace('{fixture}', fixture), join(dir, path));
  }
}

/**
 * What the operating system refuses is the user's to fix: exit 1 (2 for a wrong option) with
 * the path and the reason, never 3 ("internal error"). Permissions mean nothing to root, so
 * where the tests run as root gen runs as nobody (setpriv); the test is skipped only where
 * neither is possible.
 */
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const asUser = !isRoot || setpriv !== undefined;

describe.skipIf(!asUser)(
  `filesystem errors${asUser ? '' : ' (skipped: running as root without setpriv, so permissions cannot be denied)'}`,
  () => {
    const run = (args: string[], dir: string) => {
      const command = isRoot
        ? [setpriv!, '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, GEN, ...args]
        : [process.execPath, GEN, ...args];
      const result = spawnSync(command[0], command.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      return { status: result.status, stderr: result.stderr };
    };
    /** A base project that nobody may enter; `change` then takes permissions away. */
    const prepared = (change: (dir: string) => void) => {
      const dir = project();
      dirs.push(dir);
      chmodSync(dir, 0o755);
      change(dir);
      return dir;
    };

    it.each([
      [
        'an unreadable spec file',
        (dir: string) => chmodSync(join(dir, 'spec/app.yaml'), 0o000),
        /spec\/app\.yaml: error GEN348: cannot read spec file spec\/app\.yaml: permission denied/,
      ],
      [
        'an unreadable folder in the spec folder',
        (dir: string) => {
          mkdirSync(join(dir, 'spec/more'));
          chmodSync(join(dir, 'spec/more'), 0o000);
        },
        /spec\/more: error GEN348: cannot read folder spec\/more: permission denied/,
      ],
      [
        'an unreadable spec folder',
        (dir: string) => chmodSync(join(dir, 'spec'), 0o311),
        /spec: error GEN348: cannot read folder spec: permission denied/,
      ],
      [
        'an unreadable handler file',
        (dir: string) => chmodSync(join(dir, 'handlers/orders.mjs'), 0o000),
        /error GEN348: cannot read handler file handlers\/orders\.mjs: permission denied/,
      ],
      [
        'an unreadable environment file',
        (dir: string) => chmodSync(join(dir, 'environments/test.yaml'), 0o000),
        /^gen: cannot open environments\/test\.yaml: permission denied$/m,
      ],
      [
        'an output folder that cannot be written',
        (dir: string) => {
          mkdirSync(join(dir, 'out'), { mode: 0o555 });
          chmodSync(join(dir, 'out'), 0o555);
        },
        /error GEN349: cannot write out\/test[^:]*: permission denied/,
      ],
    ])('%s: exit 1 with the path and the reason', (_name, change, message) => {
      const { status, stderr } = run(['build', '--env', 'test'], prepared(change));
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/internal error/);
      expect(status).toBe(1);
    });

    it('--out naming a file: exit 2 (usage), said before building', () => {
      const dir = prepared((d) => writeFileSync(join(d, 'not-a-folder'), ''));
      const { status, stderr } = run(['build', '--env', 'test', '--out', 'not-a-folder'], dir);
      expect([status, stderr]).toEqual([
        2,
        'gen: --out not-a-folder is a file, not a folder: pass a folder (gen makes it when missing)\n',
      ]);
    });

    it('a spec folder that is missing: exit 1 (GEN106)', () => {
      const dir = prepared((d) => rmSync(join(d, 'spec'), { recursive: true }));
      const { status, stderr } = run(['build', '--env', 'test'], dir);
      expect(stderr).toMatch(/error GEN106: spec folder '.*spec' not found/);
      expect(status).toBe(1);
    });
  },
);
