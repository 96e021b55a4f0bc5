/**
 * Adopting retained resources (issue 17): what `gen deploy` finds outside any stack, the IMPORT
 * change set it makes of it, and the approval it needs. moto 5.2 has no resource import (it takes
 * ChangeSetType IMPORT as CREATE and ignores ResourcesToImport), so the import itself is replayed
 * from tests/deploy/recorded/import.json (origin stated there); the lookups by name run against
 * moto_server, and so does the deploy that finds a retained table on the local endpoint.
 */
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateLogGroupCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRetained } from '../../generator/deploy/adopt/find.js';
import { importRetained, importTemplate } from '../../generator/deploy/adopt/import.js';
import { serviceLookup } from '../../generator/deploy/adopt/lookup.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import type { Reporter } from '../../generator/deploy/reporter.js';
import type { Clients } from '../../generator/deploy/target.js';
import type { Template } from '../../generator/deploy/update-rules/rule.js';
import { pseudoParameters } from '../../generator/output/documents.js';
import { build } from '../../generator/pipeline/build.js';
import { cleanup, project } from '../fixtures/run-fixture.js';
import { genAt, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';

const pseudo = pseudoParameters('eu-central-1', '123456789012');
const dir = project();
afterAll(() => cleanup(dir));
/** The base fixture's production stacks, as gen builds them. */
const production = () => {
  const result = build({ root: dir, specDir: join(dir, 'spec') }, 'production');
  return new Map(result.stacks!.map((s) => [s.stackName, s.template as unknown as Template]));
};

describe('finding retained resources', () => {
  it('looks up what a stack would create by name; adopts what exists and no stack holds', async () => {
    const stacks = production();
    const asked: string[] = [];
    const exists = new Set(['production-orders', '/aws/lambda/production-orders']);
    const found = await findRetained(
      [...stacks].map(([stackName, template]) => ({ stackName, template })),
      async (type, name) => {
        asked.push(`${type} ${name}`);
        return exists.has(name) ? name : undefined;
      },
      pseudo,
    );
    expect(asked).toContain('AWS::DynamoDB::Table production-orders');
    expect(found.map((r) => [r.stackName, r.logicalId, r.identifier])).toEqual([
      ['shop-production-data', 'OrdersTable', { TableName: 'production-orders' }],
      ['shop-production-app', 'OrdersLogGroup', { LogGroupName: '/aws/lambda/production-orders' }],
    ]);
  });

  it('leaves alone what a deployed stack holds, a name another stack of the environment holds, and what CloudFormation says belongs to a stack', async () => {
    const stacks = production();
    const data = stacks.get('shop-production-data')!;
    const app = stacks.get('shop-production-app')!;
    const lookup = async (_type: string, name: string) => name;
    const deployedData = await findRetained(
      [{ stackName: 'shop-production-data', template: data, deployed: data }],
      lookup,
      pseudo,
    );
    expect(deployedData).toEqual([]);
    const moved = await findRetained(
      [
        { stackName: 'shop-production-data', template: data, deployed: { Resources: {} } },
        { stackName: 'shop-production-old', template: { Resources: {} }, deployed: data },
      ],
      lookup,
      pseudo,
    );
    expect(moved).toEqual([]);
    const owned = await findRetained(
      [{ stackName: 'shop-production-app', template: app }],
      lookup,
      pseudo,
      async () => 'other-stack',
    );
    expect(owned).toEqual([]);
  });
});

describe('the import template', () => {
  const data = () => production().get('shop-production-data')!;
  const retained = [
    {
      stackName: 'shop-production-data',
      logicalId: 'OrdersTable',
      type: 'AWS::DynamoDB::Table',
      name: 'production-orders',
      identifier: { TableName: 'production-orders' },
    },
  ];
  it('for a stack that does not exist: the adopted resources alone, with their DeletionPolicy', () => {
    const template = importTemplate(undefined, data(), retained) as Template;
    expect(Object.keys(template.Resources!)).toEqual(['OrdersTable']);
    expect(template.Resources!.OrdersTable.DeletionPolicy).toBe('Retain');
    expect(template).not.toHaveProperty('Outputs');
  });
  it('for a deployed stack: what it holds, unchanged, plus the adopted ones', () => {
    const deployed: Template = {
      Resources: { Other: { Type: 'AWS::SQS::Queue', Properties: {} } },
      Outputs: { X: {} },
    };
    const template = importTemplate(deployed, data(), retained) as Template;
    expect(Object.keys(template.Resources!).sort()).toEqual(['OrdersTable', 'Other']);
    expect(template.Outputs).toEqual({ X: {} });
  });
  it('refuses a resource that refers to one the stack does not hold yet, with the way forward', () => {
    const next = data();
    next.Resources!.OrdersTable.Properties!.SSESpecification = { KMSMasterKeyId: { Ref: 'TablesKey' } };
    expect(importTemplate(undefined, next, retained)).toMatch(
      /^OrdersTable refers to TablesKey, which the stack does not hold yet: import it by hand/,
    );
  });
});

type Responses = Record<string, unknown[]>;
const recorded = (): Responses =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'recorded', 'import.json'), 'utf8'), (key, value) =>
    key === 'Timestamp' || key === 'CreationTime' ? new Date(value) : value,
  );
function replay(responses: Responses) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const queues = Object.fromEntries(
    Object.entries(responses)
      .filter(([k]) => !k.startsWith('_'))
      .map(([k, v]) => [k, [...v]]),
  );
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push({ name, input: command.input });
    const queue = queues[name];
    if (!queue || queue.length === 0) throw new Error(`no recorded response left for ${name}`);
    return queue.length > 1 ? queue.shift() : queue[0];
  };
  return { clients: { region: 'eu-central-1', cfn: { send } } as unknown as Clients, calls };
}
const reporter = (answer: boolean | undefined) => {
  const lines: string[] = [];
  const r: Reporter = {
    info: (l) => lines.push(l),
    progress: (l) => lines.push(l),
    done: () => {},
    confirm: async (q) => {
      lines.push(`? ${q}`);
      return answer;
    },
    ask: async () => undefined,
  };
  return { r, lines };
};

describe('the IMPORT change set (recorded responses)', () => {
  const request = (approve: boolean) => ({
    stackName: 'shop-production-data',
    next: production().get('shop-production-data')!,
    retained: [
      {
        stackName: 'shop-production-data',
        logicalId: 'OrdersTable',
        type: 'AWS::DynamoDB::Table',
        name: 'production-orders',
        identifier: { TableName: 'production-orders' },
      },
    ],
    tags: { Project: 'shop' },
    approve,
    execute: true,
  });

  it('shows what it imports, asks, and imports the table by its name; nothing else changes', async () => {
    const { clients, calls } = replay(recorded());
    const { r, lines } = reporter(true);
    expect(await importRetained(clients, request(false), r)).toEqual({ ok: true });
    expect(lines).toContain(
      "  > Import OrdersTable                                  AWS::DynamoDB::Table 'production-orders' (table and its data kept as they are)",
    );
    expect(lines).toContain("? Import 'production-orders' into shop-production-data?");
    const create = calls.find((c) => c.name === 'CreateChangeSet')!.input;
    expect(create.ChangeSetType).toBe('IMPORT');
    expect(create.ResourcesToImport).toEqual([
      {
        ResourceType: 'AWS::DynamoDB::Table',
        LogicalResourceId: 'OrdersTable',
        ResourceIdentifier: { TableName: 'production-orders' },
      },
    ]);
    expect(Object.keys(JSON.parse(create.TemplateBody as string).Resources)).toEqual(['OrdersTable']);
    expect(calls.map((c) => c.name)).toContain('ExecuteChangeSet');
    expect(lines).toContain('shop-production-data: imported OrdersTable (IMPORT_COMPLETE)');
  });

  it('without a terminal and without --approve: nothing imported, the change set deleted, and how to go on', async () => {
    const { clients, calls } = replay(recorded());
    const { r } = reporter(undefined);
    expect(await importRetained(clients, request(false), r)).toEqual({
      ok: false,
      result: 'not-approved',
      reason:
        'importing retained resources needs approval: pass --approve to import without a terminal (nothing was imported)',
    });
    expect(calls.map((c) => c.name)).toContain('DeleteChangeSet');
    expect(calls.map((c) => c.name)).not.toContain('ExecuteChangeSet');
  });

  it('with --approve: no question asked', async () => {
    const { clients } = replay(recorded());
    const { r, lines } = reporter(false);
    expect(await importRetained(clients, request(true), r)).toEqual({ ok: true });
    expect(lines.some((l) => l.startsWith('?'))).toBe(false);
  });
});

describe('on the local endpoint', () => {
  let endpoint: LocalEndpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint();
  });
  afterAll(async () => {
    await endpoint?.stop();
  });
  const aws = () => ({
    region: 'eu-central-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });

  it('finds tables, log groups, buckets, queues and image repositories by name, and nothing under a name not in use', async () => {
    await resetMoto(endpoint.url);
    await new DynamoDBClient(aws()).send(
      new CreateTableCommand({
        TableName: 'production-orders',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await new CloudWatchLogsClient(aws()).send(
      new CreateLogGroupCommand({ logGroupName: '/aws/lambda/production-orders' }),
    );
    await new S3Client({ ...aws(), forcePathStyle: true }).send(
      new CreateBucketCommand({
        Bucket: 'kept-bucket',
        CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' },
      }),
    );
    const { QueueUrl } = await new SQSClient(aws()).send(new CreateQueueCommand({ QueueName: 'production-jobs' }));
    await new ECRClient(aws()).send(new CreateRepositoryCommand({ repositoryName: 'production-shop-resize' }));
    const lookup = serviceLookup({
      region: 'eu-central-1',
      config: aws(),
      s3: new S3Client({ ...aws(), forcePathStyle: true }),
    } as unknown as Clients);
    expect(await lookup('AWS::DynamoDB::Table', 'production-orders')).toBe('production-orders');
    expect(await lookup('AWS::DynamoDB::Table', 'production-gone')).toBeUndefined();
    expect(await lookup('AWS::Logs::LogGroup', '/aws/lambda/production-orders')).toBe('/aws/lambda/production-orders');
    expect(await lookup('AWS::Logs::LogGroup', '/aws/lambda/production-order')).toBeUndefined();
    expect(await lookup('AWS::S3::Bucket', 'kept-bucket')).toBe('kept-bucket');
    expect(await lookup('AWS::S3::Bucket', 'gone-bucket-gen-test')).toBeUndefined();
    expect(await lookup('AWS::SQS::Queue', 'production-jobs')).toBe(QueueUrl);
    expect(await lookup('AWS::SQS::Queue', 'production-gone')).toBeUndefined();
    expect(await lookup('AWS::ECR::Repository', 'production-shop-resize')).toBe('production-shop-resize');
    expect(await lookup('AWS::ECR::Repository', 'production-shop-gone')).toBeUndefined();
  });

  it('gen deploy names the retained table and stops, since moto cannot import; nothing is created', async () => {
    await resetMoto(endpoint.url);
    const project = shop();
    try {
      expect(genAt(endpoint, project, ['bootstrap', '--env', 'production']).status).toBe(0);
      await new DynamoDBClient(aws()).send(
        new CreateTableCommand({
          TableName: 'production-orders',
          KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'customerId', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      const run = genAt(endpoint, project, ['deploy', '--env', 'production', '--approve']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        "gen: deploy stopped: 'production-orders' exists outside any stack, and the local endpoint (moto) cannot import resources into a stack",
      );
      const stacks = await new CloudFormationClient(aws()).send(new ListStacksCommand({}));
      expect((stacks.StackSummaries ?? []).map((x) => x.StackName)).not.toContain('shop-production-data');
      // gen diff says so too.
      expect(genAt(endpoint, project, ['diff', '--env', 'production']).stdout).toMatch(
        /^shop-production-data \(new stack\): .*\n(.*\n)* {2}> import +OrdersTable +AWS::DynamoDB::Table {2}'production-orders' exists outside any stack \(kept by a destroy\): gen deploy imports it$/m,
      );
    } finally {
      remove(project);
    }
  });
});
