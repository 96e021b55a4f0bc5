/**
 * A network stack and a function in it, deployed on moto_server with `gen deploy`: the function
 * stack receives the network's subnet and security-group ids as parameters (moto computes no
 * outputs for stacks made through change sets; on the local endpoint gen fills them in from the
 * stack's resources, generator/deploy/local-outputs.ts), and the function's VpcConfig names the
 * subnets moto created. A second deploy finds nothing to change.
 */
import { DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
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
const config = () => ({
  endpoint: endpoint.url,
  region: 'us-east-1',
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
