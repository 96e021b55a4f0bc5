import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, REPO } from '../fixtures/run-fixture.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const parent = mkdtempSync(join(tmpdir(), 'gen-init-'));
afterAll(() => cleanup(parent));

describe('gen init', () => {
  it('creates a project that builds, lints clean and passes the platform rules', () => {
    const run = gen(['init', 'demo'], parent);
    expect(run.status).toBe(0);
    const dir = join(parent, 'demo');
    expect(readdirSync(dir).sort()).toEqual(['.github', '.gitignore', 'environments', 'handlers', 'schemas', 'spec']);
    // The workflow is the one its environments give (tests/cli/workflow.test.ts checks that one).
    expect(readFileSync(join(dir, '.github/workflows/gen.yml'), 'utf8')).toBe(
      readFileSync(join(REPO, 'tests/cli/golden/gen.yml'), 'utf8'),
    );
    expect(readFileSync(join(dir, 'spec/app.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/spec\.schema\.json\n/,
    );
    for (const env of ['test', 'production']) expect(gen(['build', '--env', env], dir).status).toBe(0);
    const templates = readdirSync(join(dir, 'out/test'))
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => join(dir, 'out/test', f));
    expect(cfnLint(templates)).toEqual(CLEAN);
    expect(gen(['check', '--env', 'production'], dir).status).toBe(0);
  });

  it('names the project after its folder when that is a valid project name, else demo', () => {
    const named = gen(['init', 'shop-api', '--no-ci'], parent);
    expect(named.stdout).toContain("created project 'shop-api' in shop-api/");
    expect(readFileSync(join(parent, 'shop-api/spec/app.yaml'), 'utf8')).toContain('\n  name: shop-api\n');
    const built = gen(['build', '--env', 'test'], join(parent, 'shop-api'));
    expect(built.stdout + built.stderr).toContain('built shop-api for test');
    for (const folder of ['My_App', 'x'.repeat(41)]) {
      expect(gen(['init', folder, '--no-ci'], parent).stdout).toContain(`created project 'demo' in ${folder}/`);
      expect(readFileSync(join(parent, folder, 'spec/app.yaml'), 'utf8')).toContain('\n  name: demo\n');
    }
  });

  it('leaves the workflow out with --no-ci', () => {
    expect(gen(['init', 'plain', '--no-ci'], parent).status).toBe(0);
    expect(readdirSync(join(parent, 'plain'))).not.toContain('.github');
  });

  it('adds the workflow to an existing project with --ci-only, and replaces one only with --force', () => {
    expect(gen(['init', 'existing', '--no-ci'], parent).status).toBe(0);
    const dir = join(parent, 'existing');
    const file = join(dir, '.github/workflows/gen.yml');
    const first = gen(['init', '--ci-only'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('wrote .github/workflows/gen.yml');
    expect(readFileSync(file, 'utf8')).toContain('gen deploy --env test --approve');
    writeFileSync(file, '# mine\n');
    const again = gen(['init', '--ci-only'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('.github/workflows/gen.yml exists; pass --force to replace it');
    expect(readFileSync(file, 'utf8')).toBe('# mine\n');
    expect(gen(['init', '--ci-only', '--force'], dir).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(REPO, 'tests/cli/golden/gen.yml'), 'utf8'));
  });

  it('writes no workflow for a folder without environments (exit 1)', () => {
    const run = gen(['init', '--ci-only'], mkdtempSync(join(parent, 'bare-')));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no environments in');
  });

  it('refuses to write into a folder that is not empty', () => {
    writeFileSync(join(parent, 'taken.txt'), 'x');
    const run = gen(['init', '.'], parent);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not empty');
  });
});
