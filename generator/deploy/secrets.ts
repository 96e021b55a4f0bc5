/**
 * Secret values, set out of band: a secret is created empty by its stack (a value never enters a
 * template), and `gen secret put` sets it through Secrets Manager's own API. `gen secret list`
 * tells which secrets of the spec still have no value, the usual reason a function fails after a
 * first deploy.
 */
import type { Clients } from './target.js';

/** One secret of the spec in one environment, by its physical name. */
export interface SpecSecret {
  name: string;
  secretId: string;
  /** Secrets Manager generates its value at creation (`generate:`). */
  generated: boolean;
}

export interface SecretState extends SpecSecret {
  /** missing: not deployed (yet); empty: deployed without a value; set: it has a current value. */
  state: 'missing' | 'empty' | 'set';
  /** When the value or the secret last changed (ISO 8601), when it exists. */
  lastChanged?: string;
}

async function client(clients: Clients) {
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return new SecretsManagerClient(clients.config ?? { region: clients.region });
}

const notFound = (e: unknown) => (e as Error).name === 'ResourceNotFoundException';

/** Whether each secret exists and has a current value (AWSCURRENT), without reading any value. */
export async function secretStates(clients: Clients, secrets: SpecSecret[]): Promise<SecretState[]> {
  const { DescribeSecretCommand } = await import('@aws-sdk/client-secrets-manager');
  const sm = await client(clients);
  const states: SecretState[] = [];
  for (const secret of secrets) {
    try {
      const found = await sm.send(new DescribeSecretCommand({ SecretId: secret.secretId }));
      const current = Object.values(found.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT'));
      const changed = found.LastChangedDate ?? found.CreatedDate;
      states.push({
        ...secret,
        state: current ? 'set' : 'empty',
        ...(changed ? { lastChanged: new Date(changed).toISOString() } : {}),
      });
    } catch (e) {
      if (!notFound(e)) throw e;
      states.push({ ...secret, state: 'missing' });
    }
  }
  return states;
}

export type PutResult = { ok: true; versionId: string } | { ok: false; problem: string; fix: string };

/** Sets the secret's current value (a new version; Secrets Manager keeps the previous one as AWSPREVIOUS). */
export async function putSecretValue(clients: Clients, secret: SpecSecret, value: string): Promise<PutResult> {
  const { PutSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  try {
    const put = await (await client(clients)).send(
      new PutSecretValueCommand({ SecretId: secret.secretId, SecretString: value }),
    );
    return { ok: true, versionId: put.VersionId ?? '' };
  } catch (e) {
    if (!notFound(e)) throw e;
    return {
      ok: false,
      problem: `secret ${secret.secretId} does not exist in ${clients.region}`,
      fix: 'deploy the environment first (gen deploy): its data stack creates the secret, empty',
    };
  }
}

/** A value as read from a file or stdin: one trailing line break (from echo or an editor) is not part of it. */
export const secretValueOf = (text: string): string => text.replace(/\r?\n$/, '');
