import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../../generator/sections/index.js';
import { schedulesSection } from '../../generator/sections/schedules/index.js';
import type { CompileContext } from '../../generator/sections/section.js';
import { compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const sub = (text: string) => ({ 'Fn::Sub': text });
const ARN = (service: string, rest: string) =>
  sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`);
const errors = (c: Compiled) => c.diagnostics.filter((d) => d.severity === 'error');
const located = (c: Compiled, code: string) =>
  c.diagnostics.filter((d) => d.code === code).map((d) => ({ message: d.message, path: d.location?.path }));

const spec = `${PROJECT}
queues:
  ops-dlq: {}
schedules:
  quality:
    description: Data quality checks
    every: 5 minutes
    function: checks
    input: { check: all }
    retries: 2
    maxEventAgeSeconds: 3600
    deadLetterQueue: ops-dlq
    window: 1 hour
  nightly:
    cron: "0 2 * * ? *"
    timezone: Europe/Berlin
    function: checks
    deadLetterQueue: ops-dlq
    enabled: { test: false }
  hourly:
    every: 1 hours
    function: checks
    deadLetterQueue: ops-dlq
    enabled: false
functions:
  checks:
    handler: handlers/orders.handler
    provisionedConcurrency: 1
`;

describe('schedules', () => {
  const test = compileYaml(spec);
  const production = compileYaml(spec, 'production');

  it("compiles every and cron to Scheduler expressions in the project's schedule group, in the triggers layer", () => {
    expect(errors(test)).toEqual([]);
    expect(test.resources.ScheduleGroup.Properties).toMatchObject({ Name: 'test-shop' });
    expect(test.resources.ScheduleGroup.Properties.Tags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
    expect(test.resources.QualitySchedule.Properties).toEqual({
      Name: 'test-quality',
      GroupName: { Ref: 'ScheduleGroup' },
      Description: 'Data quality checks',
      ScheduleExpression: 'rate(5 minutes)',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 60 },
      State: 'ENABLED',
      Target: {
        Arn: ARN('lambda', 'function:test-checks'),
        RoleArn: { 'Fn::GetAtt': ['QualityScheduleRole', 'Arn'] },
        Input: '{"check":"all"}',
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: ARN('sqs', 'test-ops-dlq') },
      },
    });
    expect(test.resources.NightlySchedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
    // One is singular: Scheduler refuses rate(1 hours).
    expect(test.resources.HourlySchedule.Properties.ScheduleExpression).toBe('rate(1 hour)');
    for (const id of ['ScheduleGroup', 'QualitySchedule', 'QualityScheduleRole', 'NightlySchedule'])
      expect(test.layerOf[id]).toBe('triggers');
    // The group, the schedules and their roles refer to each other: one stack.
    expect(test.placement!.groups).toHaveProperty('ScheduleGroup', 'triggers');
    expect(test.placement!.groups).not.toHaveProperty('QualitySchedule');
  });

  it('runs a schedule or not per environment', () => {
    const state = (c: Compiled, id: string) => c.resources[id].Properties.State;
    expect([state(test, 'NightlySchedule'), state(production, 'NightlySchedule')]).toEqual(['DISABLED', 'ENABLED']);
    expect([state(test, 'HourlySchedule'), state(production, 'HourlySchedule')]).toEqual(['DISABLED', 'DISABLED']);
  });

  it('assumes a role trusted by Scheduler for this account only, allowed exactly to invoke its function and send to its dead-letter queue', () => {
    const role = test.resources.QualityScheduleRole.Properties;
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
        },
      ],
    });
    expect(role.Policies).toEqual([
      {
        PolicyName: 'schedule',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Invoke',
              Effect: 'Allow',
              Action: ['lambda:InvokeFunction'],
              Resource: [ARN('lambda', 'function:test-checks')],
            },
            {
              Sid: 'DeadLetterQueue',
              Effect: 'Allow',
              Action: ['sqs:SendMessage'],
              Resource: [ARN('sqs', 'test-ops-dlq')],
            },
          ],
        },
      },
    ]);
    // Scheduler sends failed invocations with this role, so the queue's policy needs no statement for it.
    const queueStatements = test.resources.OpsDlqQueuePolicy.Properties.PolicyDocument.Statement;
    expect(queueStatements.map((s: any) => s.Sid)).toEqual(['DenyInsecureTransport']);
    // Invoking needs no Lambda permission either: the role's identity policy is enough.
    expect(Object.values(test.resources).filter((r) => r.Type === 'AWS::Lambda::Permission')).toEqual([]);
  });

  it('invokes the live alias where the function is kept warm, and only it', () => {
    expect(production.resources.QualitySchedule.Properties.Target.Arn).toEqual(
      ARN('lambda', 'function:production-checks:live'),
    );
    expect(
      production.resources.QualityScheduleRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource,
    ).toEqual([ARN('lambda', 'function:production-checks:live')]);
  });

  it('counts the functions it invokes (GEN-P5)', () => {
    expect(
      schedulesSection.invokes!({
        sections: {
          schedules: {
            items: [
              { name: 'a', value: { function: 'checks' } },
              { name: 'b', value: { function: 'other' } },
            ],
          },
        },
      } as any),
    ).toEqual(['checks', 'other']);
  });
});

describe('schedules: mistakes are reported at the spec', () => {
  const one = (body: string, extra = '') => `${PROJECT}
queues:
  ops-dlq: {}
  ordered: { fifo: true }
schedules:
  nightly:
${body}
functions:
  checks:
    handler: handlers/orders.handler
${extra}`;
  const at = (...path: string[]) => ['schedules', 'nightly', ...path];

  it('asks for exactly one of every and cron, each well formed', () => {
    expect(located(compileYaml(one('    function: checks\n    deadLetterQueue: ops-dlq')), 'GEN202')).toEqual([
      { message: "schedule 'nightly' says neither when (every) nor at what times (cron) it runs", path: at() },
    ]);
    expect(
      located(
        compileYaml(
          one('    every: 1 day\n    cron: "0 2 * * ? *"\n    function: checks\n    deadLetterQueue: ops-dlq'),
        ),
        'GEN206',
      ),
    ).toEqual([{ message: "schedule 'nightly' has both every and cron", path: at('cron') }]);
    expect(
      located(compileYaml(one('    cron: "0 2 * * *"\n    function: checks\n    deadLetterQueue: ops-dlq')), 'GEN323'),
    ).toEqual([
      {
        message:
          "cron '0 2 * * *' of schedule 'nightly' has 5 fields; EventBridge cron has six: minutes hours day-of-month month day-of-week year",
        path: at('cron'),
      },
    ]);
    expect(
      located(
        compileYaml(one('    cron: "0 2 1 * MON *"\n    function: checks\n    deadLetterQueue: ops-dlq')),
        'GEN323',
      ),
    ).toEqual([
      {
        message:
          "cron '0 2 1 * MON *' of schedule 'nightly' sets both day-of-month and day-of-week; one of them must be ?",
        path: at('cron'),
      },
    ]);
    const every = compileYaml(one('    every: 5 mins\n    function: checks\n    deadLetterQueue: ops-dlq'));
    expect(every.diagnostics.find((d) => d.code === 'GEN206')).toMatchObject({
      message: "schedules.nightly.every '5 mins' is badly formed",
      fix: 'write a number and a unit: 5 minutes, 1 hour, 2 days',
    });
  });

  it("knows time zones (did-you-mean) and Scheduler's 24-hour window", () => {
    const c = compileYaml(
      one(
        '    cron: "0 2 * * ? *"\n    timezone: Europe/Berln\n    window: 25 hours\n    function: checks\n    deadLetterQueue: ops-dlq',
      ),
    );
    expect(located(c, 'GEN323')).toEqual([
      {
        message:
          "timezone 'Europe/Berln' of schedule 'nightly' is not a known time zone. Did you mean 'Europe/Berlin'?",
        path: at('timezone'),
      },
      {
        message: "window of schedule 'nightly' is 1500 minutes; Scheduler allows at most 1440 (24 hours)",
        path: at('window'),
      },
    ]);
  });

  it('names an unknown function with did-you-mean, and refuses a FIFO dead-letter queue', () => {
    const c = compileYaml(one('    every: 1 day\n    function: check\n    deadLetterQueue: ordered'));
    expect(located(c, 'GEN302')).toEqual([
      {
        message: "schedule 'nightly' invokes function 'check', which is not defined. Did you mean 'checks'?",
        path: at('function'),
      },
    ]);
    expect(located(c, 'GEN321')).toEqual([
      {
        message:
          "schedule 'nightly' sends failed invocations to queue 'ordered', a FIFO queue; EventBridge delivers failed events only to standard queues",
        path: at('deadLetterQueue'),
      },
    ]);
    expect(
      compileYaml(one('    every: 1 day\n    function: checks')).diagnostics.find((d) => d.code === 'GEN202')?.message,
    ).toBe("schedules.nightly is missing 'deadLetterQueue'");
  });

  it("checks per-environment names and the schedule name's length", () => {
    const env = compileYaml(
      one('    every: 1 day\n    function: checks\n    deadLetterQueue: ops-dlq\n    enabled: { prod: false }'),
    );
    expect(located(env, 'GEN308')).toEqual([
      {
        message: "enabled names environment 'prod', which has no file in environments/. Did you mean 'production'?",
        path: at('enabled', 'prod'),
      },
    ]);
    const long = compileYaml(
      one('    every: 1 day\n    function: checks\n    deadLetterQueue: ops-dlq').replace(
        '  nightly:',
        '  nightly-data-quality-and-retention-checks:',
      ),
      'test',
      { 'acceptance-eu-central-frankfurt': 'region: eu-central-1\nlogRetentionDays: 30\n' },
    );
    expect(located(long, 'GEN320')).toEqual([
      {
        message:
          "schedule name 'nightly-data-quality-and-retention-checks' becomes 'acceptance-eu-central-frankfurt-nightly-data-quality-and-retention-checks' in environment acceptance-eu-central-frankfurt: 73 characters, and Scheduler schedule names may have at most 64 (the environment prefix counts)",
        path: ['schedules', 'nightly-data-quality-and-retention-checks'],
      },
    ]);
  });
});

describe('schedules in gen graph and on the dashboard', () => {
  const ctx = {
    spec: {
      sections: {
        project: { value: { name: 'shop' } },
        schedules: {
          items: [
            {
              name: 'nightly',
              value: { cron: '0 2 * * ? *', timezone: 'Europe/Berlin', function: 'checks', enabled: { test: false } },
            },
            { name: 'quality', value: { every: { value: 5, unit: 'minute' }, function: 'checks', enabled: true } },
          ],
        },
      },
    },
    env: { name: 'test' },
    registry: BUILTIN,
  } as unknown as CompileContext;

  it('draws each schedule in the triggers layer with an edge to its function', () => {
    expect(schedulesSection.graph!(ctx.spec, ctx.env, BUILTIN)).toEqual({
      layer: 'triggers',
      nodes: [
        'schedules_nightly>"nightly<br/>cron 0 2 * * ? * Europe/Berlin (disabled)"]',
        'schedules_quality>"quality<br/>every 5 minutes"]',
      ],
      edges: ['schedules_nightly --> functions_checks', 'schedules_quality --> functions_checks'],
    });
  });

  it("graphs the schedule group's invocation attempts and target errors", () => {
    expect(schedulesSection.dashboard!(ctx)).toEqual([
      {
        title: 'Schedule invocations',
        stat: 'Sum',
        metrics: [['AWS/Scheduler', 'InvocationAttemptCount', 'ScheduleGroup', 'test-shop']],
      },
      {
        title: 'Schedule target errors',
        stat: 'Sum',
        metrics: [['AWS/Scheduler', 'TargetErrorCount', 'ScheduleGroup', 'test-shop']],
      },
    ]);
  });
});
