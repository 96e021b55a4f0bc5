/**
 * `gen bootstrap --github-repo owner/name`: the account's GitHub OIDC provider when it has none
 * (IAM allows one per URL per account: an existing one, gen's or not, is used as it is), then the
 * environment's deploy and diff roles in a stack of their own (gen-github-<project>-<env>), so CI
 * access can be removed by deleting that stack without touching the artifact bucket.
 */
import { answers } from '../moto.js';
import type { Reporter } from '../reporter.js';
import type { Clients } from '../target.js';
import {
  GITHUB_OIDC_HOST,
  providerStackName,
  providerTemplate,
  roleName,
  rolesStackName,
  rolesTemplate,
} from './oidc.js';
import type { GithubAccess } from './oidc.js';

export interface GithubRoles {
  deployRoleArn: string;
  diffRoleArn: string;
  /** Whether this run created the provider stack, or found the account's provider. */
  provider: 'created' | 'existing';
}

const partitionOf = (region: string) =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

/** The ARN of the account's provider for GitHub Actions, if it has one. */
export async function existingProvider(clients: Clients): Promise<string | undefined> {
  const { IAMClient, ListOpenIDConnectProvidersCommand } = await import('@aws-sdk/client-iam');
  const iam = new IAMClient(clients.config ?? { region: clients.region });
  const { OpenIDConnectProviderList = [] } = await iam.send(new ListOpenIDConnectProvidersCommand({}));
  return OpenIDConnectProviderList.map((p) => p.Arn ?? '').find((arn) =>
    arn.endsWith(`:oidc-provider/${GITHUB_OIDC_HOST}`),
  );
}

export async function bootstrapGithub(
  clients: Clients,
  target: { project: string; env: string; account: string },
  access: GithubAccess,
  reporter: Reporter,
): Promise<GithubRoles | { reason: string }> {
  const { bootstrapStackDeployer } = await import('../bootstrap.js');
  const stack = await bootstrapStackDeployer(clients, reporter);
  const found = await existingProvider(clients);
  if (found) reporter.info(`GitHub OIDC provider: using the account's ${found}`);
  else {
    if (clients.endpoint !== undefined && (await answers(clients.endpoint)))
      reporter.info(
        'local endpoint: moto does not create AWS::IAM::OIDCProvider (1); the roles are created, the provider is checked by the template tests',
      );
    const made = await stack(providerStackName(), providerTemplate(), { ManagedBy: 'gen' });
    if ('reason' in made) return made;
  }
  const { project, env, account } = target;
  const roles = await stack(rolesStackName(project, env), rolesTemplate(project, env, access), {
    Environment: env,
    ManagedBy: 'gen',
    Project: project,
  });
  if ('reason' in roles) return roles;
  const arn = (kind: 'deploy' | 'diff') =>
    `arn:${partitionOf(clients.region)}:iam::${account}:role/${roleName(project, env, kind)}`;
  return { deployRoleArn: arn('deploy'), diffRoleArn: arn('diff'), provider: found ? 'existing' : 'created' };
}
