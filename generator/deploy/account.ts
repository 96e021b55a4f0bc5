/** Refuse to deploy into an account other than the one the environment names. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { EndpointResponseError } from './problems.js';
import type { Clients } from './target.js';

export async function currentAccount(clients: Clients): Promise<string> {
  const { Account } = await clients.sts.send(new GetCallerIdentityCommand({}));
  if (!Account)
    throw new EndpointResponseError(
      200,
      'its answer to GetCallerIdentity names no account',
      clients.endpoint ?? `AWS (${clients.region})`,
    );
  return Account;
}

export function wrongAccount(expected: string | undefined, actual: string): string | undefined {
  if (!expected || expected === actual) return undefined;
  return `these credentials are for account ${actual}, but the environment deploys to account ${expected}; nothing was changed`;
}
