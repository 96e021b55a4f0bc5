/** gen check and gen rules: the rules run on out/, including templates edited by hand. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, REPO } from '../fixtures/run-fixture.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const out = mkdtempSync(join(tmpdir(), 'gen-check-'));
afterAll(() => cleanup(out));

describe('gen check', () => {
  it('lists the rules it ran and passes on the reference output', () => {
    expect(gen(['build', '--env', 'production', '--out', out], REPO).status).toBe(0);
    const run = gen(['check', '--env', 'production', '--out', out], REPO);
    expect(run.status).toBe(0);
    for (let p = 1; p <= 14; p++) expect(run.stdout).toMatch(new RegExp(`GEN-P${p} +[a-z-]+\\n`));
    expect(run.stderr).toBe('gen: production passes all 14 platform rules\n');
  });

  it('fails naming the rule and resource when point-in-time recovery is removed by hand', () => {
    const file = join(out, 'production', 'data.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    delete template.Resources.OrdersTable.Properties.PointInTimeRecoverySpecification;
    writeFileSync(file, JSON.stringify(template));
    const run = gen(['check', '--env', 'production', '--out', out, '--json'], REPO);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics).toEqual([expect.objectContaining({
      code: 'GEN601', message: 'GEN-P2 table-security: OrdersTable in data.template.json: point-in-time recovery is not enabled',
    })]);
  });

  it('fails when a log group keeps logs longer than the environment allows', () => {
    const file = join(out, 'production', 'app.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.Resources.OrdersLogGroup = { ...template.Resources.KillSwitchLogGroup };
    template.Resources.OrdersLogGroup.Properties = { ...template.Resources.KillSwitchLogGroup.Properties, RetentionInDays: 7 };
    writeFileSync(file, JSON.stringify(template));
    const run = gen(['check', '--env', 'production', '--out', out], REPO);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error GEN601: GEN-P12 log-retention: OrdersLogGroup in app.template.json: retention is 7, expected 90 days');
  });
});

describe('gen rules', () => {
  it('documents every rule from its metadata', () => {
    const rules = JSON.parse(gen(['rules', '--json'], REPO).stdout);
    expect(rules.map((r: { id: string }) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => `GEN-P${i + 1}`));
    for (const r of rules) expect(r.description.length * r.fix.length * r.title.length).toBeGreaterThan(0);
  });
});
