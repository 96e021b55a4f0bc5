import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Positions } from '../../generator/cli/report.js';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { DATA_TYPES } from '../../generator/deploy/stateful.js';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { Section } from '../../generator/sections/section.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { FIXTURES } from '../fixtures/run-fixture.js';

const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];
const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const message = (built: Compiled, code: string) => built.diagnostics.find((d) => d.code === code)?.message;
const arn = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:${name}` });
const url = (name: string) => ({
  'Fn::Sub': `https://sqs.\${AWS::Region}.\${AWS::URLSuffix}/\${AWS::AccountId}/${name}`,
});
const RECEIVE = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];

const worker = (extra = '') => `functions:
  worker:
    handler: handlers/orders.handler
${extra}`;

describe('queues section', () => {
  it('compiles an encrypted, TLS-only queue with SQS defaults into the data layer', () => {
    const built = compileYaml(`${PROJECT}queues:\n  jobs: {}\n`);
    expect(errors(built)).toEqual([]);
    const { resources, layerOf } = built;
    expect(layerOf.JobsQueue).toBe('data');
    expect(resources.JobsQueue.Properties).toMatchObject({
      QueueName: 'test-jobs',
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 4 * 86400,
      VisibilityTimeout: 30,
    });
    expect(resources.JobsQueue.Properties.RedrivePolicy).toBeUndefined();
    expect(resources.JobsQueue.Properties.FifoQueue).toBeUndefined();
    expect(resources.JobsQueue.DeletionPolicy).toBe('Delete');
    expect(resources.JobsQueuePolicy.Properties).toEqual({
      Queues: [{ Ref: 'JobsQueue' }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    });
    // Nothing consumes it: no dead-letter queue, no mapping.
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::SQS::Queue')).toHaveLength(1);
    expect(Object.values(resources).some((r) => r.Type === 'AWS::Lambda::EventSourceMapping')).toBe(false);
  });

  it('keeps retention, delay and visibility as written, and retains queues in protected environments', () => {
    const spec = `${PROJECT}queues:\n  jobs: { retentionDays: 14, delaySeconds: 10, visibilityTimeout: 45 }\n`;
    expect(compileYaml(spec).resources.JobsQueue.Properties).toMatchObject({
      MessageRetentionPeriod: 1209600,
      DelaySeconds: 10,
      VisibilityTimeout: 45,
    });
    const production = compileYaml(spec, 'production').resources.JobsQueue as any;
    expect([production.DeletionPolicy, production.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    expect(codes(compileYaml(`${PROJECT}queues:\n  jobs: { retentionDays: 15 }\n`))).toContain('GEN204');
  });

  describe('a consumed queue', () => {
    const spec = `${PROJECT}queues:
  jobs:
    consumer: { function: worker, batchSize: 100, batchWindow: 5, partialFailures: true, maxConcurrency: 5, filter: { body: { kind: [order] } } }
${worker()}`;
    const built = compileYaml(spec);

    it('gets an event source mapping in the triggers layer with the consumer settings', () => {
      expect(errors(built)).toEqual([]);
      expect(built.layerOf.WorkerJobsEventSource).toBe('triggers');
      expect(built.resources.WorkerJobsEventSource.Properties).toMatchObject({
        EventSourceArn: arn('test-jobs'),
        FunctionName: 'test-worker',
        Enabled: true,
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 5,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 5 },
        FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["order"]}}' }] },
      });
      // The triggers stack is deployed after the app stack (the function and its role).
      const order = Object.keys(built.templates);
      expect(order.indexOf('triggers')).toBeGreaterThan(order.indexOf('app'));
    });

    it('writes only what is asked of the mapping: no window, partial failures, concurrency or filter by default', () => {
      const plain = compileYaml(`${PROJECT}queues:\n  jobs: { consumer: worker }\n${worker()}`).resources
        .WorkerJobsEventSource.Properties;
      expect(plain).toEqual(expect.objectContaining({ BatchSize: 10, MaximumBatchingWindowInSeconds: 0 }));
      expect(Object.keys(plain)).not.toEqual(expect.arrayContaining(['FunctionResponseTypes']));
      expect(plain.ScalingConfig).toBeUndefined();
      expect(plain.FilterCriteria).toBeUndefined();
    });

    it("has a visibility timeout of 6 × the consumer timeout (the environment default, or the function's own)", () => {
      expect(built.resources.JobsQueue.Properties.VisibilityTimeout).toBe(180);
      const own = compileYaml(`${PROJECT}queues:\n  jobs: { consumer: worker }\n${worker('    timeout: 900\n')}`);
      expect(own.resources.JobsQueue.Properties.VisibilityTimeout).toBe(5400);
    });

    it('gets an automatic dead-letter queue: <name>-dlq, 14 days, after 5 receives, TLS-only too', () => {
      const { resources } = built;
      expect(resources.JobsQueue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDlqQueue', 'Arn'] },
        maxReceiveCount: 5,
      });
      expect(resources.JobsDlqQueue.Properties).toMatchObject({
        QueueName: 'test-jobs-dlq',
        MessageRetentionPeriod: 1209600,
        SqsManagedSseEnabled: true,
      });
      expect(resources.JobsDlqQueuePolicy.Properties.PolicyDocument.Statement.map((s: any) => s.Sid)).toEqual([
        'DenyInsecureTransport',
      ]);
      expect(built.layerOf.JobsDlqQueue).toBe('data');
    });

    it("gives the consumer's role exactly the receive actions on the queue, and no variable", () => {
      const receive = statements(built, 'WorkerRole').filter((s) => s.Sid.startsWith('Queue'));
      expect(receive).toEqual([
        { Sid: 'QueueJobsReceive', Effect: 'Allow', Action: RECEIVE, Resource: [arn('test-jobs')] },
      ]);
      expect(built.resources.WorkerFunction.Properties.Environment).toBeUndefined();
    });

    it('counts as invoking the function (GEN-P5)', () => {
      expect(
        BUILTIN.section('queues')!.invokes!(readSpec({ root: FIXTURES, specDir: join(FIXTURES, 'base/spec') }).spec!),
      ).toEqual([]);
      const invoked = BUILTIN.sections.flatMap((s) => s.invokes?.(specOf(spec)) ?? []);
      expect(invoked).toContain('worker');
    });

    it('invokes the live alias where the function is kept warm', () => {
      const warm = compileYaml(
        `${PROJECT}queues:\n  jobs: { consumer: worker }\n${worker('    provisionedConcurrency: 2\n')}`,
        'production',
      );
      expect(warm.resources.WorkerJobsEventSource.Properties.FunctionName).toBe('production-worker:live');
    });
  });

  describe('function references', () => {
    const spec = (uses: string, consumer = '') =>
      `${PROJECT}queues:\n  jobs: {${consumer}}\n  results: {}\n${worker(`    queues:\n${uses}`)}`;

    it('grant exactly the actions of each access on the queue ARN and set QUEUE_<NAME> to its URL (renamable)', () => {
      const built = compileYaml(
        spec('      jobs: send\n      results: { access: send-receive, variable: RESULTS_URL }\n'),
      );
      expect(errors(built)).toEqual([]);
      expect(built.resources.WorkerFunction.Properties.Environment.Variables).toEqual({
        QUEUE_JOBS: url('test-jobs'),
        RESULTS_URL: url('test-results'),
      });
      expect(statements(built, 'WorkerRole').filter((s) => s.Sid.startsWith('Queue'))).toEqual([
        { Sid: 'QueueJobsSend', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [arn('test-jobs')] },
        {
          Sid: 'QueueResultsSendReceive',
          Effect: 'Allow',
          Action: [...RECEIVE, 'sqs:SendMessage'].sort(),
          Resource: [arn('test-results')],
        },
      ]);
      expect(codes(compileYaml(spec('      jobs: publish\n')))).toContain('GEN205');
    });

    it("add the consumer's receive statement only where the written access does not cover it", () => {
      const sids = (uses: string) =>
        statements(compileYaml(spec(uses, ' consumer: worker ')), 'WorkerRole')
          .map((s) => s.Sid)
          .filter((s) => s.startsWith('Queue'));
      expect(sids('      jobs: send\n')).toEqual(['QueueJobsSend', 'QueueJobsReceive']);
      expect(sids('      jobs: receive\n')).toEqual(['QueueJobsReceive']);
      expect(sids('      jobs: send-receive\n')).toEqual(['QueueJobsSendReceive']);
    });

    it('report an unknown queue with did-you-mean', () => {
      expect(message(compileYaml(spec('      job: send\n')), 'GEN312')).toBe(
        "function 'worker' uses queue 'job', which is not defined. Did you mean 'jobs'?",
      );
    });
  });

  describe('FIFO queues', () => {
    const built = compileYaml(`${PROJECT}queues:
  orders: { fifo: true, consumer: { function: worker, batchSize: 10 } }
${worker('    queues: { orders: send }\n')}`);

    it('are named .fifo with content-based deduplication, and so is their automatic dead-letter queue', () => {
      expect(errors(built)).toEqual([]);
      expect(built.resources.OrdersQueue.Properties).toMatchObject({
        QueueName: 'test-orders.fifo',
        FifoQueue: true,
        ContentBasedDeduplication: true,
      });
      expect(built.resources.OrdersDlqQueue.Properties).toMatchObject({
        QueueName: 'test-orders-dlq.fifo',
        FifoQueue: true,
      });
      expect(built.resources.WorkerFunction.Properties.Environment.Variables.QUEUE_ORDERS).toEqual(
        url('test-orders.fifo'),
      );
      expect(built.resources.WorkerOrdersEventSource.Properties.EventSourceArn).toEqual(arn('test-orders.fifo'));
      // Lambda has no batching window for FIFO queues.
      expect(built.resources.WorkerOrdersEventSource.Properties.MaximumBatchingWindowInSeconds).toBeUndefined();
    });

    it('refuse batches Lambda cannot take from them', () => {
      const fifo = (consumer: string) =>
        compileYaml(
          `${PROJECT}queues:\n  orders: { fifo: true, consumer: { function: worker, ${consumer} } }\n${worker()}`,
        );
      expect(message(fifo('batchSize: 11, batchWindow: 1'), 'GEN204')).toBe(
        'batchSize 11 is more than 10, the most Lambda takes from a FIFO queue',
      );
      expect(message(fifo('batchWindow: 5'), 'GEN206')).toBe(
        "queue 'orders' is FIFO, and Lambda has no batching window for FIFO queues",
      );
    });
  });

  it('refuses a standard batch over 10 without a batching window', () => {
    const built = compileYaml(
      `${PROJECT}queues:\n  jobs: { consumer: { function: worker, batchSize: 50 } }\n${worker()}`,
    );
    expect(message(built, 'GEN204')).toBe(
      'batchSize 50 is more than 10, which Lambda allows only with a batching window',
    );
  });

  describe('visibility timeout check', () => {
    const spec = `${PROJECT}queues:
  jobs:
    visibilityTimeout: 20
    consumer: worker
${worker('    timeout: 60\n')}`;

    it("is an error at the spec line when below the consumer's timeout, with a fix", () => {
      const built = compileYaml(spec);
      const d = built.diagnostics.find((x) => x.code === 'GEN318')!;
      expect(d.severity).toBe('error');
      expect(d.message).toBe(
        "visibilityTimeout 20 s of queue 'jobs' is below the 60 s timeout of its consumer 'worker' in environment test: Lambda refuses the mapping, and a message would be received again while it is still being processed",
      );
      expect(d.fix).toBe(
        "set visibilityTimeout to at least 60 (AWS advises 360, 6 × the timeout), remove it to get that, or shorten the function's timeout",
      );
      expect(positioned(spec, d)).toMatchObject({ file: 'spec/app.yaml', line: 7, column: 24 });
      expect(built.stacks).toBeUndefined();
    });

    it("uses the environment's default timeout of a function that sets none", () => {
      const defaults = `${PROJECT}queues:\n  jobs: { visibilityTimeout: 45, consumer: worker }\n${worker()}`;
      expect(codes(compileYaml(defaults))).not.toContain('GEN318');
      expect(
        codes(
          compileYaml(defaults, 'test', {
            test: 'region: eu-central-1\nlogRetentionDays: 30\nfunctions: { timeout: 50 }\n',
          }),
        ),
      ).toContain('GEN318');
    });

    it("accepts a visibility timeout equal to the consumer's timeout", () => {
      expect(codes(compileYaml(spec.replace('visibilityTimeout: 20', 'visibilityTimeout: 60')))).not.toContain(
        'GEN318',
      );
    });
  });

  it('reports an unknown consumer function with did-you-mean, at the function name', () => {
    const spec = `${PROJECT}queues:\n  jobs:\n    consumer: { function: workr }\n${worker()}`;
    const built = compileYaml(spec);
    const d = built.diagnostics.find((x) => x.code === 'GEN302')!;
    expect(d.message).toBe(
      "queue 'jobs' is consumed by function 'workr', which is not defined. Did you mean 'worker'?",
    );
    expect(positioned(spec, d)).toMatchObject({ line: 7, column: 27 });
    // The shorthand points at the name too.
    const short = `${PROJECT}queues:\n  jobs: { consumer: workr }\n${worker()}`;
    expect(positioned(short, compileYaml(short).diagnostics.find((x) => x.code === 'GEN302')!)).toMatchObject({
      line: 6,
      column: 21,
    });
  });

  describe('dead-letter queues', () => {
    const queues = (body: string) => compileYaml(`${PROJECT}queues:\n${body}${worker()}`);

    it('may be another queue of the spec, with its own maxReceives; the source queue joins its stack group', () => {
      const built = queues(
        '  jobs: { consumer: worker, deadLetterQueue: { queue: failed, maxReceives: 3 } }\n  failed: { retentionDays: 14 }\n',
      );
      expect(errors(built)).toEqual([]);
      expect(built.resources.JobsQueue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': ['FailedQueue', 'Arn'] },
        maxReceiveCount: 3,
      });
      expect(built.resources.JobsDlqQueue).toBeUndefined();
      expect(built.placement!.groups.JobsQueue).toBeUndefined();
      expect(built.placement!.groups.FailedQueue).toBe('data');
      // A queue named as a dead-letter queue gets none of its own, even when consumed.
      const consumedDlq = queues('  jobs: { deadLetterQueue: failed }\n  failed: { consumer: worker }\n');
      expect(consumedDlq.resources.FailedQueue.Properties.RedrivePolicy).toBeUndefined();
      expect(consumedDlq.resources.JobsQueue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    });

    it('can be turned off, or asked for on a queue nothing consumes', () => {
      expect(queues('  jobs: { consumer: worker, deadLetterQueue: none }\n').resources.JobsDlqQueue).toBeUndefined();
      const auto = queues('  jobs: { deadLetterQueue: { queue: auto, maxReceives: 2 } }\n');
      expect(auto.resources.JobsQueue.Properties.RedrivePolicy.maxReceiveCount).toBe(2);
      expect(auto.resources.JobsDlqQueue.Properties.QueueName).toBe('test-jobs-dlq');
    });

    it('must exist, differ from the queue, be of its kind and not loop', () => {
      expect(message(queues('  jobs: { deadLetterQueue: faild }\n  failed: {}\n'), 'GEN312')).toBe(
        "queue 'jobs' sends failed messages to queue 'faild', which is not defined. Did you mean 'failed'?",
      );
      expect(message(queues('  jobs: { deadLetterQueue: jobs }\n'), 'GEN206')).toBe(
        "queue 'jobs' is its own dead-letter queue",
      );
      expect(message(queues('  jobs: { deadLetterQueue: failed }\n  failed: { fifo: true }\n'), 'GEN206')).toBe(
        "queue 'jobs' is a standard queue, but its dead-letter queue 'failed' is a FIFO queue; SQS needs both of one kind",
      );
      const loop = queues('  a: { deadLetterQueue: b }\n  b: { deadLetterQueue: a }\n')
        .diagnostics.filter((d) => d.code === 'GEN206')
        .map((d) => d.message);
      expect(loop).toEqual([
        'dead-letter queues form a loop: a -> b -> a',
        'dead-letter queues form a loop: b -> a -> b',
      ]);
    });

    it('refuses an automatic dead-letter queue whose name the spec already uses', () => {
      const built = queues('  jobs: { consumer: worker }\n  jobs-dlq: {}\n');
      expect(message(built, 'GEN306')).toBe(
        "queue 'jobs' gets a dead-letter queue 'jobs-dlq' from gen, but the spec defines a queue 'jobs-dlq' too",
      );
    });
  });

  it('gives other sections its placement group: a bucket notifying a queue waits for its policy in the stack of its dead-letter chain', () => {
    const text = `${PROJECT}queues:\n  jobs: { deadLetterQueue: failed }\n  failed: {}\nbuckets:\n  uploads:\n    notify:\n      - queue: jobs\n        events: [created]\n`;
    const built = compileYaml(text);
    expect(errors(built)).toEqual([]);
    const spec = specOf(text);
    expect(BUILTIN.section('queues')!.placementGroup!(spec, 'jobs')).toBe('FailedQueue');
    expect(BUILTIN.section('queues')!.placementGroup!(spec, 'failed')).toBe('FailedQueue');
    const bucket = BUILTIN.section('buckets')!.compile!({ spec, env: built.env!, registry: BUILTIN }).resources.find(
      (r) => r.logicalId === 'UploadsBucket',
    )!;
    expect([bucket.group, (bucket.resource as any).DependsOn]).toEqual(['FailedQueue', 'JobsQueuePolicy']);
    expect(
      built.resources.JobsQueuePolicy.Properties.PolicyDocument.Statement.map((s: any) => [s.Sid, s.Principal]),
    ).toEqual([
      ['DenyInsecureTransport', '*'],
      ['BucketUploadsNotifications', { Service: 's3.amazonaws.com' }],
    ]);
  });

  it('refuses a queue name longer than SQS allows in an environment', () => {
    const long = 'q'.repeat(60);
    const env = 'production-eu-central-staging';
    const built = compileYaml(`${PROJECT}queues:\n  ${long}: { fifo: true, consumer: worker }\n${worker()}`, env, {
      [env]: 'region: eu-central-1\nlogRetentionDays: 30\n',
    });
    expect(message(built, 'GEN206')).toBe(
      `queue name '${env}-${long}-dlq.fifo' is ${env.length + 1 + 60 + 9} characters long in environment ${env}; SQS allows 80`,
    );
    expect(
      codes(compileYaml(`${PROJECT}queues:\n  ${long}: { fifo: true, consumer: worker }\n${worker()}`)),
    ).not.toContain('GEN206');
  });

  it("writes every grant other sections ask for into the queue's one policy", () => {
    const granting: Section = {
      key: 'pushers',
      kind: 'map',
      schema: { type: 'object' },
      names: { pattern: '^[a-z]+$', noun: 'pusher', hint: 'lowercase', maxLength: 10 },
      grants: () => [
        {
          section: 'queues',
          name: 'jobs',
          sid: 'bucket-uploads',
          service: 's3.amazonaws.com',
          actions: ['sqs:SendMessage'],
          sourceArn: 'arn:aws:s3:::uploads',
        },
        {
          section: 'queues',
          name: 'other',
          sid: 'ignored',
          service: 'events.amazonaws.com',
          actions: ['sqs:SendMessage'],
          sourceArn: 'arn:x',
        },
      ],
    };
    const built = compileYaml(
      `${PROJECT}queues:\n  jobs: {}\n`,
      'test',
      {},
      createRegistry([...BUILTIN_SECTIONS, granting]),
    );
    expect(built.resources.JobsQueuePolicy.Properties.PolicyDocument.Statement[1]).toEqual({
      Sid: 'BucketUploads',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['sqs:SendMessage'],
      Resource: { 'Fn::GetAtt': ['JobsQueue', 'Arn'] },
      Condition: {
        StringEquals: { 'aws:SourceAccount': { 'Fn::Sub': '${AWS::AccountId}' } },
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' },
      },
    });
    expect(built.resources.JobsQueuePolicy.Properties.PolicyDocument.Statement).toHaveLength(2);
  });

  describe('alarms', () => {
    const alarmsOn = (alarm: string) =>
      compileYaml(`${PROJECT}queues:
  jobs: { consumer: worker }
  orders: { fifo: true, deadLetterQueue: orders-failed }
  orders-failed: { fifo: true }
${worker()}alarms:
  a:
${alarm}`);
    const watched = (built: Compiled) => {
      const m = built.resources.AAlarm.Properties.Metrics[0].MetricStat;
      return [m.Metric.MetricName, m.Metric.Dimensions[0].Value, m.Stat];
    };

    it('watch queue depth and the age of the oldest message', () => {
      expect(watched(alarmsOn('    type: queue-depth\n    queue: orders\n'))).toEqual([
        'ApproximateNumberOfMessagesVisible',
        'test-orders.fifo',
        'Maximum',
      ]);
      const age = alarmsOn('    type: queue-age\n    queue: jobs\n');
      expect(watched(age)).toEqual(['ApproximateAgeOfOldestMessage', 'test-jobs', 'Maximum']);
      expect(age.resources.AAlarm.Properties.Threshold).toBe(300);
    });

    it('watch the dead-letter queue of a queue, automatic or named, or a queue that is one', () => {
      const auto = alarmsOn('    type: dlq-not-empty\n    queue: jobs\n');
      expect(watched(auto)).toEqual(['ApproximateNumberOfMessagesVisible', 'test-jobs-dlq', 'Maximum']);
      expect(auto.resources.AAlarm.Properties.Threshold).toBe(1);
      expect(watched(alarmsOn('    type: dlq-not-empty\n    queue: orders\n'))[1]).toBe('test-orders-failed.fifo');
      expect(watched(alarmsOn('    type: dlq-not-empty\n    queue: orders-failed\n'))[1]).toBe(
        'test-orders-failed.fifo',
      );
      expect(message(alarmsOn('    type: queue-depth\n    queue: job\n'), 'GEN312')).toBe(
        "alarm 'a' watches queue 'job', which is not defined. Did you mean 'jobs'?",
      );
    });
  });

  it('is drawn by gen graph: queues in the data layer, dead letters and consumers as edges', () => {
    const spec = specOf(`${PROJECT}queues:\n  jobs: { consumer: worker }\n${worker()}`);
    const graph = architectureMermaid(spec, {
      name: 'test',
      alarms: { periodSeconds: 60 },
      functions: { memory: 256, timeout: 30 },
    } as any);
    expect(graph).toContain('queues_jobs>"test-jobs<br/>SQS, 4 d"]');
    expect(graph).toContain('queues_jobs_dlq>"test-jobs-dlq<br/>SQS dead letters, 14 d"]');
    expect(graph).toContain('queues_jobs -. after 5 receives .-> queues_jobs_dlq');
    expect(graph).toContain('queues_jobs -- batches of 10 --> functions_worker');
  });

  it("adds graphs to the dashboard: messages visible (dead-letter queues too) and the oldest message's age", () => {
    const spec = specOf(`${PROJECT}queues:\n  jobs: { consumer: worker }\n  orders: { fifo: true }\n${worker()}`);
    const graphs = BUILTIN.section('queues')!.dashboard!({ spec, env: { name: 'test' } as any, registry: BUILTIN });
    expect(graphs).toEqual([
      {
        title: 'Queue messages visible',
        stat: 'Maximum',
        metrics: [
          ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'test-jobs'],
          ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'test-jobs-dlq'],
          ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'test-orders.fifo'],
        ],
      },
      {
        title: 'Queue age of oldest message (s)',
        stat: 'Maximum',
        metrics: [
          ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', 'test-jobs'],
          ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', 'test-jobs-dlq'],
          ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', 'test-orders.fifo'],
        ],
      },
    ]);
  });

  it('is stateful: the deploy guard and placement treat queues as data', () => {
    expect(BUILTIN.statefulTypes.has('AWS::SQS::Queue')).toBe(true);
    expect(DATA_TYPES.has('AWS::SQS::Queue')).toBe(true);
  });
});

describe('implied uses (Section.impliedUses)', () => {
  // A section defined here implies that worker sends to queue jobs (and that a function nobody defines does).
  const implying: Section = {
    key: 'pushers',
    kind: 'map',
    schema: { type: 'object' },
    names: { pattern: '^[a-z]+$', noun: 'pusher', hint: 'lowercase', maxLength: 10 },
    impliedUses: () => [
      { function: 'worker', section: 'queues', name: 'jobs', access: 'send' },
      { function: 'nobody', section: 'queues', name: 'jobs', access: 'send' },
    ],
  };
  const registry = createRegistry([...BUILTIN_SECTIONS, implying]);
  const spec = (uses = '') => `${PROJECT}queues:\n  jobs: {}\n${worker(uses)}`;

  it('give the function the statements of the use, without a variable', () => {
    const built = compileYaml(spec(), 'test', {}, registry);
    expect(errors(built)).toEqual([]);
    expect(statements(built, 'WorkerRole').slice(2)).toEqual([
      { Sid: 'QueueJobsSend', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [arn('test-jobs')] },
    ]);
    expect(built.resources.WorkerFunction.Properties.Environment).toBeUndefined();
  });

  it('add nothing already granted word for word by a written use', () => {
    const built = compileYaml(spec('    queues: { jobs: send }\n'), 'test', {}, registry);
    expect(statements(built, 'WorkerRole').map((s) => s.Sid)).toEqual(['Logs', 'Tracing', 'QueueJobsSend']);
    expect(built.resources.WorkerFunction.Properties.Environment.Variables).toEqual({ QUEUE_JOBS: url('test-jobs') });
  });
});

/** The spec of an inline YAML text, read through the real loader. */
function specOf(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'gen-queues-'));
  try {
    cpSync(join(FIXTURES, 'base'), root, { recursive: true });
    writeFileSync(join(root, 'spec/app.yaml'), text);
    return readSpec({ root, specDir: join(root, 'spec') }).spec!;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Where `gen` would print a diagnostic of this spec: file, line and column. */
function positioned(text: string, d: Diagnostic) {
  const root = mkdtempSync(join(tmpdir(), 'gen-queues-'));
  try {
    mkdirSync(join(root, 'spec'));
    writeFileSync(join(root, 'spec/app.yaml'), text);
    return new Positions(root).position(d);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
