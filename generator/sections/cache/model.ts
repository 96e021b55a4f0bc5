import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { projectOf } from '../project/model.js';
import { singleOf } from '../section.js';
import { secretName } from '../secrets/model.js';

export const REDIS_PORT = 6379;
/** The replication group's attributes that make CACHE_ENDPOINT (host:port), read across stacks. */
export const ENDPOINT_ATTRIBUTES = ['PrimaryEndPoint.Address', 'PrimaryEndPoint.Port'] as const;
export const REDIS_VERSION = '7.1';
/** The secret holding the AUTH token, beside the spec's secrets (GEN386 keeps a spec secret from taking the name). */
export const AUTH_SECRET = 'cache-auth';
/** The key of the keys section that encrypts the AUTH token's secret (the secrets section's convention). */
export const AUTH_KEY = 'secrets';

export interface Cache {
  engine: 'redis';
  maintenanceWindow: string;
  snapshotRetentionDays: number;
}

export type RawCache = Partial<Cache>;

export const normalizeCache = (raw: RawCache): Cache => ({
  engine: raw.engine ?? 'redis',
  maintenanceWindow: raw.maintenanceWindow ?? 'sun:03:00-sun:04:00',
  snapshotRetentionDays: raw.snapshotRetentionDays ?? 7,
});

/** The cache block, when a spec file defines one. */
export const cacheOf = (spec: Spec) => singleOf<Cache>(spec, 'cache');

/** Functions written with cache: true, sorted. */
export const cacheUsers = (spec: Spec): string[] =>
  functionsOf(spec)
    .items.filter((f) => f.value.cache === true)
    .map((f) => f.name)
    .sort(byText);

export const authSecretName = (spec: Spec, env: string) => secretName(spec, env, AUTH_SECRET);

export const projectName = (spec: Spec) => projectOf(spec)?.value.name ?? 'project';
