/**
 * The example projects deployed as their users would (`gen deploy --env dev --local` in a copy of
 * the folder), then shown working on the local endpoint: an upload reaches the ingest queue that
 * the function consumes; a market data event matches its rule, whose target has the retry policy
 * and dead-letter queue of the spec. moto cannot run the Lambda functions themselves (that needs
 * Docker), so their invocation is not part of this test; the handlers have their own unit tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { GEN, REPO } from '../fixtures/run-fixture.js';

const projects: string[] = [];
function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gen-example-${name}-`));
  for (const part of ['spec', 'handlers', 'environments', 'placement'])
    cpSync(join(REPO, 'examples', name, part), join(dir, part), { recursive: true });
  projects.push(dir);
  return dir;
}
const gen = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [GEN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, AWS_ENDPOINT_URL: '', AWS_PROFILE: '', NO_COLOR: '1' },
  });
const endpointOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, '.gen/local.json'), 'utf8')) as { url: string }).url;
const config = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' },
});
const ACCOUNT = '123456789012'; // moto's account (both examples deploy to us-east-1, as their seeds do)

afterAll(() => {
  for (const dir of projects) {
    gen(dir, 'local', 'stop');
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('gen deploy --local on the example projects', () => {
  it('s3-ingest: an uploaded object reaches the ingest queue, which the function consumes', async () => {
    const dir = copyOf('s3-ingest');
    const run = gen(dir, 'deploy', '--env', 'dev', '--local');
    expect(run.status, run.stderr).toBe(0);
    // What moto cannot create is said once, by type.
    expect(run.stderr).toMatch(/local endpoint: moto does not create [^\n]*AWS::SQS::QueuePolicy \(2\)/);
    expect(run.stderr.match(/moto does not create/g)).toHaveLength(1);
    expect(run.stderr).toContain('UploadsBucket notifications applied');
    const endpoint = endpointOf(dir);

    const s3 = new S3Client({ ...config(endpoint), forcePathStyle: true });
    await s3.send(
      new PutObjectCommand({
        Bucket: `dev-s3-ingest-uploads-${ACCOUNT}`,
        Key: 'incoming/prices.csv',
        Body: 'symbol,price\nBTC,1\n',
      }),
    );
    const sqs = new SQSClient(config(endpoint));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'dev-ingest-events' }));
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    const records = Messages.flatMap(
      (m) =>
        (JSON.parse(m.Body!) as { Records?: { s3: { bucket: { name: string }; object: { key: string } } }[] })
          .Records ?? [],
    );
    // As on AWS, keys in S3 notifications are URL-encoded.
    expect(
      records.map((r) => [r.s3.bucket.name, decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '))]),
    ).toContainEqual([`dev-s3-ingest-uploads-${ACCOUNT}`, 'incoming/prices.csv']);

    const lambda = new LambdaClient(config(endpoint));
    const { EventSourceMappings = [] } = await lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'dev-ingest' }),
    );
    expect(EventSourceMappings.map((m) => m.EventSourceArn)).toEqual([
      `arn:aws:sqs:us-east-1:${ACCOUNT}:dev-ingest-events`,
    ]);
    expect(EventSourceMappings[0].BatchSize).toBe(10);
  });

  it('market-data-pipeline: trade and quote events match their rules, which deliver with retries and a dead-letter queue', async () => {
    const dir = copyOf('market-data-pipeline');
    const run = gen(dir, 'deploy', '--env', 'dev', '--local');
    expect(run.status, run.stderr).toBe(0);
    const endpoint = endpointOf(dir);
    const events = new EventBridgeClient(config(endpoint));
    const bus = 'dev-market-data-bus';
    const { Targets = [] } = await events.send(
      new ListTargetsByRuleCommand({ Rule: 'dev-trade-events', EventBusName: bus }),
    );
    expect(Targets).toHaveLength(1);
    expect(Targets[0].Arn).toBe(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:dev-market-processor`);
    expect(Targets[0].RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    expect(Targets[0].DeadLetterConfig?.Arn).toBe(`arn:aws:sqs:us-east-1:${ACCOUNT}:dev-market-data-dlq`);
    // moto cannot run the function (and fails PutEvents when it tries), so once the deployed target
    // is checked, a probe queue takes its place: what reaches it is exactly what the deployed rule's
    // pattern matched.
    const sqs = new SQSClient(config(endpoint));
    const probes: Record<string, string> = {};
    for (const rule of ['trade-events', 'quote-events']) {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `probe-${rule}` }));
      probes[rule] = QueueUrl!;
      await events.send(
        new RemoveTargetsCommand({
          Rule: `dev-${rule}`,
          EventBusName: bus,
          Ids: (
            await events.send(new ListTargetsByRuleCommand({ Rule: `dev-${rule}`, EventBusName: bus }))
          ).Targets!.map((t) => t.Id!),
        }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: `dev-${rule}`,
          EventBusName: bus,
          Targets: [{ Id: 'probe', Arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:probe-${rule}` }],
        }),
      );
    }
    const put = await events.send(
      new PutEventsCommand({
        Entries: ['Trade Execution', 'Price Update', 'Heartbeat'].map((type) => ({
          EventBusName: bus,
          Source: 'market.feed',
          DetailType: type,
          Detail: JSON.stringify({ symbol: 'BTC', type }),
        })),
      }),
    );
    expect(put.FailedEntryCount).toBe(0);
    const received = async (rule: string) =>
      (
        (
          await sqs.send(
            new ReceiveMessageCommand({ QueueUrl: probes[rule], MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
          )
        ).Messages ?? []
      ).map((m) => {
        try {
          return (JSON.parse(m.Body!) as { 'detail-type': string })['detail-type'];
        } catch {
          return m.Body!.slice(0, 300);
        }
      });
    expect(await received('trade-events')).toEqual(['Trade Execution']);
    expect(await received('quote-events')).toEqual(['Price Update']);
  });
});
