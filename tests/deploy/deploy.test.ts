/**
 * gen deploy against a real CloudFormation-compatible endpoint (moto_server on 127.0.0.1).
 * moto limits worked with: ExecuteChangeSet is synchronous, DescribeChangeSet has no
 * Replacement (so replacements come from gen's own template diff), events are stack-level.
 */
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteObjectCommand,
  HeadBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { edit, genAt, remove, resetMoto, restApiRoutes, shop, startEndpoint } from './moto-harness.js';

let endpoint: LocalEndpoint;
let dir: string;
const aws = () => ({
  region: 'eu-central-1',
  endpoint: endpoint.url,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
const stackStatus = async (name: string) =>
  (await new CloudFormationClient(aws()).send(new DescribeStacksCommand({ StackName: name }))).Stacks![0];
/** Change sets waiting to be executed (moto also lists executed ones). */
const pendingChangeSets = async (stack: string) =>
  ((await new CloudFormationClient(aws()).send(new ListChangeSetsCommand({ StackName: stack }))).Summaries ?? [])
    .filter((s) => s.ExecutionStatus !== 'EXECUTE_COMPLETE')
    .map((s) => s.ChangeSetName);
const deploy = (...extra: string[]) => genAt(endpoint, dir, ['deploy', '--env', 'test', ...extra]);

beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(async () => {
  await endpoint?.stop();
});
beforeEach(async () => {
  await resetMoto(endpoint.url);
  dir = shop();
  expect(genAt(endpoint, dir, ['bootstrap', '--env', 'test']).status).toBe(0);
});
afterEach(() => remove(dir));

describe('gen deploy', () => {
  it('refuses to deploy before the environment is bootstrapped', async () => {
    await resetMoto(endpoint.url);
    const run = deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("run 'gen bootstrap --env test' once for this account and region");
  });

  it('creates every stack on the first deploy and writes outputs.json', async () => {
    const run = deploy();
    expect(run.stderr).toContain('shop-test-data: 1 to add, 0 to modify, 0 to remove');
    expect(run.stderr).toContain('+ Add    OrdersTable');
    expect(run.status, run.stderr).toBe(0);
    for (const layer of ['data', 'app', 'monitoring'])
      expect((await stackStatus(`shop-test-${layer}`)).StackStatus).toBe('CREATE_COMPLETE');
    // moto ignores RestApi bodies: gen created the api stack with its API, imported the body, then updated it.
    expect(run.stderr).toContain('shop-test-api: created with its REST API first, to import the OpenAPI body');
    expect((await stackStatus('shop-test-api')).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await restApiRoutes(endpoint)).toEqual(['GET /orders', 'GET /orders/{id}', 'POST /orders']);
    expect(
      (await new DynamoDBClient(aws()).send(new DescribeTableCommand({ TableName: 'test-orders' }))).Table?.TableStatus,
    ).toBe('ACTIVE');
    expect(JSON.parse(readFileSync(join(dir, 'out/test/outputs.json'), 'utf8'))).toHaveProperty('shop-test-data');
  });

  it('reports "no changes" on a second deploy and executes nothing', async () => {
    expect(deploy().status).toBe(0);
    const before = (await stackStatus('shop-test-app')).LastUpdatedTime;
    const run = deploy();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('code: 1 function bundles, 0 uploaded, 1 unchanged');
    for (const layer of ['data', 'app', 'api', 'monitoring'])
      expect(run.stderr).toContain(`shop-test-${layer}: no changes`);
    expect(run.stderr).toContain('gen: test is up to date: no changes');
    expect((await stackStatus('shop-test-app')).LastUpdatedTime).toEqual(before);
    expect(await pendingChangeSets('shop-test-data')).toEqual([]); // empty change sets are deleted
  });

  it('updates only the function when only its code changes', () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'handlers/orders.mjs', (t) => t.replace("body: '{}'", 'body: \'{"v":2}\''));
    const run = deploy();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('code: 1 function bundles, 1 uploaded, 0 unchanged');
    expect(run.stderr).toContain('shop-test-data: no changes');
    expect(run.stderr).toContain('shop-test-app: 0 to add, 1 to modify, 0 to remove\n  ~ Modify OrdersFunction');
    expect(run.stderr).toContain('shop-test-monitoring: no changes');
  });

  it('a new route reaches the API: new deployment and permission, the body imported again', async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t.replace('  GET /orders: orders\n', '  GET /orders: orders\n  DELETE /orders/{id}: orders\n'),
    );
    const run = deploy();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('created with its REST API first');
    expect(run.stderr).toMatch(/shop-test-api: 2 to add, 2 to modify, 1 to remove\n {2}~ Modify Api {2}/);
    expect(run.stderr).toContain('+ Add    DeleteOrdersIdPermission');
    expect(await restApiRoutes(endpoint)).toContain('DELETE /orders/{id}');
  });

  it('adds a table', () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t
        .replace('functions:', 'tables:\n  customers:\n    partitionKey: id\n\nfunctions:')
        .replace(/^tables:\n {2}orders:/m, 'tables:\n  orders:'),
    );
    edit(dir, 'spec/app.yaml', (t) =>
      t
        .replace('\ntables:\n  customers:\n    partitionKey: id\n', '')
        .replace('    ttl: expiresAt\n', '    ttl: expiresAt\n  customers:\n    partitionKey: id\n'),
    );
    const run = deploy();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('shop-test-data: 1 to add, 0 to modify, 0 to remove\n  + Add    CustomersTable');
  });

  it('refuses to remove a table, deletes the change set, and keeps the table', async () => {
    edit(dir, 'spec/app.yaml', (t) =>
      t.replace('    ttl: expiresAt\n', '    ttl: expiresAt\n  customers:\n    partitionKey: id\n'),
    );
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) => t.replace('  customers:\n    partitionKey: id\n', ''));
    const run = deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to remove CustomersTable (AWS::DynamoDB::Table)');
    expect(run.stderr).toContain('pass --allow-replace CustomersTable');
    expect(await pendingChangeSets('shop-test-data')).toEqual([]);
    expect(
      (await new DynamoDBClient(aws()).send(new DescribeTableCommand({ TableName: 'test-customers' }))).Table
        ?.TableStatus,
    ).toBe('ACTIVE');
    expect(deploy('--allow-replace', 'OrdersTable').status).toBe(1); // another name lets nothing through
    const allowed = deploy('--allow-replace', 'CustomersTable');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain('- Remove CustomersTable');
    await expect(
      new DynamoDBClient(aws()).send(new DescribeTableCommand({ TableName: 'test-customers' })),
    ).rejects.toThrow(/not found/i);
  });

  it("refuses to change a table's key: a named table cannot be replaced, so --allow-replace is refused too, with the way forward", async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t
        .replace('    partitionKey: customerId\n', '    partitionKey: accountId\n')
        .replace('query: { customerId: required }', 'query: { accountId: required }'),
    );
    const refused = deploy();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'refusing to replace OrdersTable (AWS::DynamoDB::Table): its keys change (table: partition customerId: string, sort createdAt: number → partition accountId: string, sort createdAt: number)',
    );
    expect(refused.stderr).toContain(
      "CloudFormation cannot replace a table that keeps its name ('test-orders'): the update would fail.",
    );
    expect(refused.stderr).not.toContain('pass --allow-replace OrdersTable');
    // CloudFormation cannot replace a custom-named resource (User Guide, "Name type"): the flag would fail on AWS.
    const allowed = deploy('--allow-replace', 'OrdersTable');
    expect(allowed.status).toBe(1);
    expect(allowed.stderr).toContain('so --allow-replace cannot help here');
    expect(allowed.stderr).toContain('The way forward is a new table under a new name');
    expect(await pendingChangeSets('shop-test-data')).toEqual([]);
    // The way forward: the new keys on a table with a new name, created beside the old one.
    edit(dir, 'spec/app.yaml', (t) =>
      t
        .replace('    partitionKey: accountId\n', '    partitionKey: customerId\n')
        .replace('    ttl: expiresAt\n', '    ttl: expiresAt\n  orders-v2:\n    partitionKey: accountId\n'),
    );
    const beside = deploy();
    expect(beside.status, beside.stderr).toBe(0);
    expect(beside.stderr).toContain('+ Add    OrdersV2Table');
    for (const name of ['test-orders', 'test-orders-v2'])
      expect(
        (await new DynamoDBClient(aws()).send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus,
      ).toBe('ACTIVE');
  });
});

describe('protected environments and accounts', () => {
  it('stops production before executing when there is no --approve and no terminal', async () => {
    expect(genAt(endpoint, dir, ['bootstrap', '--env', 'production']).status).toBe(0);
    const run = genAt(endpoint, dir, ['deploy', '--env', 'production']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'protected environment: pass --approve to deploy without a terminal (nothing was executed)',
    );
    // The change set was made for review and removed with its empty stack: nothing is left behind.
    await expect(stackStatus('shop-production-data')).rejects.toThrow(/does not exist/);
    const approved = genAt(endpoint, dir, ['deploy', '--env', 'production', '--approve']);
    expect(approved.status, approved.stderr).toBe(0);
    // moto cannot set termination protection after creation: the deployer says so instead of failing.
    expect(approved.stderr).toContain(
      'shop-production-data: this endpoint cannot set termination protection; it is set on AWS',
    );
    const { GetStackPolicyCommand } = await import('@aws-sdk/client-cloudformation');
    const policy = JSON.parse(
      (await new CloudFormationClient(aws()).send(new GetStackPolicyCommand({ StackName: 'shop-production-data' })))
        .StackPolicyBody!,
    );
    expect(policy.Statement[1]).toMatchObject({
      Effect: 'Deny',
      Action: ['Update:Replace', 'Update:Delete'],
      Resource: '*',
    });
    expect(policy.Statement[1].Condition.StringEquals.ResourceType).toContain('AWS::DynamoDB::Table');
  });

  it('refuses a deploy into another account before changing anything', async () => {
    edit(dir, 'environments/test.yaml', (t) => `${t}account: "999999999999"\n`);
    const run = deploy();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'these credentials are for account 123456789012, but the environment deploys to account 999999999999; nothing was changed',
    );
    await expect(stackStatus('shop-test-data')).rejects.toThrow(/does not exist/);
  });

  it('refuses to destroy a protected environment without --force, and destroys test leaving nothing behind', async () => {
    const refused = genAt(endpoint, dir, ['destroy', '--env', 'production', '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('production is protected; refusing to destroy it');
    expect(deploy().status).toBe(0);
    const unnamed = genAt(endpoint, dir, ['destroy', '--env', 'test', '--yes']);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain(
      'deleting these stacks would delete data in AlarmTopic, AlarmTopicKey, ApiAccessLogGroup, OrdersLogGroup, OrdersTable; nothing was deleted. Name each with --delete-data <LogicalId> if that is intended (or pass --delete-data all: this environment is not protected)',
    );
    expect((await stackStatus('shop-test-data')).StackStatus).toBe('CREATE_COMPLETE');
    const destroyed = genAt(endpoint, dir, [
      'destroy',
      '--env',
      'test',
      '--yes',
      '--delete-data',
      'OrdersTable',
      '--delete-data',
      'OrdersLogGroup',
      '--delete-data',
      'AlarmTopic',
      '--delete-data',
      'AlarmTopicKey',
      '--delete-data',
      'ApiAccessLogGroup',
    ]);
    expect(destroyed.status, destroyed.stderr).toBe(0);
    expect(destroyed.stderr).toContain('gen: destroyed 4 stacks');
    await expect(stackStatus('shop-test-data')).rejects.toThrow(/does not exist/);
  });
});

describe('gen diff', () => {
  it('shows a replacement of a named table as impossible, with why, without creating anything', async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (t) =>
      t
        .replace('    partitionKey: customerId\n', '    partitionKey: accountId\n')
        .replace('query: { customerId: required }', 'query: { accountId: required }'),
    );
    const run = genAt(endpoint, dir, ['diff', '--env', 'test']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /! replace +OrdersTable +AWS::DynamoDB::Table {2}CANNOT BE REPLACED: it keeps its name 'test-orders'; deploy will refuse \(give it a new name instead\)/,
    );
    expect(run.stdout).toContain(
      '      its keys change (table: partition customerId: string, sort createdAt: number → partition accountId: string, sort createdAt: number)',
    );
    expect(existsSync(join(dir, 'out/test/manifest.json'))).toBe(true);
    expect(await pendingChangeSets('shop-test-data')).toEqual([]);
  });
});

describe('gen destroy of an unprotected environment', () => {
  it('empties its versioned buckets (every version and delete marker) before deleting them', async () => {
    edit(dir, 'spec/app.yaml', (text) => `${text}\nbuckets:\n  uploads: {}\n`);
    expect(deploy().status).toBe(0);
    const s3 = new S3Client({ ...aws(), forcePathStyle: true });
    const bucket = 'test-shop-uploads-123456789012';
    // moto ignores the template's VersioningConfiguration (AWS applies it): turned on here as AWS would have it.
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    for (const body of ['v1', 'v2']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: body }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a.txt' })); // a delete marker over two versions
    const destroyed = genAt(endpoint, dir, ['destroy', '--env', 'test', '--yes', '--delete-data', 'all']);
    expect(destroyed.status, destroyed.stderr).toBe(0);
    expect(destroyed.stderr).toContain(
      `shop-test-data/UploadsBucket: emptied ${bucket} (3 object versions and delete markers)`,
    );
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
    expect(destroyed.stderr).toContain('shop-test-data: deleted');
  });
});

describe('removal order across stacks', () => {
  it('renames a function with no window: the old one stays until the API stops invoking it, then goes', async () => {
    expect(deploy().status).toBe(0);
    edit(dir, 'spec/app.yaml', (text) =>
      text
        .replace('functions:\n  orders:\n', 'functions:\n  orders-v2:\n')
        .replace('GET /orders: orders\n', 'GET /orders: orders-v2\n')
        .replace(/function: orders\n/g, 'function: orders-v2\n'),
    );
    // The old function's log group holds data: dropping it is allowed by name, as always.
    const run = deploy('--allow-replace', 'OrdersLogGroup');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    const keeps = at(
      'shop-test-app: keeps OrdersFunction, OrdersLogGroup, OrdersRole until the stacks after it no longer use them',
    );
    const api = at('shop-test-api:');
    const removes = at(
      'shop-test-app: removes OrdersFunction, OrdersLogGroup, OrdersRole now that the stacks after it are updated',
    );
    expect(keeps).toBeGreaterThan(-1);
    expect(api).toBeGreaterThan(keeps);
    expect(removes).toBeGreaterThan(api);
    expect(run.stderr).toContain('gen: test deployed (3 stacks changed)'); // app, api, monitoring: the data stack is as it was
    const cfn = new CloudFormationClient(aws());
    const app = await cfn.send(new GetTemplateCommand({ StackName: 'shop-test-app' }));
    const resources = Object.keys((JSON.parse(app.TemplateBody!) as { Resources: object }).Resources);
    expect(resources).toContain('OrdersV2Function');
    expect(resources).not.toContain('OrdersFunction');
    // Nothing left to do: the second deploy finds everything as built.
    expect(deploy('--allow-replace', 'OrdersLogGroup').stderr).toContain('gen: test is up to date: no changes');
  });
});
