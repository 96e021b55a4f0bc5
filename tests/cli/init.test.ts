/** gen init: a new user's first project builds, passes cfn-lint and the platform rules as it is. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, REPO } from '../fixtures/run-fixture.js';

const parent = mkdtempSync(join(tmpdir(), 'gen-init-'));
afterAll(() => cleanup(parent));

describe('gen init', () => {
  it('creates a project that builds, lints clean and passes the platform rules', () => {
    const run = gen(['init', 'demo'], parent);
    expect(run.status).toBe(0);
    const dir = join(parent, 'demo');
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'environments', 'handlers', 'schemas', 'spec']);
    expect(readFileSync(join(dir, 'spec/app.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/spec\.schema\.json\n/,
    );
    for (const env of ['test', 'production']) expect(gen(['build', '--env', env], dir).status).toBe(0);
    const templates = readdirSync(join(dir, 'out/test'))
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => join(dir, 'out/test', f));
    const lint = spawnSync(
      join(REPO, '.venv/bin/cfn-lint'),
      ['--config-file', join(REPO, '.cfnlintrc.yaml'), '--', ...templates],
      { encoding: 'utf8' },
    );
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(gen(['check', '--env', 'production'], dir).status).toBe(0);
  });

  it('refuses to write into a folder that is not empty', () => {
    writeFileSync(join(parent, 'taken.txt'), 'x');
    const run = gen(['init', '.'], parent);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not empty');
  });
});
