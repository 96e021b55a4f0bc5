/** gen check and gen rules: the rules run on out/, including templates edited by hand. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, gen, REPO } from '../fixtures/run-fixture.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ALL_RULES } from '../../generator/rules/index.js';

const out = mkdtempSync(join(tmpdir(), 'gen-check-'));
afterAll(() => cleanup(out));

describe('gen check', () => {
  it('lists the rules it ran and passes on the reference output', () => {
    expect(gen(['build', '--env', 'production', '--out', out], REPO).status).toBe(0);
    const run = gen(['check', '--env', 'production', '--out', out], REPO);
    expect(run.status).toBe(0);
    for (let p = 1; p <= 14; p++) expect(run.stdout).toMatch(new RegExp(`GEN-P${p} +[a-z-]+\\n`));
    for (const rule of ALL_RULES) expect(run.stdout).toContain(`  ${rule.id.padEnd(8)} ${rule.name}\n`);
    // The 14 design properties and the guardrails (GEN-G*) that came after them.
    expect(run.stderr).toBe(`gen: production passes all ${ALL_RULES.length} platform rules\n`);
  });

  it('fails naming the rule and resource when point-in-time recovery is removed by hand', () => {
    const file = join(out, 'production', 'data.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    delete template.Resources.OrdersTable.Properties.PointInTimeRecoverySpecification;
    writeFileSync(file, JSON.stringify(template));
    const run = gen(['check', '--env', 'production', '--out', out, '--json'], REPO);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'GEN601',
        message: 'GEN-P2 table-security: OrdersTable in data.template.json: point-in-time recovery is not enabled',
      }),
    ]);
  });

  it('fails when a log group keeps logs longer than the environment allows', () => {
    const file = join(out, 'production', 'app.template.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.Resources.OrdersLogGroup = { ...template.Resources.KillSwitchLogGroup };
    template.Resources.OrdersLogGroup.Properties = {
      ...template.Resources.KillSwitchLogGroup.Properties,
      RetentionInDays: 7,
    };
    writeFileSync(file, JSON.stringify(template));
    const run = gen(['check', '--env', 'production', '--out', out], REPO);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error GEN601: GEN-P12 log-retention: OrdersLogGroup in app.template.json: retention is 7, expected 90 days',
    );
  });
});

describe('gen check across stacks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-check-stacks-'));
  afterAll(() => cleanup(dir));

  it('follows a queue in one stack to the function that reads it in another', () => {
    expect(gen(['build', '--env', 'production', '--out', dir], REPO).status).toBe(0);
    const edit = (file: string, change: (resources: Record<string, unknown>) => void) => {
      const template = JSON.parse(readFileSync(join(dir, 'production', file), 'utf8'));
      change(template.Resources);
      writeFileSync(join(dir, 'production', file), JSON.stringify(template));
    };
    // A hand-written queue in data, read through a mapping in app by a function whose timeout is 300 s.
    const Tags = ['CostCenter', 'Environment', 'Owner', 'Project'].map((Key) => ({ Key, Value: 'x' }));
    edit('data.template.json', (r) => {
      r.JobsQueue = {
        Type: 'AWS::SQS::Queue',
        Properties: { QueueName: 'production-jobs', VisibilityTimeout: 60, Tags },
      };
    });
    edit('app.template.json', (r) => {
      r.JobsMapping = {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          EventSourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:production-jobs' },
          FunctionName: 'production-audit-packages',
          Tags,
        },
      };
    });
    const run = gen(['check', '--env', 'production', '--out', dir, '--json'], REPO);
    expect(run.status).toBe(1);
    expect(
      JSON.parse(run.stdout).diagnostics.map(
        (d: { severity: string; message: string }) => `${d.severity} ${d.message}`,
      ),
    ).toEqual([
      'error GEN-G1 queue-encryption: JobsQueue in data.template.json: is not encrypted (neither SqsManagedSseEnabled nor KmsMasterKeyId)',
      "error GEN-G2 queue-visibility-timeout: JobsQueue in data.template.json: visibility timeout 60 s is shorter than the 300 s timeout of its consumer 'production-audit-packages' (JobsMapping)",
      "warning GEN-G9 consumed-queue-dead-letter: JobsQueue in data.template.json: is read by 'production-audit-packages' (JobsMapping) but has no dead-letter queue (RedrivePolicy)",
    ]);
  });
});

describe('gen rules', () => {
  it('documents every rule from its metadata', () => {
    const rules = JSON.parse(gen(['rules', '--json'], REPO).stdout);
    const ids = rules.map((r: { id: string }) => r.id);
    // The design's 14 properties first, in their order, then the guardrails.
    expect(ids.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `GEN-P${i + 1}`));
    expect(ids.slice(14)).toEqual(['GEN-G1', 'GEN-G2', 'GEN-G3', 'GEN-G4', 'GEN-G5', 'GEN-G6', 'GEN-G7', 'GEN-G9']);
    expect(
      rules.filter((r: { property?: number }) => r.property !== undefined).map((r: { property: number }) => r.property),
    ).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(rules.find((r: { id: string }) => r.id === 'GEN-G9').severity).toBe('warning');
    expect(rules.find((r: { id: string }) => r.id === 'GEN-G6').severity).toBe('warning');
    for (const r of rules) expect(r.description.length * r.fix.length * r.title.length).toBeGreaterThan(0);
  });
});
