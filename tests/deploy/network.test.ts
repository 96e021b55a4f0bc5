/**
 * A network stack and a function in it, deployed on moto_server with `gen deploy`: the function
 * stack receives the network's subnet and security-group ids as parameters (moto computes no
 * outputs for stacks made through change sets; on the local endpoint gen fills them in from the
 * stack's resources, generator/deploy/local-outputs.ts), and the function's VpcConfig names the
 * subnets moto created. A second deploy finds nothing to change. `gen destroy` then removes the
 * network whole: moto leaves VPC endpoints, NAT gateways, Elastic IPs, internet gateways and route
 * tables behind and refuses the VPC, so gen removes those first there (generator/deploy/local-network.ts).
 */
import { DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { FIXTURES, REPO } from '../fixtures/run-fixture.js';
import { genAt, remove, resetMoto, startEndpoint } from './moto-harness.js';

const CASE = join(REPO, 'tests/golden/sections/network/private-endpoints');
let endpoint: LocalEndpoint;
let dir: string;
const config = (region = 'us-east-1') => ({
  endpoint: endpoint.url,
  region,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});

beforeAll(async () => {
  endpoint = await startEndpoint();
  await resetMoto(endpoint.url);
  dir = mkdtempSync(join(tmpdir(), 'gen-network-'));
  cpSync(join(FIXTURES, 'base/handlers'), join(dir, 'handlers'), { recursive: true });
  for (const part of ['spec', 'environments']) cpSync(join(CASE, part), join(dir, part), { recursive: true });
});
afterAll(async () => {
  await endpoint?.stop();
  if (dir) remove(dir);
});

describe('deploying a network and a function in it', () => {
  it('passes subnet and security-group ids from the network stack to the function', async () => {
    expect(genAt(endpoint, dir, ['bootstrap', '--env', 'test']).status).toBe(0);
    const run = genAt(endpoint, dir, ['deploy', '--env', 'test']);
    expect(run.status, run.stderr).toBe(0);
    const cfn = new CloudFormationClient(config());
    const { StackResources = [] } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: 'shop-test-network' }),
    );
    const physical = (id: string) => StackResources.find((r) => r.LogicalResourceId === id)?.PhysicalResourceId;
    const subnets = ['PrivateSubnetA', 'PrivateSubnetB', 'PrivateSubnetC'].map(physical);
    expect(subnets.every((s) => /^subnet-/.test(s ?? ''))).toBe(true);
    expect(
      StackResources.filter((r) => r.ResourceType === 'AWS::EC2::VPCEndpoint')
        .map((r) => r.LogicalResourceId)
        .sort(),
    ).toEqual(['DynamodbEndpoint', 'S3Endpoint', 'StatesEndpoint']);

    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: 'shop-test-app' }));
    const parameters = Object.fromEntries((Stacks[0].Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
    expect(parameters).toEqual({
      FunctionSecurityGroupId: physical('FunctionSecurityGroup'),
      PrivateSubnetAId: subnets[0],
      PrivateSubnetBId: subnets[1],
      PrivateSubnetCId: subnets[2],
    });

    const lambda = new LambdaClient(config());
    const inside = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'test-validation' }));
    expect(inside.VpcConfig?.SubnetIds).toEqual(subnets);
    expect(inside.VpcConfig?.SecurityGroupIds).toEqual([physical('FunctionSecurityGroup')]);
    const outside = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'test-reporter' }));
    expect(outside.VpcConfig?.SubnetIds ?? []).toEqual([]);

    const again = genAt(endpoint, dir, ['deploy', '--env', 'test']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('shop-test-app: no changes');
  }, 180_000);
});

/** The case's project (spec, environments, handlers) in a fresh folder, deployed on a fresh endpoint. */
async function deployed(name: string): Promise<string> {
  await resetMoto(endpoint.url);
  const project = mkdtempSync(join(tmpdir(), `gen-network-${name}-`));
  cpSync(join(FIXTURES, 'base/handlers'), join(project, 'handlers'), { recursive: true });
  for (const part of ['spec', 'environments'])
    cpSync(join(REPO, 'tests/golden/sections/network', name, part), join(project, part), { recursive: true });
  expect(genAt(endpoint, project, ['bootstrap', '--env', 'test']).status).toBe(0);
  const run = genAt(endpoint, project, ['deploy', '--env', 'test']);
  expect(run.status, run.stderr).toBe(0);
  return project;
}

/** What the endpoint still holds of the environment's stacks and networks (the default VPC aside). */
async function leftOver(region: string) {
  const cfn = new CloudFormationClient(config(region));
  const ec2 = new EC2Client(config(region));
  const { StackSummaries = [] } = await cfn.send(new ListStacksCommand({}));
  const vpcs = ((await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? []).filter((v) => !v.IsDefault);
  const routeTables = (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables ?? [];
  return {
    stacks: StackSummaries.filter((s) => s.StackName?.startsWith('shop-test') && s.StackStatus !== 'DELETE_COMPLETE'),
    vpcs: vpcs.map((v) => v.VpcId),
    endpoints: ((await ec2.send(new DescribeVpcEndpointsCommand({}))).VpcEndpoints ?? [])
      .filter((e) => String(e.State).toLowerCase() !== 'deleted')
      .map((e) => e.VpcEndpointId),
    natGateways: ((await ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? [])
      .filter((n) => n.State !== 'deleted')
      .map((n) => n.NatGatewayId),
    interfaces: ((await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? []).map(
      (n) => n.NetworkInterfaceId,
    ),
    addresses: ((await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? []).map((a) => a.AllocationId),
    internetGateways: ((await ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? []).map(
      (g) => g.InternetGatewayId,
    ),
    routeTables: routeTables.filter((t) => !t.Associations?.some((a) => a.Main)).map((t) => t.RouteTableId),
  };
}

const nothing = {
  stacks: [],
  vpcs: [],
  endpoints: [],
  natGateways: [],
  interfaces: [],
  addresses: [],
  internetGateways: [],
  routeTables: [],
};

describe('destroying a network on the local endpoint', () => {
  // nat: the reference platform's network (NAT gateway, Elastic IP, internet gateway, public and
  // private route tables, gateway and interface endpoints); private-endpoints: no internet, three zones.
  it.each([
    ['nat', 'eu-central-1'],
    ['private-endpoints', 'us-east-1'],
  ])(
    '%s: deletes every stack and leaves no VPC or anything of it',
    async (name, region) => {
      const project = await deployed(name);
      try {
        const before = await leftOver(region);
        expect(before.vpcs).toHaveLength(1);
        expect(before.endpoints.length).toBeGreaterThan(0);
        const run = genAt(endpoint, project, ['destroy', '--env', 'test', '--yes', '--delete-data', 'all']);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toContain('shop-test-network: deleted');
        expect(run.stderr).toContain(`removed what moto would leave in ${before.vpcs[0]}`);
        expect(await leftOver(region)).toEqual(nothing);
      } finally {
        remove(project);
      }
    },
    120_000,
  );
});
