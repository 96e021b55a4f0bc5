/**
 * GitHub Actions' OpenID Connect access to one environment: the account's identity provider for
 * token.actions.githubusercontent.com (one per URL per account, so in a stack of its own, made only
 * when the account has none) and, per project and environment, two roles trusting it: `deploy`
 * for the named branches or GitHub environments, `diff` (read-only) for pull requests.
 */
import { stableStringify } from '../../output/stable-json.js';
import { deployPolicy, diffPolicy } from './permissions.js';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_AUDIENCE = 'sts.amazonaws.com';
export const providerStackName = () => 'gen-github-oidc';
export const rolesStackName = (project: string, env: string) => `gen-github-${project}-${env}`;
/** Not `<project>-<env>-...`: the deploy role may pass and change those roles, and must not reach itself. */
export const roleName = (project: string, env: string, kind: 'deploy' | 'diff') =>
  `gen-github-${project}-${env}-${kind}`;
/**
 * Whether the project's role pattern (`<project>-<env>-*`, which the deploy role may pass and
 * change) would also match the GitHub roles (`gen-github-*`): a project named gen-github-... would
 * let its deploy role rewrite its own policy. Such names get no GitHub roles.
 */
export const reachesCiRoles = (project: string, env: string) => {
  const own = `${project}-${env}-`;
  const ci = 'gen-github-';
  return own.startsWith(ci) || ci.startsWith(own);
};
export const REPO_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export interface GithubAccess {
  /** owner/name */
  repo: string;
  /** Branches whose pushes may deploy (default: main, when no environment is named). */
  branches: string[];
  /** GitHub environments whose jobs may deploy (their own protection rules apply). */
  environments: string[];
}

/** The `sub` claims that may assume the deploy role. GitHub puts the environment there instead of the branch when a job names one. */
export const deploySubjects = (a: GithubAccess) => [
  ...a.branches.map((branch) => `repo:${a.repo}:ref:refs/heads/${branch}`),
  ...a.environments.map((environment) => `repo:${a.repo}:environment:${environment}`),
];
export const diffSubjects = (a: GithubAccess) => [`repo:${a.repo}:pull_request`];

const json = (template: unknown) => `${stableStringify(template, 2)}\n`;

export function providerTemplate(): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `gen: the account's OpenID Connect provider for GitHub Actions (${GITHUB_OIDC_HOST})`,
    Resources: {
      GitHubOidcProvider: {
        Type: 'AWS::IAM::OIDCProvider',
        // Other projects' and environments' roles trust it by ARN: it outlives this stack.
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        // No ThumbprintList: IAM verifies GitHub's certificate against its trusted root CAs and ignores thumbprints for it.
        Properties: {
          Url: `https://${GITHUB_OIDC_HOST}`,
          ClientIdList: [GITHUB_AUDIENCE],
          Tags: [{ Key: 'ManagedBy', Value: 'gen' }],
        },
      },
    },
    Outputs: { GitHubOidcProviderArn: { Value: { Ref: 'GitHubOidcProvider' } } },
  });
}

function trust(subjects: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${GITHUB_OIDC_HOST}` },
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          // One of several values: StringEquals with a list (sub is single-valued, so no ForAnyValue).
          StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: subjects },
        },
      },
    ],
  };
}

function role(project: string, env: string, kind: 'deploy' | 'diff', subjects: string[], policy: unknown) {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: roleName(project, env, kind),
      Description:
        kind === 'deploy'
          ? `GitHub Actions deploys ${project} ${env} (gen deploy): change sets on its stacks only`
          : `GitHub Actions pull requests read ${project} ${env} (gen diff)`,
      AssumeRolePolicyDocument: trust(subjects),
      // A first deploy of a whole platform can outlast an hour (caches, distributions).
      MaxSessionDuration: kind === 'deploy' ? 7200 : 3600,
      Policies: [{ PolicyName: `gen-${kind}`, PolicyDocument: policy }],
      Tags: [
        { Key: 'Environment', Value: env },
        { Key: 'ManagedBy', Value: 'gen' },
        { Key: 'Project', Value: project },
      ],
    },
  };
}

export function rolesTemplate(project: string, env: string, access: GithubAccess): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `gen: GitHub Actions roles of ${access.repo} for ${project} ${env}`,
    Resources: {
      GitHubDeployRole: role(project, env, 'deploy', deploySubjects(access), deployPolicy(project, env)),
      GitHubDiffRole: role(project, env, 'diff', diffSubjects(access), diffPolicy(project, env)),
    },
    Outputs: {
      DeployRoleArn: { Value: { 'Fn::GetAtt': ['GitHubDeployRole', 'Arn'] } },
      DiffRoleArn: { Value: { 'Fn::GetAtt': ['GitHubDiffRole', 'Arn'] } },
    },
  });
}
