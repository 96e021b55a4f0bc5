/** The command line as users and CI meet it: help, version, exit codes, JSON output, and output safety. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, project, REPO } from '../fixtures/run-fixture.js';

const dirs: string[] = [];
const fresh = () => {
  const d = project();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(cleanup));

describe('gen command line', () => {
  it('explains every command in --help', () => {
    const top = gen(['--help'], REPO);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/gen build\s+Validate the spec and write CloudFormation templates/);
    expect(top.stdout).toMatch(/gen validate\s+Check the spec and every environment/);
    expect(top.stdout).toContain(
      'Exit codes: 0 success, 1 errors in the spec or environments (or a refused deploy), 2 wrong usage',
    );
    const build = gen(['build', '--help'], REPO);
    expect(build.stdout).toContain('--env');
    expect(build.stdout).toContain('--out');
    expect(build.stdout).toContain('--json');
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(gen(['--version'], REPO).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on usage errors: no command, unknown command, unknown option, missing --env', () => {
    for (const args of [[], ['deploi'], ['build', '--env', 'test', '--colour'], ['build']]) {
      const run = gen(args, fresh());
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^gen: /);
    }
  });

  it('builds with exit 0 and reports stacks, or one JSON document with --json', () => {
    const dir = fresh();
    const text = gen(['build', '--env', 'test'], dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/gen: built shop for test in \d+ ms -> out\/test\//);
    const json = JSON.parse(gen(['build', '--env', 'production', '--json'], dir).stdout);
    expect(json.ok).toBe(true);
    expect(json.stacks.map((s: { stackName: string }) => s.stackName)).toEqual([
      'shop-production-data',
      'shop-production-app',
      'shop-production-api',
      'shop-production-monitoring',
    ]);
    expect(readdirSync(join(dir, 'out', 'production')).sort()).toEqual([
      'api.template.json',
      'app.template.json',
      'data.template.json',
      'manifest.json',
      'monitoring.template.json',
    ]);
  });

  it('gives machine-readable diagnostics with --json', () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'spec/app.yaml'),
      readFileSync(join(dir, 'spec/app.yaml'), 'utf8').replace('memory: 512', 'memory: 99999'),
    );
    const run = gen(['build', '--env', 'test', '--json'], dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'GEN204',
        severity: 'error',
        file: 'spec/app.yaml',
        line: 19,
        column: 13,
        path: ['functions', 'orders', 'memory'],
      }),
    ]);
  });

  it('leaves the previous out/<env> untouched when a build fails', () => {
    const dir = fresh();
    expect(gen(['build', '--env', 'test'], dir).status).toBe(0);
    const before = Object.fromEntries(
      readdirSync(join(dir, 'out/test')).map((f) => [f, readFileSync(join(dir, 'out/test', f), 'utf8')]),
    );
    writeFileSync(join(dir, 'spec/app.yaml'), 'tables:\n  orders: [broken\n');
    expect(gen(['build', '--env', 'test'], dir).status).toBe(1);
    const after = Object.fromEntries(
      readdirSync(join(dir, 'out/test')).map((f) => [f, readFileSync(join(dir, 'out/test', f), 'utf8')]),
    );
    expect(after).toEqual(before);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['test']); // no temporary folders left behind
  });

  it('records placements in placement/<env>.json; --locked fails while they are not committed', () => {
    const dir = fresh();
    const locked = gen(['build', '--env', 'test', '--locked'], dir);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain('error GEN506: placement/test.json is missing');
    expect(existsSync(join(dir, 'placement/test.json'))).toBe(false);
    expect(existsSync(join(dir, 'out/test'))).toBe(false);
    const first = gen(['build', '--env', 'test'], dir);
    expect(first.stdout).toContain('gen: placement/test.json updated: commit it with the spec');
    expect(JSON.parse(readFileSync(join(dir, 'placement/test.json'), 'utf8')).groups).toMatchObject({
      OrdersTable: 'data',
      OrdersFunction: 'app',
      Api: 'api',
      AlarmTopic: 'monitoring',
    });
    const again = gen(['build', '--env', 'test', '--locked'], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('placement/test.json updated');
  });

  it('refuses to build from a broken placement file instead of placing everything afresh', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'placement'));
    writeFileSync(
      join(dir, 'placement/test.json'),
      '{"format": 1, "stacks": {"data": ["data"]}, "groups": {"OrdersTable": "data-3"}}',
    );
    const run = gen(['build', '--env', 'test'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "error GEN507: placement/test.json: group OrdersTable is placed in 'data-3', which is not in stacks",
    );
    expect(run.stderr).toContain('fix: restore it from version control');
  });

  it('validates every environment without writing output', () => {
    const dir = fresh();
    const run = gen(['validate'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('gen: spec is valid for production, test\n');
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  it('builds a project given with --spec from another folder', () => {
    const dir = fresh();
    const elsewhere = mkdtempSync(join(tmpdir(), 'gen-cwd-'));
    dirs.push(elsewhere);
    const run = gen(
      ['build', '--env', 'test', '--spec', join(dir, 'spec'), '--out', join(elsewhere, 'built')],
      elsewhere,
    );
    expect(run.status).toBe(0);
    expect(readdirSync(join(elsewhere, 'built', 'test'))).toContain('manifest.json');
  });
});

describe('input that is not a spec', () => {
  it('reports binary junk and empty files without a stack trace', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'spec/junk.yaml'), Buffer.from([0, 159, 146, 150, 0, 1]));
    writeFileSync(join(dir, 'spec/empty.yaml'), '');
    const run = gen(['build', '--env', 'test'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('spec/junk.yaml:1:1: error GEN101: this file is binary, not YAML');
    expect(run.stderr).toContain('spec/empty.yaml:1:1: warning GEN105: this spec file is empty');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('stops an alias bomb with a positioned error', () => {
    const dir = fresh();
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    writeFileSync(join(dir, 'spec/bomb.yaml'), lines.join('\n') + '\n');
    const run = gen(['build', '--env', 'test'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('spec/bomb.yaml:1:1: error GEN101: cannot read this YAML');
  });
});
