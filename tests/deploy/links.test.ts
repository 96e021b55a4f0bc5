/**
 * What sharded stacks need from the deployer, against moto_server: a parameter filled from an
 * earlier stack's output (the API id handed to api-2, ...), and documents (large OpenAPI
 * bodies) uploaded with their pseudo parameters resolved for the account and region.
 */
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN } from '../../generator/sections/index.js';
import { bootstrap } from '../../generator/deploy/bootstrap.js';
import { deploy, type DeployRequest } from '../../generator/deploy/deploy.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import type { Reporter } from '../../generator/deploy/reporter.js';
import { connect, type Clients } from '../../generator/deploy/target.js';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import type { Manifest } from '../../generator/output/manifest.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { remove, resetMoto, startEndpoint } from './moto-harness.js';

const lines: string[] = [];
const reporter: Reporter = {
  info: (l) => lines.push(l),
  progress: () => {},
  done: () => {},
  confirm: async () => undefined,
  ask: async () => undefined,
};
const env = resolveEnvironment('test', join(FIXTURES, 'base/environments'), join(FIXTURES, 'base'), BUILTIN.schemas)
  .env!;

const producer = { Resources: { Queue: { Type: 'AWS::SQS::Queue' } }, Outputs: { ApiId: { Value: 'a1b2c3d4e5' } } };
const consumer = {
  Parameters: { ApiId: { Type: 'String' } },
  Resources: { Placeholder: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
  Outputs: { Received: { Value: { Ref: 'ApiId' } } },
};
const document = {
  uri: {
    'Fn::Sub':
      'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-x/invocations',
  },
};

function outDir(stacks: [string, object, Manifest['stacks'][number]['parameters']][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-links-'));
  for (const [name, template] of stacks) writeFileSync(join(dir, `${name}.template.json`), JSON.stringify(template));
  writeFileSync(join(dir, 'api.openapi.json'), JSON.stringify(document));
  return dir;
}

function request(dir: string, stacks: [string, object, Manifest['stacks'][number]['parameters']][]): DeployRequest {
  const manifest: Manifest = {
    format: 1,
    project: 'links',
    environment: 'test',
    region: env.region,
    protected: false,
    tags: { Project: 'links' },
    deployOrder: stacks.map(([name]) => `links-test-${name}`),
    stacks: stacks.map(([name, , parameters]) => ({
      stackName: `links-test-${name}`,
      layer: 'api',
      region: env.region,
      template: `${name}.template.json`,
      resources: 1,
      bytes: 1,
      sha256: '',
      uploadTemplate: false,
      parameters,
    })),
    artifacts: [],
    documents: [{ file: 'api.openapi.json', key: 'apis/links/doc.json' }],
  };
  return {
    root: dir,
    outDir: dir,
    env,
    manifest,
    approve: true,
    execute: true,
    allowReplace: [],
    layers: [],
    waitTimeoutMs: 60_000,
  };
}

let endpoint: LocalEndpoint;
let clients: Clients;
beforeAll(async () => {
  endpoint = await startEndpoint();
  clients = await connect(
    { endpointUrl: endpoint.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } },
    env.region,
  );
});
afterAll(async () => {
  await endpoint?.stop();
});
beforeEach(async () => {
  await resetMoto(endpoint.url);
  lines.length = 0;
  expect((await bootstrap(clients, 'test', reporter)).result).toBe('deployed');
});

describe('deploying linked stacks', () => {
  it("passes an earlier stack's output to a later stack's parameter", async () => {
    // moto computes no outputs for stacks made through change sets (a documented moto limit), so
    // the producer is created directly here; on AWS it is the api stack deployed just before.
    await clients.cfn.send(
      new CreateStackCommand({ StackName: 'links-test-api', TemplateBody: JSON.stringify(producer) }),
    );
    const consumerOnly: Parameters<typeof outDir>[0] = [
      ['api-2', consumer, { ApiId: { stackName: 'links-test-api', output: 'ApiId' } }],
    ];
    const dir = outDir(consumerOnly);
    try {
      const report = await deploy(clients, request(dir, consumerOnly), reporter);
      expect(report.problem).toBeUndefined();
      const { Stacks } = await clients.cfn.send(new DescribeStacksCommand({ StackName: 'links-test-api-2' }));
      expect(Stacks![0].Parameters).toEqual([{ ParameterKey: 'ApiId', ParameterValue: 'a1b2c3d4e5' }]);
    } finally {
      remove(dir);
    }
  });

  it('stops before changing anything when the stack that supplies a parameter was never deployed', async () => {
    const only: Parameters<typeof outDir>[0] = [
      ['api-2', consumer, { ApiId: { stackName: 'links-test-api', output: 'ApiId' } }],
    ];
    const dir = outDir(only);
    try {
      const report = await deploy(clients, request(dir, only), reporter);
      expect(report.ok).toBe(false);
      expect(report.problem).toBe(
        'links-test-api-2: needs output ApiId of stack links-test-api, which is not deployed: deploy that stack first (or without --stacks)',
      );
      await expect(clients.cfn.send(new DescribeStacksCommand({ StackName: 'links-test-api-2' }))).rejects.toThrow(
        /does not exist/,
      );
    } finally {
      remove(dir);
    }
  });

  it('uploads documents with pseudo parameters resolved for this account and region', async () => {
    const dir = outDir([['api', producer, {}]]);
    try {
      expect((await deploy(clients, request(dir, [['api', producer, {}]]), reporter)).ok).toBe(true);
      const account = (await import('../../generator/deploy/account.js')).currentAccount(clients);
      const object = await clients.s3.send(
        new GetObjectCommand({
          Bucket: `gen-artifacts-test-${await account}-${env.region}`,
          Key: 'apis/links/doc.json',
        }),
      );
      expect(JSON.parse(await object.Body!.transformToString())).toEqual({
        uri: `arn:aws:apigateway:${env.region}:lambda:path/functions/arn:aws:lambda:${env.region}:${await account}:function:test-x/invocations`,
      });
    } finally {
      remove(dir);
    }
  });
});
