import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const ACCOUNT = { 'Fn::Sub': '${AWS::AccountId}' };
const BUDGETS_SOURCE = { 'Fn::Sub': 'arn:${AWS::Partition}:budgets::${AWS::AccountId}:*' };
const ALARM =
  'alarms:\n  slow: { type: api-latency }\nroutes:\n  GET /orders: orders\nfunctions:\n  orders: { handler: handlers/orders.handler }\n';
const notification = (type: string, threshold: number) => ({
  Notification: {
    NotificationType: type,
    ComparisonOperator: 'GREATER_THAN',
    Threshold: threshold,
    ThresholdType: 'PERCENTAGE',
  },
  Subscribers: [
    {
      SubscriptionType: 'SNS',
      Address: { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:test-shop-alarms' },
    },
  ],
});

describe('budget section', () => {
  it("makes a monthly cost budget of the environment's amount, alerting the alarm topic at 50, 80, 100 % and 100 % forecast", () => {
    const built = compileYaml(`${PROJECT}budget: {}\n`, 'test', {
      test: 'region: eu-central-1\nbudget: { monthlyAmount: 500 }\n',
    });
    expect(errors(built)).toEqual([]);
    const budget = built.resources.Budget as any;
    expect(built.layerOf.Budget).toBe('monitoring');
    expect(budget.DependsOn).toEqual(['AlarmTopicPolicy']);
    expect(budget.Properties.Budget).toEqual({
      BudgetName: 'test-shop',
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: 500, Unit: 'USD' },
    });
    expect(budget.Properties.NotificationsWithSubscribers).toEqual([
      notification('ACTUAL', 50),
      notification('ACTUAL', 80),
      notification('ACTUAL', 100),
      notification('FORECASTED', 100),
    ]);
    expect(budget.Properties.ResourceTags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
  });

  it('creates the alarm topic even without alarms, and admits Budgets to its policy and key for this account only', () => {
    const { resources } = compileYaml(`${PROJECT}budget: { alerts: [{ at: 90 }] }\n`);
    expect(resources.Budget.Properties.NotificationsWithSubscribers).toEqual([notification('ACTUAL', 90)]);
    const policy = resources.AlarmTopicPolicy.Properties.PolicyDocument.Statement;
    expect(policy.map((s: any) => s.Sid)).toEqual(['CloudWatchAlarmsPublish', 'BudgetNotifications']);
    expect(policy[1]).toEqual({
      Sid: 'BudgetNotifications',
      Effect: 'Allow',
      Principal: { Service: 'budgets.amazonaws.com' },
      Action: ['sns:Publish'],
      Resource: { Ref: 'AlarmTopic' },
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': BUDGETS_SOURCE } },
    });
    const key = resources.AlarmTopicKey.Properties.KeyPolicy.Statement;
    expect(key.map((s: any) => s.Sid)).toEqual([
      'AccountAdministers',
      'CloudWatchPublishesEncrypted',
      'BudgetNotificationsPublishesEncrypted',
    ]);
    expect(key[2]).toMatchObject({
      Principal: { Service: 'budgets.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': BUDGETS_SOURCE } },
    });
  });

  it('leaves the alarm topic exactly as it was without a budget', () => {
    const without = compileYaml(`${PROJECT}${ALARM}`).resources;
    const withBudget = compileYaml(`${PROJECT}${ALARM}budget: {}\n`).resources;
    expect(without.AlarmTopicPolicy.Properties.PolicyDocument.Statement.map((s: any) => s.Sid)).toEqual([
      'CloudWatchAlarmsPublish',
    ]);
    expect(without.AlarmTopicKey.Properties.KeyPolicy.Statement).toHaveLength(2);
    expect(withBudget.AlarmTopicKey.Properties.KeyPolicy.Statement).toHaveLength(3);
    expect(compileYaml(PROJECT).resources.AlarmTopic).toBeUndefined();
  });

  it('refuses an alert written twice, at the second', () => {
    const built = compileYaml(`${PROJECT}budget: { alerts: [{ at: 80 }, { at: 90 }, { at: 80, of: actual }] }\n`);
    expect(codes(built)).toEqual(['GEN377']);
    expect(built.diagnostics[0].location?.path).toEqual(['budget', 'alerts', 2]);
    expect(built.diagnostics[0].message).toContain('also alerts[0]');
  });

  it('refuses more alerts than AWS Budgets allows', () => {
    const alerts = [10, 20, 30, 40, 50, 60].map((at) => `{ at: ${at} }`).join(', ');
    expect(codes(compileYaml(`${PROJECT}budget: { alerts: [${alerts}] }\n`))).toEqual(['GEN208']);
  });
});

describe('budget in gen graph', () => {
  const graphOf = (text: string) => {
    const root = mkdtempSync(join(tmpdir(), 'gen-budget-graph-'));
    try {
      cpSync(join(FIXTURES, 'base'), root, { recursive: true });
      writeFileSync(join(root, 'spec/app.yaml'), text);
      const spec = readSpec({ root, specDir: join(root, 'spec') }).spec!;
      return architectureMermaid(spec, {
        name: 'test',
        budget: { monthlyAmount: 500 },
        functions: { memory: 256, timeout: 30 },
        alarms: { periodSeconds: 60 },
      } as any);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('draws the budget notifying the alarm topic, and the topic once, alarms or not', () => {
    const alone = graphOf(`${PROJECT}budget: { alerts: [{ at: 80 }, { at: 100, of: forecasted }] }\n`);
    expect(alone).toContain('budget["monthly budget 500 USD<br/>alerts at 80 %, 100 % forecast"]');
    expect(alone).toContain('budget --> topic');
    expect(alone.match(/topic\{\{/g)).toHaveLength(1);
    const withAlarms = graphOf(`${PROJECT}${ALARM}budget: {}\n`);
    expect(withAlarms.match(/topic\{\{/g)).toHaveLength(1);
  });
});

describe('cfn-lint on backup, budget and time series', () => {
  const work = mkdtempSync(join(tmpdir(), 'gen-lint-operations-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds nothing in test and production templates using every feature (one run)', () => {
    const spec = `${PROJECT}tables:\n  orders: { partitionKey: id }\n  sessions: { partitionKey: id }\n${ALARM}budget: { alerts: [{ at: 80 }, { at: 100, of: forecasted }] }\nbackup: { exclude: [sessions] }\ntimeseries:\n  market: { tables: [price-data, volume-data] }\n`;
    const environments = {
      test: 'region: eu-central-1\ntimeseries: { engine: liveanalytics }\n',
      production: `region: eu-central-1\nprotected: true\nbudget: { monthlyAmount: 5000 }\ntimeseries: { engine: liveanalytics, memoryRetentionHours: 168, magneticRetentionDays: 365 }\nbackup: { schedules: [hourly, daily], retentionDays: 35, copyTo: "arn:aws:backup:eu-west-1:123456789012:backup-vault:shop-dr" }\n`,
    };
    const files: string[] = [];
    for (const env of ['test', 'production']) {
      const built = compileYaml(spec, env, environments);
      expect(errors(built)).toEqual([]);
      for (const stack of built.stacks!) {
        const file = join(work, `${env}-${stack.file}`);
        writeFileSync(file, stack.body);
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(cfnLint(files)).toEqual(CLEAN);
  });
});
