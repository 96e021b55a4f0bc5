/**
 * gen bootstrap --github-repo: the GitHub OIDC provider (only when the account has none) and the
 * environment's deploy and diff roles, against moto_server. moto's CloudFormation does not create
 * AWS::IAM::OIDCProvider (not among its types, generator/deploy/moto-types.ts): the provider stack
 * completes without it, which is what the "existing provider" case relies on being told apart;
 * the provider's template is checked here and by cfn-lint. The roles are created and read back
 * through moto's IAM API.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateOpenIDConnectProviderCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { genAt, remove, resetMoto, shop, startEndpoint } from './moto-harness.js';

let endpoint: LocalEndpoint;
let dir: string;
const config = () => ({
  region: 'eu-central-1',
  endpoint: endpoint.url,
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
});
const stackStatus = async (stack: string) => {
  try {
    return (await new CloudFormationClient(config()).send(new DescribeStacksCommand({ StackName: stack }))).Stacks![0]
      .StackStatus;
  } catch {
    return 'absent';
  }
};
const trustOf = async (role: string) => {
  const got = await new IAMClient(config()).send(new GetRoleCommand({ RoleName: role }));
  return JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!));
};

beforeAll(async () => {
  endpoint = await startEndpoint();
  dir = shop();
});
afterAll(async () => {
  remove(dir);
  await endpoint?.stop();
});

describe('gen bootstrap --github-repo', () => {
  it('creates the provider stack when the account has none, then the deploy and diff roles, and prints their variables', async () => {
    await resetMoto(endpoint.url);
    const run = genAt(endpoint, dir, ['bootstrap', '--env', 'test', '--github-repo', 'acme/shop']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('local endpoint: moto does not create AWS::IAM::OIDCProvider (1)');
    expect(await stackStatus('gen-github-oidc')).toBe('CREATE_COMPLETE');
    expect(await stackStatus('gen-github-shop-test')).toBe('CREATE_COMPLETE');
    expect(run.stdout).toBe(
      'gh variable set GEN_ROLE_TEST_DEPLOY --body arn:aws:iam::123456789012:role/gen-github-shop-test-deploy\n' +
        'gh variable set GEN_ROLE_TEST_DIFF --body arn:aws:iam::123456789012:role/gen-github-shop-test-diff\n',
    );
    const provider = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    expect(await trustOf('gen-github-shop-test-deploy')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: provider },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': ['repo:acme/shop:ref:refs/heads/main'],
            },
          },
        },
      ],
    });
    expect((await trustOf('gen-github-shop-test-diff')).Statement[0].Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': ['repo:acme/shop:pull_request'],
    });
  });

  it("uses the account's existing provider (one per URL per account) and makes no provider stack", async () => {
    await resetMoto(endpoint.url);
    await new IAMClient(config()).send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://token.actions.githubusercontent.com',
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      }),
    );
    const run = genAt(endpoint, dir, [
      'bootstrap',
      '--env',
      'production',
      '--github-repo',
      'acme/shop',
      '--github-environment',
      'production',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "GitHub OIDC provider: using the account's arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
    );
    expect(await stackStatus('gen-github-oidc')).toBe('absent');
    expect(
      (await trustOf('gen-github-shop-production-deploy')).Statement[0].Condition.StringEquals[
        'token.actions.githubusercontent.com:sub'
      ],
    ).toEqual(['repo:acme/shop:environment:production']);
  });

  it('refuses GitHub options it cannot use before touching the account (usage, exit 2)', () => {
    const cases: [string[], string][] = [
      [['--github-repo', 'shop'], '--github-repo shop is not owner/name'],
      [['--github-branch', 'main'], '--github-branch and --github-environment need --github-repo owner/name'],
      [['--github-repo', 'acme/shop', '--github-branch', 'release/*'], "'release/*' cannot be a branch"],
    ];
    for (const [extra, message] of cases) {
      const run = genAt(endpoint, dir, ['bootstrap', '--env', 'test', ...extra]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
