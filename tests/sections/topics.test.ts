import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { PolicyGrant, Section } from '../../generator/sections/section.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const message = (built: Compiled, code: string) => built.diagnostics.find((d) => d.code === code)?.message;
const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];
const topicArn = (name: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${name}`,
});
const ACCOUNT = { 'Fn::Sub': '${AWS::AccountId}' };
const DENY_PLAIN = (topic: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 'sns:Publish',
  Resource: { Ref: topic },
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** A section defined here whose items make AWS services publish to topics (as buckets, rules and budgets do). */
const publishers = (grants: Omit<PolicyGrant, 'section'>[]): Section => ({
  key: 'publishers',
  kind: 'map',
  schema: { type: 'object' },
  names: { pattern: '^[a-z]+$', noun: 'publisher', hint: 'lowercase', maxLength: 10 },
  grants: () => grants.map((g) => ({ section: 'topics', ...g })),
});
const withPublishers = (grants: Omit<PolicyGrant, 'section'>[]) =>
  createRegistry([...BUILTIN_SECTIONS, publishers(grants)]);
const S3_GRANT = {
  name: 'alerts',
  sid: 'bucket-uploads',
  service: 's3.amazonaws.com',
  actions: ['sns:Publish'],
  sourceArn: 'arn:aws:s3:::uploads',
};
const EVENTS_GRANT = {
  name: 'alerts',
  sid: 'rule-risk',
  service: 'events.amazonaws.com',
  actions: ['sns:Publish'],
  sourceArn: 'arn:aws:events:eu-central-1:123456789012:rule/risk',
};

const notifier = `functions:
  notifier:
    handler: handlers/orders.handler
`;

describe('topics section', () => {
  it('compiles a topic encrypted with the AWS-managed key and a TLS-only policy into the data layer', () => {
    const built = compileYaml(`${PROJECT}topics:\n  alerts: {}\n`);
    expect(errors(built)).toEqual([]);
    const { resources, layerOf } = built;
    expect(layerOf.AlertsTopic).toBe('data');
    expect(resources.AlertsTopic.Properties).toMatchObject({
      TopicName: 'test-alerts',
      KmsMasterKeyId: 'alias/aws/sns',
    });
    expect(resources.AlertsTopic.Properties.FifoTopic).toBeUndefined();
    expect(resources.AlertsTopicKey).toBeUndefined();
    expect(resources.AlertsTopicPolicy.Properties).toEqual({
      Topics: [{ Ref: 'AlertsTopic' }],
      PolicyDocument: { Version: '2012-10-17', Statement: [DENY_PLAIN('AlertsTopic')] },
    });
    const production = compileYaml(`${PROJECT}topics:\n  alerts: {}\n`, 'production').resources.AlertsTopic as any;
    expect([production.DeletionPolicy, production.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });

  it('names FIFO topics .fifo, with content-based deduplication', () => {
    const { resources } = compileYaml(`${PROJECT}topics:\n  orders: { fifo: true }\n`);
    expect(resources.OrdersTopic.Properties).toMatchObject({
      TopicName: 'test-orders.fifo',
      FifoTopic: true,
      ContentBasedDeduplication: true,
    });
  });

  describe('when an AWS service publishes to it', () => {
    const spec = `${PROJECT}topics:\n  alerts: {}\n  quiet: {}\n${notifier}    topics: { alerts: publish, quiet: publish }\n`;
    const built = compileYaml(spec, 'test', {}, withPublishers([S3_GRANT, EVENTS_GRANT]));

    it('gets a rotating key of its own, with an alias, that only the account and those services (for their sources) may use', () => {
      expect(errors(built)).toEqual([]);
      const { resources } = built;
      expect(resources.AlertsTopic.Properties.KmsMasterKeyId).toEqual({ Ref: 'AlertsTopicKey' });
      expect(resources.AlertsTopicKey.Properties.EnableKeyRotation).toBe(true);
      expect(resources.AlertsTopicKeyAlias.Properties).toEqual({
        AliasName: 'alias/test-shop-alerts',
        TargetKeyId: { Ref: 'AlertsTopicKey' },
      });
      expect(resources.AlertsTopicKey.Properties.KeyPolicy.Statement).toEqual([
        {
          Sid: 'AccountAdministers',
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'EventsPublishesEncrypted',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': [EVENTS_GRANT.sourceArn] },
          },
        },
        {
          Sid: 'S3PublishesEncrypted',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': [S3_GRANT.sourceArn] },
          },
        },
      ]);
      // The other topic keeps the AWS-managed key.
      expect(resources.QuietTopic.Properties.KmsMasterKeyId).toBe('alias/aws/sns');
      expect(resources.QuietTopicKey).toBeUndefined();
    });

    it('lets exactly those services publish, each from its own source in this account', () => {
      expect(built.resources.AlertsTopicPolicy.Properties.PolicyDocument.Statement).toEqual([
        DENY_PLAIN('AlertsTopic'),
        {
          Sid: 'BucketUploads',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: ['sns:Publish'],
          Resource: { Ref: 'AlertsTopic' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': S3_GRANT.sourceArn },
          },
        },
        {
          Sid: 'RuleRisk',
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['sns:Publish'],
          Resource: { Ref: 'AlertsTopic' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': EVENTS_GRANT.sourceArn },
          },
        },
      ]);
    });

    it('lets a publishing function use the key, through SNS and by its alias only', () => {
      const topicStatements = statements(built, 'NotifierRole').filter((s) => s.Sid.startsWith('Topic'));
      expect(topicStatements).toEqual([
        { Sid: 'TopicAlertsPublish', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topicArn('test-alerts')] },
        {
          Sid: 'TopicAlertsKey',
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*' }],
          Condition: {
            'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/test-shop-alerts' },
            StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'sns.${AWS::Region}.amazonaws.com' } },
          },
        },
        { Sid: 'TopicQuietPublish', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topicArn('test-quiet')] },
      ]);
    });
  });

  it('gets its key from a real publishing section too: a bucket notifying it joins its placement group and waits for its policy', () => {
    const text = `${PROJECT}topics:\n  alerts: {}\nbuckets:\n  uploads:\n    notify:\n      - topic: alerts\n        events: [created]\n`;
    const built = compileYaml(text);
    expect(errors(built)).toEqual([]);
    expect(built.resources.AlertsTopic.Properties.KmsMasterKeyId).toEqual({ Ref: 'AlertsTopicKey' });
    expect(built.resources.AlertsTopicKey.Properties.KeyPolicy.Statement.map((s: any) => s.Sid)).toEqual([
      'AccountAdministers',
      'S3PublishesEncrypted',
    ]);
    expect(built.resources.AlertsTopicPolicy.Properties.PolicyDocument.Statement.map((s: any) => s.Sid)).toEqual([
      'DenyInsecureTransport',
      'BucketUploadsNotifications',
    ]);
    const spec = specOf(text);
    expect(BUILTIN.section('topics')!.placementGroup!(spec, 'alerts')).toBe('AlertsTopic');
    expect(built.resources.UploadsBucket.DependsOn).toBe('AlertsTopicPolicy');
  });

  it('gives publishing functions TOPIC_<NAME> = the topic ARN (renamable) and sns:Publish on it only', () => {
    const built = compileYaml(
      `${PROJECT}topics:\n  alerts: {}\n  orders: { fifo: true }\n${notifier}    topics:\n      alerts: publish\n      orders: { access: publish, variable: ORDERS_TOPIC_ARN }\n`,
    );
    expect(errors(built)).toEqual([]);
    expect(built.resources.NotifierFunction.Properties.Environment.Variables).toEqual({
      ORDERS_TOPIC_ARN: topicArn('test-orders.fifo'),
      TOPIC_ALERTS: topicArn('test-alerts'),
    });
    expect(
      statements(built, 'NotifierRole')
        .filter((s) => s.Sid.startsWith('Topic'))
        .map((s) => [s.Sid, s.Action, s.Resource]),
    ).toEqual([
      ['TopicAlertsPublish', ['sns:Publish'], [topicArn('test-alerts')]],
      ['TopicOrdersPublish', ['sns:Publish'], [topicArn('test-orders.fifo')]],
    ]);
    expect(
      codes(compileYaml(`${PROJECT}topics:\n  alerts: {}\n${notifier}    topics: { alerts: subscribe }\n`)),
    ).toContain('GEN205');
    expect(
      message(compileYaml(`${PROJECT}topics:\n  alerts: {}\n${notifier}    topics: { alert: publish }\n`), 'GEN312'),
    ).toBe("function 'notifier' uses topic 'alert', which is not defined. Did you mean 'alerts'?");
  });

  describe('subscribers', () => {
    const spec = `${PROJECT}topics:
  alerts:
    subscribers:
      email: [ops@example.com, dev@example.com]
      sms: { production: ['+4930123456'] }
      function: [notifier]
      queue: [archive]
queues:
  archive: {}
${notifier}`;
    const built = compileYaml(spec);
    const ofType = (b: Compiled, type: string) => Object.entries(b.resources).filter(([, r]) => r.Type === type);

    it("subscribe e-mail addresses and phone numbers in the topic's stack, per environment where asked", () => {
      expect(errors(built)).toEqual([]);
      const email = ofType(built, 'AWS::SNS::Subscription').filter(([, r]) => r.Properties.Protocol === 'email');
      expect(email.map(([, r]) => r.Properties.Endpoint).sort()).toEqual(['dev@example.com', 'ops@example.com']);
      expect(email[0][1].Properties.TopicArn).toEqual({ Ref: 'AlertsTopic' });
      for (const [id] of email)
        expect([id.startsWith('AlertsEmailSubscription'), built.layerOf[id]]).toEqual([true, 'data']);
      // Keyed by the address: the ID does not move when the list is reordered.
      const reordered = compileYaml(
        spec.replace('[ops@example.com, dev@example.com]', '[dev@example.com, ops@example.com]'),
      );
      expect(
        ofType(reordered, 'AWS::SNS::Subscription')
          .map(([id]) => id)
          .sort(),
      ).toEqual(
        ofType(built, 'AWS::SNS::Subscription')
          .map(([id]) => id)
          .sort(),
      );
      expect(ofType(built, 'AWS::SNS::Subscription').some(([, r]) => r.Properties.Protocol === 'sms')).toBe(false);
      const sms = ofType(compileYaml(spec, 'production'), 'AWS::SNS::Subscription').filter(
        ([, r]) => r.Properties.Protocol === 'sms',
      );
      expect(sms.map(([, r]) => r.Properties.Endpoint)).toEqual(['+4930123456']);
    });

    it('subscribe a queue, whose policy then lets SNS send for this topic only', () => {
      const [[id, sub]] = ofType(built, 'AWS::SNS::Subscription').filter(([, r]) => r.Properties.Protocol === 'sqs');
      expect(built.layerOf[id]).toBe('data');
      expect(sub.Properties).toEqual({
        TopicArn: { Ref: 'AlertsTopic' },
        Protocol: 'sqs',
        Endpoint: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-archive' },
      });
      expect(built.resources.ArchiveQueuePolicy.Properties.PolicyDocument.Statement[1]).toEqual({
        Sid: 'TopicAlerts',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: ['sqs:SendMessage'],
        Resource: { 'Fn::GetAtt': ['ArchiveQueue', 'Arn'] },
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': topicArn('test-alerts') },
        },
      });
      // SNS delivering to a queue is not a service publishing to the topic: no key of its own.
      expect(built.resources.AlertsTopic.Properties.KmsMasterKeyId).toBe('alias/aws/sns');
    });

    it('subscribe a function in the triggers layer, after the permission that lets this topic invoke it', () => {
      const [[id, sub]] = ofType(built, 'AWS::SNS::Subscription').filter(([, r]) => r.Properties.Protocol === 'lambda');
      expect(built.layerOf[id]).toBe('triggers');
      expect(sub.Properties).toEqual({
        TopicArn: topicArn('test-alerts'),
        Protocol: 'lambda',
        Endpoint: { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-notifier' },
      });
      expect(sub.DependsOn).toEqual(['AlertsNotifierPermission']);
      expect(built.layerOf.AlertsNotifierPermission).toBe('triggers');
      expect(built.resources.AlertsNotifierPermission.Properties).toEqual({
        Action: 'lambda:InvokeFunction',
        FunctionName: 'test-notifier',
        Principal: 'sns.amazonaws.com',
        SourceArn: topicArn('test-alerts'),
      });
      expect(BUILTIN.sections.flatMap((s) => s.invokes?.(specOf(spec)) ?? [])).toContain('notifier');
    });

    it('invoke the live alias of a function kept warm', () => {
      const warm = compileYaml(
        `${PROJECT}topics:\n  alerts: { subscribers: { function: [notifier] } }\n${notifier}    provisionedConcurrency: 1\n`,
        'production',
      );
      expect(warm.resources.AlertsNotifierPermission.Properties.FunctionName).toBe('production-notifier:live');
      const sub = Object.values(warm.resources).find((r) => r.Properties?.Protocol === 'lambda')!;
      expect(sub.Properties.Endpoint).toEqual({
        'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:production-notifier:live',
      });
    });

    it('must exist, with did-you-mean', () => {
      const wrong = compileYaml(
        `${PROJECT}topics:\n  alerts: { subscribers: { function: [notifer], queue: [archiv] } }\nqueues:\n  archive: {}\n${notifier}`,
      );
      expect(message(wrong, 'GEN302')).toBe(
        "topic 'alerts' delivers to function 'notifer', which is not defined. Did you mean 'notifier'?",
      );
      expect(message(wrong, 'GEN312')).toBe(
        "topic 'alerts' delivers to queue 'archiv', which is not defined. Did you mean 'archive'?",
      );
    });

    it('name only environments that exist', () => {
      expect(
        message(
          compileYaml(`${PROJECT}topics:\n  alerts: { subscribers: { email: { prod: [ops@example.com] } } }\n`),
          'GEN308',
        ),
      ).toBe("subscribers name environment 'prod', which has no file in environments/. Did you mean 'production'?");
    });

    it('are refused where SNS cannot deliver: FIFO topics reach FIFO queues only', () => {
      const fifo = compileYaml(
        `${PROJECT}topics:\n  orders: { fifo: true, subscribers: { email: [ops@example.com], queue: [plain, ordered] } }\nqueues:\n  plain: {}\n  ordered: { fifo: true }\n`,
      );
      expect(fifo.diagnostics.filter((d) => d.code === 'GEN206').map((d) => d.message)).toEqual([
        "topic 'orders' is a FIFO topic, but queue 'plain' is a standard queue; SNS delivers FIFO topics to FIFO queues only",
        "topic 'orders' is FIFO, and SNS delivers FIFO topics to SQS queues only, not to email",
      ]);
      expect(
        message(
          compileYaml(
            `${PROJECT}topics:\n  alerts: { subscribers: { queue: [ordered] } }\nqueues:\n  ordered: { fifo: true }\n`,
          ),
          'GEN206',
        ),
      ).toBe(
        "topic 'alerts' is a standard topic, but queue 'ordered' is a FIFO queue; SNS delivers standard topics to standard queues only",
      );
      expect(
        codes(compileYaml(`${PROJECT}topics:\n  alerts: { subscribers: { email: [not-an-address] } }\n`)),
      ).toContain('GEN206');
    });
  });

  it('has a topic-failed-deliveries alarm type', () => {
    const built = compileYaml(
      `${PROJECT}topics:\n  orders: { fifo: true }\nalarms:\n  orders-undelivered:\n    type: topic-failed-deliveries\n    topic: orders\n`,
    );
    expect(errors(built)).toEqual([]);
    const alarm = built.resources.OrdersUndeliveredAlarm.Properties;
    expect(alarm.Threshold).toBe(1);
    expect(alarm.Metrics[0].MetricStat).toMatchObject({
      Metric: {
        Namespace: 'AWS/SNS',
        MetricName: 'NumberOfNotificationsFailed',
        Dimensions: [{ Name: 'TopicName', Value: 'test-orders.fifo' }],
      },
      Stat: 'Sum',
    });
  });

  it('is drawn by gen graph and adds graphs to the dashboard', () => {
    const spec = specOf(
      `${PROJECT}topics:\n  alerts: { subscribers: { email: [a@example.com], function: [notifier], queue: [archive] } }\nqueues:\n  archive: {}\n${notifier}`,
    );
    const env = { name: 'test', alarms: { periodSeconds: 60 }, functions: { memory: 256, timeout: 30 } } as any;
    const graph = architectureMermaid(spec, env);
    expect(graph).toContain('topics_alerts{{"test-alerts<br/>SNS, KMS-encrypted<br/>1 e-mail address"}}');
    expect(graph).toContain('topics_alerts -- subscribes --> functions_notifier');
    expect(graph).toContain('topics_alerts -- subscribes --> queues_archive');
    expect(BUILTIN.section('topics')!.dashboard!({ spec, env, registry: BUILTIN })).toEqual([
      {
        title: 'Topic messages published',
        stat: 'Sum',
        metrics: [['AWS/SNS', 'NumberOfMessagesPublished', 'TopicName', 'test-alerts']],
      },
      {
        title: 'Topic notifications failed',
        stat: 'Sum',
        metrics: [['AWS/SNS', 'NumberOfNotificationsFailed', 'TopicName', 'test-alerts']],
      },
    ]);
  });

  it('is stateful', () => {
    expect(BUILTIN.statefulTypes.has('AWS::SNS::Topic')).toBe(true);
  });
});

describe('cfn-lint on queues and topics', () => {
  const work = mkdtempSync(join(tmpdir(), 'gen-lint-events-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds nothing in the templates of specs using every queue and topic feature, test and production (one run)', () => {
    const specs = {
      queues: `${PROJECT}queues:
  jobs: { consumer: { function: worker, batchSize: 100, batchWindow: 5, partialFailures: true, maxConcurrency: 10, filter: [{ body: { kind: [a] } }, { body: { kind: [b] } }] } }
  orders: { fifo: true, delaySeconds: 5, visibilityTimeout: 120, deadLetterQueue: { queue: orders-failed, maxReceives: 3 }, consumer: worker }
  orders-failed: { fifo: true, retentionDays: 14 }
  plain: { deadLetterQueue: none }
functions:
  worker:
    handler: handlers/orders.handler
    provisionedConcurrency: 1
    queues: { plain: send-receive }
alarms:
  backlog: { type: queue-depth, queue: jobs }
  stuck: { type: queue-age, queue: orders }
  failing: { type: dlq-not-empty, queue: jobs }
`,
      topics: `${PROJECT}topics:
  alerts: { subscribers: { email: [ops@example.com], sms: { production: ['+4930123456'] }, function: [notifier], queue: [archive] } }
  orders: { fifo: true, subscribers: { queue: [ordered] } }
queues:
  archive: {}
  ordered: { fifo: true }
${notifier}    topics: { alerts: publish, orders: publish }
alarms:
  undelivered: { type: topic-failed-deliveries, topic: alerts }
`,
    };
    const files: string[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      for (const env of ['test', 'production']) {
        // A service publishing to alerts gives it a key of its own: lint that form too.
        const built = compileYaml(spec, env, {}, withPublishers([S3_GRANT]));
        expect(errors(built)).toEqual([]);
        for (const stack of built.stacks!) {
          const file = join(work, `${name}-${env}-${stack.file}`);
          writeFileSync(file, stack.body);
          files.push(file);
        }
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(cfnLint(files)).toEqual(CLEAN);
  });
});

/** The spec of an inline YAML text, read through the real loader. */
function specOf(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'gen-topics-'));
  try {
    cpSync(join(FIXTURES, 'base'), root, { recursive: true });
    writeFileSync(join(root, 'spec/app.yaml'), text);
    return readSpec({ root, specDir: join(root, 'spec') }).spec!;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
