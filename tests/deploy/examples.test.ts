/**
 * The example projects deployed as their users would (`gen deploy --env dev --local` in a copy of
 * the folder), then shown working on the local endpoint: an upload reaches the ingest queue that
 * the function consumes; a market data event matches its rule, whose target has the retry policy
 * and dead-letter queue of the spec. moto cannot run the Lambda functions themselves (that needs
 * Docker), so their invocation is not part of this test; the handlers have their own unit tests.
 * The transaction pipeline's network, image functions and workflow are created; its execution is
 * recorded by moto but not run (moto reads no Definition object and runs no containers).
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
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
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

  it('transaction-pipeline: the network, the image functions in its subnets and the workflow are created, and an execution starts', async () => {
    const dir = copyOf('transaction-pipeline');
    const run = gen(dir, 'deploy', '--env', 'dev', '--local');
    expect(run.status, run.stderr).toBe(0);
    // The seed's defect, kept faithfully: SNS and SQS are unreachable from the subnets.
    expect(run.stderr.match(/warning GEN356/g)).toHaveLength(6);
    expect(run.stderr).toContain('images: 3 container images, 3 pushed');
    const endpoint = endpointOf(dir);

    const cfn = new CloudFormationClient(config(endpoint));
    const network = (
      await cfn.send(new DescribeStackResourcesCommand({ StackName: 'transaction-pipeline-dev-network' }))
    ).StackResources!;
    const ofType = (type: string) => network.filter((r) => r.ResourceType === type);
    expect(ofType('AWS::EC2::VPC')).toHaveLength(1);
    expect(
      ofType('AWS::EC2::Subnet')
        .map((r) => r.LogicalResourceId)
        .sort(),
    ).toEqual(['PrivateSubnetA', 'PrivateSubnetB', 'PrivateSubnetC']);
    expect(ofType('AWS::EC2::NatGateway')).toEqual([]);
    expect(ofType('AWS::EC2::InternetGateway')).toEqual([]);
    expect(ofType('AWS::EC2::VPCEndpoint')).toHaveLength(3);
    const subnets = ofType('AWS::EC2::Subnet')
      .map((r) => r.PhysicalResourceId)
      .sort();

    const lambda = new LambdaClient(config(endpoint));
    for (const name of ['transaction-validation', 'fraud-detection', 'compliance-checking']) {
      const { Configuration: fn, Code } = await lambda.send(new GetFunctionCommand({ FunctionName: `dev-${name}` }));
      // moto's CloudFormation drops PackageType (it reports Zip); the image it was created from is kept.
      expect(Code?.ImageUri, name).toMatch(/^\d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/[a-z0-9-]+:[0-9a-f]{12,}$/);
      if (!fn) throw new Error(`no configuration for ${name}`);
      expect(fn.MemorySize).toBe(3072);
      expect([...(fn.VpcConfig?.SubnetIds ?? [])].sort(), name).toEqual(subnets);
      expect(fn.Environment?.Variables).toMatchObject({
        DYNAMODB_TABLE: 'dev-transaction-state',
        ENVIRONMENT: 'dev',
        SNS_TOPIC_ARN: `arn:aws:sns:us-east-1:${ACCOUNT}:dev-fraud-alerts`,
      });
    }

    const sfn = async (action: string, body: object) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'X-Amz-Target': `AWSStepFunctions.${action}`,
          Authorization:
            'AWS4-HMAC-SHA256 Credential=moto/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: JSON.stringify(body),
      });
      expect(response.status, `${action}: ${await response.clone().text()}`).toBe(200);
      return response.json() as Promise<any>;
    };
    const machine = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:dev-transaction-pipeline`;
    const described = await sfn('DescribeStateMachine', { stateMachineArn: machine });
    expect(described.name).toBe('dev-transaction-pipeline');
    const input = { transaction_id: 't-1', account_id: 'a-1', amount: '125.50', currency: 'EUR' };
    const { executionArn } = await sfn('StartExecution', { stateMachineArn: machine, input: JSON.stringify(input) });
    const execution = await sfn('DescribeExecution', { executionArn });
    expect(JSON.parse(execution.input)).toEqual(input);
  });
});
