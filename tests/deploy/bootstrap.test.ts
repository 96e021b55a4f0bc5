import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStackName, accountTemplate } from '../../generator/deploy/bootstrap-account.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { genAt, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';
import { CLEAN, cfnLintTexts } from '../helpers/cfn-lint.js';

let endpoint: LocalEndpoint;
let dir: string;
const cfn = () =>
  new CloudFormationClient({
    region: 'eu-central-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
const status = async (stack: string) =>
  (await cfn().send(new DescribeStacksCommand({ StackName: stack }))).Stacks![0].StackStatus;

/** IAM's query API on moto (the project has no IAM client): the role's trust policy, as IAM holds it. */
async function trustPolicy(role: string): Promise<unknown> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: new URLSearchParams({ Action: 'GetRole', RoleName: role, Version: '2010-05-08' }),
  });
  const document = (await response.text()).match(/<AssumeRolePolicyDocument>([^<]+)<\/AssumeRolePolicyDocument>/)?.[1];
  return document && JSON.parse(decodeURIComponent(document.replace(/&quot;/g, '"')));
}

beforeAll(async () => {
  endpoint = await startEndpoint();
  await resetMoto(endpoint.url);
  dir = shop();
});
afterAll(async () => {
  remove(dir);
  await endpoint?.stop();
});

describe('gen bootstrap', () => {
  it("creates the account's API Gateway logging role in a stack of its own, then the environment's bucket, and says what moto skips", async () => {
    const run = genAt(endpoint, dir, ['bootstrap', '--env', 'test']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('local endpoint: moto does not create AWS::ApiGateway::Account (1)');
    expect(await status(accountStackName())).toBe('CREATE_COMPLETE');
    expect(await status('gen-bootstrap-test')).toBe('CREATE_COMPLETE');
    const resources =
      (await cfn().send(new DescribeStackResourcesCommand({ StackName: accountStackName() }))).StackResources ?? [];
    const role = resources.find((r) => r.LogicalResourceId === 'ApiGatewayCloudWatchRole');
    expect(role?.ResourceStatus).toBe('CREATE_COMPLETE');
    // moto's CloudFormation attaches no ManagedPolicyArns: the policy is checked on the template below.
    expect(await trustPolicy(role!.PhysicalResourceId!)).toMatchObject({
      Statement: [{ Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it('leaves the account stack unchanged when another environment of the region is bootstrapped', async () => {
    const run = genAt(endpoint, dir, ['bootstrap', '--env', 'production']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${accountStackName()}: no changes`);
    expect(await status('gen-bootstrap-production')).toBe('CREATE_COMPLETE');
  });
});

describe('the account template', () => {
  const template = JSON.parse(accountTemplate());

  it('sets the role as the account CloudWatch role, trusted by API Gateway of this account only, and keeps it with the setting', () => {
    expect(template.Resources.ApiGatewayCloudWatchRole.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' },
    ]);
    expect(template.Resources.ApiGatewayAccount).toEqual({
      Type: 'AWS::ApiGateway::Account',
      Properties: { CloudWatchRoleArn: { 'Fn::GetAtt': ['ApiGatewayCloudWatchRole', 'Arn'] } },
    });
    const role = template.Resources.ApiGatewayCloudWatchRole;
    expect(role.DeletionPolicy).toBe('Retain');
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
  });

  it('passes cfn-lint', () => {
    expect(cfnLintTexts({ 'account.template.json': accountTemplate() })).toEqual(CLEAN);
  });
});
