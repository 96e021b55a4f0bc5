import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providerTemplate, reachesCiRoles, roleName, rolesTemplate } from '../../generator/deploy/github/oidc.js';
import { PASSED_TO_SERVICES, SERVICES_THROUGH_CLOUDFORMATION } from '../../generator/deploy/github/permissions.js';
import { REPO } from '../fixtures/run-fixture.js';
import { CLEAN, cfnLintTexts } from '../helpers/cfn-lint.js';

const access = { repo: 'acme/shop', branches: ['main'], environments: ['production'] };
const roles = JSON.parse(rolesTemplate('shop', 'test', access));
const statements = (id: string) => roles.Resources[id].Properties.Policies[0].PolicyDocument.Statement;
const sid = (id: string, name: string) => statements(id).find((s: { Sid: string }) => s.Sid === name);

/** Every template under tests/golden (reference platform, examples, section cases). */
function goldenTemplates(dir = join(REPO, 'tests/golden')): { Resources?: Record<string, any> }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return goldenTemplates(path);
    return name.endsWith('.template.json') ? [JSON.parse(readFileSync(path, 'utf8'))] : [];
  });
}
const resources = goldenTemplates().flatMap((t) => Object.values(t.Resources ?? {}));

/** IAM's service prefix of a CloudFormation namespace, where the two differ. */
const PREFIX: Record<string, string> = {
  ApplicationAutoScaling: 'application-autoscaling',
  CertificateManager: 'acm',
  StepFunctions: 'states',
};

describe('the GitHub roles template', () => {
  it('trusts only GitHub tokens for sts.amazonaws.com from the branches and environments named, and pull requests for diff', () => {
    const trust = (id: string) => roles.Resources[id].Properties.AssumeRolePolicyDocument.Statement;
    expect(trust('GitHubDeployRole')).toEqual([
      {
        Effect: 'Allow',
        Principal: {
          Federated: {
            'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com',
          },
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': [
              'repo:acme/shop:ref:refs/heads/main',
              'repo:acme/shop:environment:production',
            ],
          },
        },
      },
    ]);
    expect(trust('GitHubDiffRole')[0].Condition.StringEquals['token.actions.githubusercontent.com:sub']).toEqual([
      'repo:acme/shop:pull_request',
    ]);
  });

  it("changes only the project's stacks of the environment, and reads only for pull requests", () => {
    expect(sid('GitHubDeployRole', 'ChangeTheProjectStacks').Resource[0]).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:cloudformation:*:${AWS::AccountId}:stack/shop-test-*/*',
    });
    const diffActions = statements('GitHubDiffRole').flatMap((s: { Action: string | string[] }) => s.Action);
    expect(diffActions.filter((a: string) => !/:(Describe|Get|List)[A-Za-z]*$/.test(a))).toEqual([]);
  });

  it('creates resources of other services only through CloudFormation, and covers every resource type gen writes', () => {
    const through = sid('GitHubDeployRole', 'CreateResourcesOnlyThroughCloudFormation');
    expect(through.Condition).toEqual({
      'ForAnyValue:StringEquals': { 'aws:CalledVia': ['cloudformation.amazonaws.com'] },
    });
    const services = new Set(
      resources
        .map((r) => r.Type.split('::')[1] as string)
        .filter((namespace) => !['IAM', 'CloudFormation'].includes(namespace))
        .map((namespace) => PREFIX[namespace] ?? namespace.toLowerCase()),
    );
    expect(services.size).toBeGreaterThan(15);
    expect([...services].filter((s) => !(SERVICES_THROUGH_CLOUDFORMATION as readonly string[]).includes(s))).toEqual(
      [],
    );
    expect(through.Action).toEqual(SERVICES_THROUGH_CLOUDFORMATION.map((s) => `${s}:*`));
  });

  it("passes the project's roles only to the services their trust policies name", () => {
    const principals = new Set(
      resources
        .filter((r) => r.Type === 'AWS::IAM::Role')
        .flatMap((r) => r.Properties.AssumeRolePolicyDocument.Statement.map((s: any) => s.Principal.Service)),
    );
    expect(principals.size).toBeGreaterThan(2);
    expect([...principals].filter((p) => !(PASSED_TO_SERVICES as readonly string[]).includes(p))).toEqual([]);
    expect(sid('GitHubDeployRole', 'PassTheProjectRolesToItsServices')).toMatchObject({
      Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/shop-test-*' },
      Condition: { StringEquals: { 'iam:PassedToService': [...PASSED_TO_SERVICES] } },
    });
    expect(sid('GitHubDeployRole', 'AttachOnlyServiceRolePolicies').Condition.ArnLike).toEqual({
      'iam:PolicyARN': { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/*' },
    });
  });

  it("never lets a project's role pattern reach the GitHub roles (names that would are refused)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}$/);
    fc.assert(
      fc.property(name, name, (project, env) => {
        const own = `${project}-${env}-`;
        const matches = (role: string) => role.startsWith(own);
        const ci = [roleName(project, env, 'deploy'), roleName(project, env, 'diff'), 'gen-github-other-x-deploy'];
        if (!reachesCiRoles(project, env)) expect(ci.filter(matches)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(reachesCiRoles('gen', 'github')).toBe(true);
    expect(reachesCiRoles('gen-github-x', 'test')).toBe(true);
    expect(reachesCiRoles('shop', 'test')).toBe(false);
  });

  it('passes cfn-lint, with the provider template', () => {
    expect(
      cfnLintTexts({
        'roles.template.json': rolesTemplate('shop', 'test', access),
        'provider.template.json': providerTemplate(),
      }),
    ).toEqual(CLEAN);
  });

  it('writes the provider for GitHub tokens meant for STS, kept when its stack goes', () => {
    const provider = JSON.parse(providerTemplate()).Resources.GitHubOidcProvider;
    expect(provider).toMatchObject({
      Type: 'AWS::IAM::OIDCProvider',
      DeletionPolicy: 'Retain',
      Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
    });
  });
});
