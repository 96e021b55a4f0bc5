/**
 * What sharded stacks need from the deployer, against moto_server: a parameter filled from an
 * earlier stack's output (the API id handed to api-2, ...), and documents (large OpenAPI
 * bodies) uploaded with their pseudo parameters resolved for the account and region. And one
 * environment in two regions (moto_server serves every region at one endpoint; the client sets
 * the region): an environment in eu-central-1 deploys a stack to us-east-1 that takes a parameter
 * from a regional stack before it and gives one to a regional stack after it.
 */
import {
  CreateStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN } from '../../generator/sections/index.js';
import { bootstrap } from '../../generator/deploy/bootstrap.js';
import { deploy, type DeployRequest } from '../../generator/deploy/deploy.js';
import { destroy } from '../../generator/deploy/destroy.js';
import { diffStacks, formatDiff } from '../../generator/deploy/diff.js';
import { build } from '../../generator/pipeline/build.js';
import { outputFiles, writeOutput } from '../../generator/pipeline/write.js';
import { PROJECT } from '../helpers/compile-yaml.js';
import { twoRegions } from '../helpers/two-regions.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import type { Reporter } from '../../generator/deploy/reporter.js';
import { connect, type Clients } from '../../generator/deploy/target.js';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import type { Manifest } from '../../generator/output/manifest.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { edit, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';

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

/** What gen rewrites for moto (forMoto): a KMS key, and a read of a resource moto skips (CloudFront). */
const rewritten = {
  Resources: {
    Key: {
      Type: 'AWS::KMS::Key',
      Properties: {
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
        Tags: [{ Key: 'Project', Value: 'links' }],
      },
    },
    Cdn: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: { DistributionConfig: { Enabled: true, DefaultRootObject: 'index.html' } },
    },
    CdnName: {
      Type: 'AWS::SSM::Parameter',
      Properties: { Type: 'String', Value: { 'Fn::GetAtt': ['Cdn', 'DomainName'] } },
    },
  },
};

describe('gen diff on the local endpoint', () => {
  it('compares with the template as deployed there, so a clean deploy diffs clean', async () => {
    const stacks: Parameters<typeof outDir>[0] = [['edge', rewritten, {}]];
    const dir = outDir(stacks);
    try {
      const report = await deploy(clients, request(dir, stacks), reporter);
      expect(report.problem).toBeUndefined();
      const diffs = await diffStacks(clients, request(dir, stacks).manifest, dir);
      expect(diffs.map((d) => [d.stackName, d.exists, d.changes])).toEqual([['links-test-edge', true, []]]);
    } finally {
      remove(dir);
    }
  });
});

const exists = (c: Clients, stackName: string) =>
  c.cfn.send(new DescribeStacksCommand({ StackName: stackName })).then(
    ({ Stacks }) => Stacks?.[0]?.StackStatus !== 'DELETE_COMPLETE',
    () => false,
  );
const parametersOf = async (c: Clients, stackName: string) =>
  (await c.cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0].Parameters;

/** The toy two-region project (tests/helpers/two-regions.ts) built into out/test/, ready to deploy. */
function twoRegionProject(): { dir: string; request: DeployRequest } {
  const dir = shop();
  edit(dir, 'spec/app.yaml', () => `${PROJECT}beacons: true\n`);
  const result = build({ root: dir, specDir: join(dir, 'spec') }, 'test', twoRegions);
  expect(result.diagnostics).toEqual([]);
  const out = writeOutput(
    join(dir, 'out'),
    'test',
    outputFiles({ stacks: result.stacks!, manifest: result.manifest! }),
  );
  return {
    dir,
    request: {
      root: dir,
      outDir: out,
      env: result.env!,
      manifest: result.manifest!,
      approve: true,
      execute: true,
      allowReplace: [],
      layers: [],
      waitTimeoutMs: 60_000,
    },
  };
}

describe('an environment in eu-central-1 with a stack in us-east-1', () => {
  // One test: deploy, diff, deploy again and destroy follow each other (moto is reset before each test).
  it('deploys each stack to its region with outputs passed both ways, then diffs clean and destroys both regions', async () => {
    const east = await connect(
      { endpointUrl: endpoint.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } },
      'us-east-1',
    );
    const { dir, request } = twoRegionProject();
    try {
      const report = await deploy(clients, request, reporter);
      expect(report.problem).toBeUndefined();
      expect(report.stacks.map((s) => [s.stackName, s.result, s.region])).toEqual([
        ['shop-test-data', 'deployed', undefined],
        ['shop-test-global', 'deployed', 'us-east-1'],
        ['shop-test-beacons-after', 'deployed', undefined],
      ]);
      expect(lines).toContain(
        "shop-test-global: deploys to us-east-1 (layer global), whatever the environment's region",
      );
      expect(await exists(east, 'shop-test-global')).toBe(true);
      expect(await exists(clients, 'shop-test-global')).toBe(false);
      expect(await exists(east, 'shop-test-data')).toBe(false);
      // eu-central-1 -> us-east-1, then us-east-1 -> eu-central-1.
      expect(await parametersOf(east, 'shop-test-global')).toEqual([
        { ParameterKey: 'RegionalBeaconName', ParameterValue: '/test/beacons/regional' },
      ]);
      expect(await parametersOf(clients, 'shop-test-beacons-after')).toEqual([
        { ParameterKey: 'GlobalBeaconName', ParameterValue: '/test/beacons/global' },
      ]);
      const { StackResources = [] } = await east.cfn.send(
        new DescribeStackResourcesCommand({ StackName: 'shop-test-global' }),
      );
      expect(StackResources.map((r) => r.PhysicalResourceId)).toEqual(['/test/beacons/global']);

      const diffs = await diffStacks(clients, request.manifest, request.outDir, report.account);
      expect(diffs.map((d) => [d.stackName, d.region, d.exists, d.changes.length, d.imports.length])).toEqual([
        ['shop-test-data', undefined, true, 0, 0],
        ['shop-test-global', 'us-east-1', true, 0, 0],
        ['shop-test-beacons-after', undefined, true, 0, 0],
      ]);
      expect(formatDiff(diffs)).toContain('shop-test-global (us-east-1): no changes');
      const again = await deploy(clients, request, reporter);
      expect(again.stacks.map((s) => s.result)).toEqual(['no-changes', 'no-changes', 'no-changes']);

      const destroyed = await destroy(
        clients,
        request.manifest,
        { force: false, deleteData: 'all', protected: false },
        reporter,
      );
      expect(destroyed.problem).toBeUndefined();
      expect(destroyed.deleted).toEqual(['shop-test-beacons-after', 'shop-test-global', 'shop-test-data']);
      expect(lines).toContain('shop-test-global (us-east-1): deleted');
      for (const name of destroyed.deleted) {
        expect(await exists(clients, name)).toBe(false);
        expect(await exists(east, name)).toBe(false);
      }
    } finally {
      remove(dir);
    }
  });

  it('stops before taking the lock, naming the stack, when CloudFormation in the other region does not answer', async () => {
    // The environment's region answers; clients made for another region go to a closed port.
    const cut: Clients = { ...clients, config: { ...clients.config!, endpoint: 'http://127.0.0.1:9' } };
    const { dir, request } = twoRegionProject();
    try {
      const report = await deploy(cut, request, reporter);
      expect(report.ok).toBe(false);
      expect(report.problem).toMatch(
        /^CloudFormation in us-east-1 did not answer \(.+\); stack shop-test-global \(layer global\) deploys there whatever the environment's region\. Allow these credentials CloudFormation in us-east-1; nothing was deployed$/,
      );
      expect(await exists(clients, 'shop-test-data')).toBe(false);
    } finally {
      remove(dir);
    }
  });
});
