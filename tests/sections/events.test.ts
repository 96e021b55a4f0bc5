import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsSection } from '../../generator/sections/events/index.js';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { CompileContext } from '../../generator/sections/section.js';
import { REPO } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const sub = (text: string) => ({ 'Fn::Sub': text });
const errors = (c: Compiled) => c.diagnostics.filter((d) => d.severity === 'error');
const located = (c: Compiled, code: string) =>
  c.diagnostics.filter((d) => d.code === code).map((d) => ({ message: d.message, path: d.location?.path }));
const ARN = (service: string, rest: string) =>
  sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`);

const spec = `${PROJECT}
queues:
  market-dlq: {}
  trades: { fifo: true }
topics:
  risk: {}
events:
  market:
    description: Trades and quotes
    archive: { retentionDays: 7 }
    rules:
      trade-events:
        description: Trades to the processor
        match:
          source: [market.data]
          detail-type: [Trade Execution, Trade Update]
          detail: { price: [{ numeric: ['>', 0] }], venue: { mic: [XNAS] } }
        function: processor
        input: { kind: trade }
        retries: 2
        maxEventAgeSeconds: 3600
        deadLetterQueue: market-dlq
      trade-archive:
        match: { detail-type: [Trade Execution] }
        queue: trades
        inputPath: $.detail
        deadLetterQueue: market-dlq
  default:
    rules:
      risk-events:
        match: { source: [risk.engine] }
        topic: risk
        deadLetterQueue: market-dlq
functions:
  processor:
    handler: handlers/orders.handler
    provisionedConcurrency: 1
    buses: { market: publish, default: { access: publish, variable: DEFAULT_BUS } }
`;

describe('events: buses and archives', () => {
  const test = compileYaml(spec);
  const production = compileYaml(spec, 'production');

  it('creates a custom bus <environment>-<name> and its archive in the data layer, never the default bus', () => {
    expect(errors(test)).toEqual([]);
    expect(test.layerOf.MarketEventBus).toBe('data');
    expect(test.resources.MarketEventBus.Properties).toMatchObject({
      Name: 'test-market',
      Description: 'Trades and quotes',
    });
    expect(test.resources.MarketEventBus.Properties.Tags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
    expect(test.resources.MarketArchive.Properties).toEqual({
      ArchiveName: 'test-market',
      Description: 'Events of bus test-market, replayable',
      RetentionDays: 7,
      SourceArn: { 'Fn::GetAtt': ['MarketEventBus', 'Arn'] },
    });
    expect(test.layerOf.MarketArchive).toBe('data');
    expect(Object.values(test.resources).filter((r) => r.Type === 'AWS::Events::EventBus')).toHaveLength(1);
  });

  it('keeps the bus when its stack goes in a protected environment; buses are stateful', () => {
    expect(test.resources.MarketEventBus.DeletionPolicy).toBe('Delete');
    expect(production.resources.MarketEventBus.DeletionPolicy).toBe('Retain');
    expect(BUILTIN.statefulTypes.has('AWS::Events::EventBus')).toBe(true);
  });
});

describe('events: rules', () => {
  const test = compileYaml(spec);

  it('puts each rule, named <environment>-<rule>, on its bus in the triggers layer with its pattern as written', () => {
    const rule = test.resources.MarketTradeEventsRule;
    expect(test.layerOf.MarketTradeEventsRule).toBe('triggers');
    expect(rule.Properties).toMatchObject({
      Name: 'test-trade-events',
      Description: 'Trades to the processor',
      EventBusName: 'test-market',
      State: 'ENABLED',
      EventPattern: {
        source: ['market.data'],
        'detail-type': ['Trade Execution', 'Trade Update'],
        detail: { price: [{ numeric: ['>', 0] }], venue: { mic: ['XNAS'] } },
      },
    });
    expect(test.resources.DefaultRiskEventsRule.Properties.EventBusName).toBe('default');
  });

  it('sends to a function with its retry policy, dead-letter queue and input, and lets only this rule invoke it', () => {
    expect(test.resources.MarketTradeEventsRule.Properties.Targets).toEqual([
      {
        Id: 'processor',
        Arn: ARN('lambda', 'function:test-processor'),
        Input: '{"kind":"trade"}',
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: ARN('sqs', 'test-market-dlq') },
      },
    ]);
    expect(test.resources.MarketTradeEventsPermission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: 'test-processor',
      Principal: 'events.amazonaws.com',
      SourceArn: ARN('events', 'rule/test-market/test-trade-events'),
    });
    expect(test.layerOf.MarketTradeEventsPermission).toBe('triggers');
  });

  it('invokes the live alias where the function is kept warm', () => {
    const production = compileYaml(spec, 'production');
    expect(production.resources.MarketTradeEventsRule.Properties.Targets[0].Arn).toEqual(
      ARN('lambda', 'function:production-processor:live'),
    );
    expect(production.resources.MarketTradeEventsPermission.Properties.FunctionName).toBe('production-processor:live');
  });

  it('sends to a FIFO queue in one message group, and asks the queue for a statement admitting only this rule', () => {
    expect(test.resources.MarketTradeArchiveRule.Properties.Targets).toEqual([
      {
        Id: 'trades',
        Arn: ARN('sqs', 'test-trades.fifo'),
        InputPath: '$.detail',
        DeadLetterConfig: { Arn: ARN('sqs', 'test-market-dlq') },
        SqsParameters: { MessageGroupId: 'test-trade-archive' },
      },
    ]);
    expect(test.resources.MarketTradeArchivePermission).toBeUndefined();
    const statement = test.resources.TradesQueuePolicy.Properties.PolicyDocument.Statement.find(
      (s: any) => s.Principal?.Service === 'events.amazonaws.com',
    );
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: ['sqs:SendMessage'],
      Condition: {
        ArnLike: { 'aws:SourceArn': ARN('events', 'rule/test-market/test-trade-archive') },
        StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
      },
    });
  });

  it('publishes to a topic from a default-bus rule (no bus in its ARN), with a statement in the topic policy', () => {
    expect(test.resources.DefaultRiskEventsRule.Properties.Targets[0]).toMatchObject({
      Id: 'risk',
      Arn: ARN('sns', 'test-risk'),
    });
    const statement = test.resources.RiskTopicPolicy.Properties.PolicyDocument.Statement.find(
      (s: any) => s.Principal?.Service === 'events.amazonaws.com',
    );
    expect(statement).toMatchObject({
      Action: ['sns:Publish'],
      Condition: { ArnLike: { 'aws:SourceArn': ARN('events', 'rule/test-risk-events') } },
    });
  });

  it('lets each rule, and only it, put failed events in its dead-letter queue', () => {
    const statements = test.resources.MarketDlqQueuePolicy.Properties.PolicyDocument.Statement.filter(
      (s: any) => s.Principal?.Service === 'events.amazonaws.com',
    );
    expect(statements.map((s: any) => s.Condition.ArnLike['aws:SourceArn'])).toEqual([
      ARN('events', 'rule/test-risk-events'),
      ARN('events', 'rule/test-market/test-trade-archive'),
      ARN('events', 'rule/test-market/test-trade-events'),
    ]);
    expect(statements.every((s: any) => JSON.stringify(s.Action) === '["sqs:SendMessage"]')).toBe(true);
  });

  it('counts rule targets as invoked (GEN-P5)', () => {
    const invoked = eventsSection.invokes!({
      sections: {
        events: {
          items: [
            {
              name: 'b',
              value: {
                rules: [
                  { name: 'r', value: { target: { kind: 'function', name: 'processor' } } },
                  { name: 's', value: { target: { kind: 'queue', name: 'q' } } },
                ],
              },
            },
          ],
        },
      },
    } as any);
    expect(invoked).toEqual(['processor']);
  });
});

describe('events: what functions may do with buses', () => {
  it('writes `buses`, gets events:PutEvents on exactly the bus and BUS_<NAME> (or its own name) with the bus name', () => {
    const c = compileYaml(spec);
    expect(c.resources.ProcessorFunction.Properties.Environment.Variables).toMatchObject({
      BUS_MARKET: 'test-market',
      DEFAULT_BUS: 'default',
    });
    const statements = c.resources.ProcessorRole.Properties.Policies[0].PolicyDocument.Statement.filter((s: any) =>
      s.Sid.startsWith('Bus'),
    );
    expect(statements).toEqual([
      {
        Sid: 'BusDefault',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: [ARN('events', 'event-bus/default')],
      },
      {
        Sid: 'BusMarket',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: [ARN('events', 'event-bus/test-market')],
      },
    ]);
  });

  it('is documented and validated under `buses`, not under the section key', () => {
    const schema = BUILTIN.schemaOf(BUILTIN.section('functions')!) as any;
    expect(Object.keys(schema.properties)).toContain('buses');
    expect(Object.keys(schema.properties)).not.toContain('events');
    const fn = (uses: string) =>
      `${PROJECT}\nevents:\n  market: {}\nfunctions:\n  processor:\n    handler: handlers/orders.handler\n    ${uses}\n`;
    expect(located(compileYaml(fn('buses: { markte: publish }')), 'GEN312')).toEqual([
      {
        message: "function 'processor' uses bus 'markte', which is not defined. Did you mean 'market'?",
        path: ['functions', 'processor', 'buses', 'markte'],
      },
    ]);
    expect(compileYaml(fn('events: { market: publish }')).diagnostics.find((d) => d.code === 'GEN201')?.message).toBe(
      "unknown key 'events' in functions.processor.",
    );
    expect(codes(compileYaml(fn('buses: { market: subscribe }')))).toContain('GEN205');
  });
});

describe('events: alarms on rules', () => {
  const alarms = `
alarms:
  trades-failing: { type: rule-failures, rule: trade-events }
  risk-lost: { type: rule-dlq-failures, rule: risk-events, threshold: 1 }
`;

  it('watch a rule by its name (unique across buses), with the bus as a dimension on custom buses only', () => {
    const c = compileYaml(spec + alarms);
    expect(errors(c)).toEqual([]);
    const dimensions = (id: string) => c.resources[id].Properties.Metrics[0].MetricStat.Metric;
    expect(dimensions('TradesFailingAlarm')).toEqual({
      Namespace: 'AWS/Events',
      MetricName: 'FailedInvocations',
      Dimensions: [
        { Name: 'EventBusName', Value: 'test-market' },
        { Name: 'RuleName', Value: 'test-trade-events' },
      ],
    });
    expect(dimensions('RiskLostAlarm')).toEqual({
      Namespace: 'AWS/Events',
      MetricName: 'InvocationsFailedToBeSentToDlq',
      Dimensions: [{ Name: 'RuleName', Value: 'test-risk-events' }],
    });
  });

  it("name rules that exist (did-you-mean over every bus's rules)", () => {
    const c = compileYaml(spec + alarms.replace('rule: trade-events', 'rule: trade-event'));
    expect(located(c, 'GEN312')).toEqual([
      {
        message:
          "alarm 'trades-failing' watches rule 'trade-event', which is not defined. Did you mean 'trade-events'?",
        path: ['alarms', 'trades-failing', 'rule'],
      },
    ]);
  });
});

describe('events: mistakes are reported at the spec', () => {
  const rule = (body: string, bus = 'market') => `${PROJECT}
queues:
  dlq: {}
  ordered-dlq: { fifo: true }
topics:
  ordered: { fifo: true }
events:
  ${bus}:
    rules:
      trades:
${body}
functions:
  processor:
    handler: handlers/orders.handler
`;

  it('names unknown targets and dead-letter queues with did-you-mean', () => {
    const c = compileYaml(
      rule('        match: { source: [a] }\n        function: procesor\n        deadLetterQueue: dql'),
    );
    expect(located(c, 'GEN302')).toEqual([
      {
        message:
          "rule 'trades' on bus 'market' sends to function 'procesor', which is not defined. Did you mean 'processor'?",
        path: ['events', 'market', 'rules', 'trades', 'function'],
      },
    ]);
    expect(located(c, 'GEN312')).toEqual([
      {
        message:
          "rule 'trades' on bus 'market' sends failed events to queue 'dql', which is not defined. Did you mean 'dlq'?",
        path: ['events', 'market', 'rules', 'trades', 'deadLetterQueue'],
      },
    ]);
  });

  it('asks for exactly one target, a dead-letter queue, and input or inputPath', () => {
    const none = compileYaml(rule('        match: { source: [a] }\n        deadLetterQueue: dlq'));
    expect(located(none, 'GEN202')).toEqual([
      { message: "rule 'trades' on bus 'market' names no target", path: ['events', 'market', 'rules', 'trades'] },
    ]);
    const two = compileYaml(
      rule(
        '        match: { source: [a] }\n        function: processor\n        queue: dlq\n        deadLetterQueue: dlq\n        input: {}\n        inputPath: $.detail',
      ),
    );
    expect(located(two, 'GEN206')).toEqual([
      {
        message: "rule 'trades' on bus 'market' names function and queue; it delivers to exactly one target",
        path: ['events', 'market', 'rules', 'trades', 'queue'],
      },
      {
        message: "rule 'trades' on bus 'market' has both input and inputPath",
        path: ['events', 'market', 'rules', 'trades', 'inputPath'],
      },
    ]);
    const noDlq = compileYaml(rule('        match: { source: [a] }\n        function: processor'));
    expect(noDlq.diagnostics.find((d) => d.code === 'GEN202')?.message).toBe(
      "events.market.rules.trades is missing 'deadLetterQueue'",
    );
  });

  it('refuses FIFO topics as targets and FIFO queues as dead-letter queues', () => {
    const c = compileYaml(
      rule('        match: { source: [a] }\n        topic: ordered\n        deadLetterQueue: ordered-dlq'),
    );
    expect(located(c, 'GEN321')).toEqual([
      {
        message:
          "rule 'trades' on bus 'market' sends to FIFO topic 'ordered'; gen's rules deliver to standard topics only",
        path: ['events', 'market', 'rules', 'trades', 'topic'],
      },
      {
        message:
          "rule 'trades' on bus 'market' sends failed events to queue 'ordered-dlq', a FIFO queue; EventBridge delivers failed events only to standard queues",
        path: ['events', 'market', 'rules', 'trades', 'deadLetterQueue'],
      },
    ]);
  });

  it('checks the pattern lightly: known top-level fields, lists of values, nested detail', () => {
    const key = compileYaml(
      rule('        match: { detail_type: [a] }\n        function: processor\n        deadLetterQueue: dlq'),
    );
    expect(key.diagnostics.find((d) => d.code === 'GEN201')?.message).toBe(
      "unknown key 'detail_type' in events.market.rules.trades.match. Did you mean 'detail-type'?",
    );
    const scalar = compileYaml(
      rule('        match: { source: market.data }\n        function: processor\n        deadLetterQueue: dlq'),
    );
    expect(located(scalar, 'GEN203').map((d) => d.path)).toEqual([
      ['events', 'market', 'rules', 'trades', 'match', 'source'],
    ]);
    const leaf = compileYaml(
      rule(
        '        match: { detail: { venue: { mic: XNAS }, price: [] } }\n        function: processor\n        deadLetterQueue: dlq',
      ),
    );
    expect(located(leaf, 'GEN203')).toEqual([
      {
        message: 'match field detail.venue.mic is "XNAS"; EventBridge matches lists of values',
        path: ['events', 'market', 'rules', 'trades', 'match', 'detail', 'venue', 'mic'],
      },
    ]);
    expect(located(leaf, 'GEN208').map((d) => d.path)).toEqual([
      ['events', 'market', 'rules', 'trades', 'match', 'detail', 'price'],
    ]);
  });

  it('keeps rule names unique across buses', () => {
    const c = compileYaml(`${PROJECT}
queues:
  dlq: {}
events:
  default:
    rules:
      trades: { match: { source: [a] }, queue: dlq, deadLetterQueue: dlq }
  market:
    rules:
      trades: { match: { source: [b] }, queue: dlq, deadLetterQueue: dlq }
`);
    expect(located(c, 'GEN322')).toEqual([
      {
        message:
          "rule 'trades' is also defined on bus 'default'; rule names are unique across buses (each is <environment>-trades in AWS)",
        path: ['events', 'market', 'rules', 'trades'],
      },
    ]);
  });

  it("keeps rule and archive names within EventBridge's limits in every environment", () => {
    const c = compileYaml(
      `${PROJECT}
queues:
  dlq: {}
events:
  market-data-feeds:
    archive: {}
    rules:
      trade-executions-and-updates-from-feeds: { match: { source: [b] }, queue: dlq, deadLetterQueue: dlq }
`,
      'test',
      { 'acceptance-eu-central-frankfurt': 'region: eu-central-1\nlogRetentionDays: 30\n' },
    );
    expect(located(c, 'GEN320')).toEqual([
      {
        message:
          "bus name 'market-data-feeds' becomes 'acceptance-eu-central-frankfurt-market-data-feeds' in environment acceptance-eu-central-frankfurt: 49 characters, and EventBridge archive names (<environment>-<bus>) may have at most 48 (the environment prefix counts)",
        path: ['events', 'market-data-feeds', 'archive'],
      },
      {
        message:
          "rule name 'trade-executions-and-updates-from-feeds' becomes 'acceptance-eu-central-frankfurt-trade-executions-and-updates-from-feeds' in environment acceptance-eu-central-frankfurt: 71 characters, and EventBridge rule names may have at most 64 (the environment prefix counts)",
        path: ['events', 'market-data-feeds', 'rules', 'trade-executions-and-updates-from-feeds'],
      },
    ]);
  });

  it('reports a target section that is not part of gen (a registry without queues)', () => {
    const registry = createRegistry(BUILTIN_SECTIONS.filter((s) => s.key !== 'queues'));
    const c = compileYaml(
      `${PROJECT}\nevents:\n  market:\n    rules:\n      trades: { match: { source: [a] }, queue: jobs, deadLetterQueue: jobs }\n`,
      'test',
      {},
      registry,
    );
    expect(located(c, 'GEN312')).toEqual([
      {
        message: "rule 'trades' on bus 'market' sends to queue 'jobs', but this gen has no queues section",
        path: ['events', 'market', 'rules', 'trades', 'queue'],
      },
      {
        message:
          "rule 'trades' on bus 'market' sends failed events to queue 'jobs', but this gen has no queues section",
        path: ['events', 'market', 'rules', 'trades', 'deadLetterQueue'],
      },
    ]);
  });
});

describe('events in gen graph and on the dashboard', () => {
  const ctx = {
    spec: {
      sections: {
        events: {
          items: [
            {
              name: 'market',
              value: {
                rules: [
                  {
                    name: 'trades',
                    value: { target: { kind: 'function', name: 'processor' }, deadLetterQueue: 'dlq' },
                  },
                ],
              },
            },
            {
              name: 'default',
              value: { rules: [{ name: 'risk', value: { target: { kind: 'topic', name: 'alerts' } } }] },
            },
          ],
        },
      },
    },
    env: { name: 'test' },
    registry: BUILTIN,
  } as unknown as CompileContext;

  it('draws buses in the data layer and each rule as an edge to its target and its dead-letter queue', () => {
    expect(eventsSection.graph!(ctx.spec, ctx.env, BUILTIN)).toEqual({
      layer: 'data',
      nodes: ['events_market[/"bus test-market"/]', 'events_default[/"default bus (the account\'s)"/]'],
      edges: [
        'events_market -- "rule trades" --> functions_processor',
        'events_market -. "trades failed" .-> queues_dlq',
        'events_default -- "rule risk" --> topics_alerts',
      ],
    });
  });

  it('graphs invocations and failed invocations of every rule', () => {
    expect(eventsSection.dashboard!(ctx)).toEqual([
      {
        title: 'Event rule invocations',
        stat: 'Sum',
        metrics: [
          ['AWS/Events', 'Invocations', 'EventBusName', 'test-market', 'RuleName', 'test-trades'],
          ['AWS/Events', 'Invocations', 'RuleName', 'test-risk'],
        ],
      },
      {
        title: 'Event rule failed invocations',
        stat: 'Sum',
        metrics: [
          ['AWS/Events', 'FailedInvocations', 'EventBusName', 'test-market', 'RuleName', 'test-trades'],
          ['AWS/Events', 'FailedInvocations', 'RuleName', 'test-risk'],
        ],
      },
    ]);
  });
});

/**
 * The real cfn-lint (from the project's .venv; slow to start, so one run) over every template the
 * golden cases of the buckets, events and schedules sections pin, in every environment they pin
 * (tests/golden/sections.test.ts keeps those files equal to what gen builds).
 */
describe('cfn-lint on the buckets, events and schedules golden templates', () => {
  it('finds no error and no warning', () => {
    const files = ['buckets', 'events', 'schedules'].flatMap((section) => {
      const root = join(REPO, 'tests/golden/sections', section);
      return readdirSync(root).flatMap((name) => {
        const expected = join(root, name, 'expected');
        return readdirSync(expected).flatMap((env) =>
          readdirSync(join(expected, env))
            .filter((f) => f.endsWith('.template.json'))
            .map((f) => join(expected, env, f)),
        );
      });
    });
    const types = new Set(
      files.flatMap((f) =>
        Object.values(JSON.parse(readFileSync(f, 'utf8')).Resources as Record<string, { Type: string }>).map(
          (r) => r.Type,
        ),
      ),
    );
    for (const type of [
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::Events::EventBus',
      'AWS::Events::Archive',
      'AWS::Events::Rule',
      'AWS::Scheduler::Schedule',
      'AWS::Scheduler::ScheduleGroup',
    ]) {
      expect(types.has(type), `no golden template has ${type}`).toBe(true);
    }
    expect(cfnLint(files)).toEqual(CLEAN);
  }, 120_000);
});
