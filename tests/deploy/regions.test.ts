/**
 * One environment in two regions, on moto_server (one endpoint serves every region; the client
 * sets the region): an environment in eu-central-1 deploys its `global` stack to us-east-1,
 * which takes a parameter from a regional stack before it and gives one to a regional stack
 * after it; a second deploy and `gen diff` find nothing to do; destroy removes the stacks of
 * both regions, later ones first. One moto server for the file.
 */
import { DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../generator/deploy/bootstrap.js';
import { deploy, type DeployRequest } from '../../generator/deploy/deploy.js';
import { destroy } from '../../generator/deploy/destroy.js';
import { diffStacks, formatDiff } from '../../generator/deploy/diff.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import type { Reporter } from '../../generator/deploy/reporter.js';
import { connect, type Clients } from '../../generator/deploy/target.js';
import { build } from '../../generator/pipeline/build.js';
import { outputFiles, writeOutput } from '../../generator/pipeline/write.js';
import { PROJECT } from '../helpers/compile-yaml.js';
import { twoRegions } from '../helpers/two-regions.js';
import { edit, remove, shop, startEndpoint } from './moto-harness.js';

const lines: string[] = [];
const reporter: Reporter = {
  info: (l) => lines.push(l),
  progress: () => {},
  done: () => {},
  confirm: async () => undefined,
  ask: async () => undefined,
};
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

let endpoint: LocalEndpoint;
let home: Clients;
let east: Clients;
let dir: string;
let request: DeployRequest;
let account: string | undefined;

beforeAll(async () => {
  endpoint = await startEndpoint();
  home = await connect({ endpointUrl: endpoint.url, credentials }, 'eu-central-1');
  east = await connect({ endpointUrl: endpoint.url, credentials }, 'us-east-1');
  dir = shop();
  edit(dir, 'spec/app.yaml', () => `${PROJECT}beacons: true\n`);
  const result = build({ root: dir, specDir: join(dir, 'spec') }, 'test', twoRegions);
  expect(result.diagnostics).toEqual([]);
  const outDir = writeOutput(
    join(dir, 'out'),
    'test',
    outputFiles({ stacks: result.stacks!, manifest: result.manifest! }),
  );
  request = {
    root: dir,
    outDir,
    env: result.env!,
    manifest: result.manifest!,
    approve: true,
    execute: true,
    allowReplace: [],
    layers: [],
    waitTimeoutMs: 60_000,
  };
  expect((await bootstrap(home, 'test', reporter)).result).toBe('deployed');
});
afterAll(async () => {
  await endpoint?.stop();
  if (dir) remove(dir);
});

const exists = (clients: Clients, stackName: string) =>
  clients.cfn.send(new DescribeStacksCommand({ StackName: stackName })).then(
    ({ Stacks }) => Stacks?.[0]?.StackStatus !== 'DELETE_COMPLETE',
    () => false,
  );
const parameters = async (clients: Clients, stackName: string) =>
  (await clients.cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0].Parameters;

describe('an environment in eu-central-1 with a stack in us-east-1', () => {
  it('deploys each stack to its region and passes outputs across regions both ways', async () => {
    const report = await deploy(home, request, reporter);
    account = report.account;
    expect(report.problem).toBeUndefined();
    expect(report.stacks.map((s) => [s.stackName, s.result, s.region])).toEqual([
      ['shop-test-data', 'deployed', undefined],
      ['shop-test-global', 'deployed', 'us-east-1'],
      ['shop-test-beacons-after', 'deployed', undefined],
    ]);
    expect(lines).toContain("shop-test-global: deploys to us-east-1 (layer global), whatever the environment's region");
    expect(await exists(east, 'shop-test-global')).toBe(true);
    expect(await exists(home, 'shop-test-global')).toBe(false);
    expect(await exists(east, 'shop-test-data')).toBe(false);
    // eu-central-1 -> us-east-1, then us-east-1 -> eu-central-1.
    expect(await parameters(east, 'shop-test-global')).toEqual([
      { ParameterKey: 'RegionalBeaconName', ParameterValue: '/test/beacons/regional' },
    ]);
    expect(await parameters(home, 'shop-test-beacons-after')).toEqual([
      { ParameterKey: 'GlobalBeaconName', ParameterValue: '/test/beacons/global' },
    ]);
    const { StackResources = [] } = await east.cfn.send(
      new DescribeStackResourcesCommand({ StackName: 'shop-test-global' }),
    );
    expect(StackResources.map((r) => r.PhysicalResourceId)).toEqual(['/test/beacons/global']);
  });

  it('finds nothing to change on a second look: gen diff and a second deploy', async () => {
    const diffs = await diffStacks(home, request.manifest, request.outDir, account);
    expect(diffs.map((d) => [d.stackName, d.region, d.exists, d.changes.length])).toEqual([
      ['shop-test-data', undefined, true, 0],
      ['shop-test-global', 'us-east-1', true, 0],
      ['shop-test-beacons-after', undefined, true, 0],
    ]);
    expect(formatDiff(diffs)).toContain('shop-test-global (us-east-1): no changes');
    const again = await deploy(home, request, reporter);
    expect(again.stacks.map((s) => s.result)).toEqual(['no-changes', 'no-changes', 'no-changes']);
  });

  it('destroys the stacks of both regions, later ones first', async () => {
    const report = await destroy(
      home,
      request.manifest,
      { force: false, deleteData: 'all', protected: false },
      reporter,
    );
    expect(report.problem).toBeUndefined();
    expect(report.deleted).toEqual(['shop-test-beacons-after', 'shop-test-global', 'shop-test-data']);
    expect(lines).toContain('shop-test-global (us-east-1): deleted');
    for (const name of report.deleted) {
      expect(await exists(home, name)).toBe(false);
      expect(await exists(east, name)).toBe(false);
    }
  });
});
