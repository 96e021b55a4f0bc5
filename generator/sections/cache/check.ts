/**
 * Checks of the cache against the rest of the spec: it lives in the network (GEN385), its AUTH
 * token's secret needs the secrets key and a name of its own (GEN386), and a function asking for
 * it needs the cache, the network, and the two variable names free (GEN388).
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { keysOf } from '../keys/model.js';
import { networkOf } from '../network/model.js';
import { secretsOf } from '../secrets/model.js';
import { AUTH_KEY, AUTH_SECRET, cacheOf } from './model.js';

/** The variables a function with cache: true gets. */
export const CACHE_VARIABLES = ['CACHE_AUTH_SECRET', 'CACHE_ENDPOINT'];

export function checkCache(spec: Spec): Diagnostic[] {
  const cache = cacheOf(spec);
  const out: Diagnostic[] = [];
  if (cache && !networkOf(spec))
    out.push(
      error(
        'GEN385',
        'the cache needs a network: ElastiCache runs in private subnets, and no spec file defines a network',
        { file: cache.file, path: cache.path, at: 'key' },
        'add a network section (network: {internet: nat}) and its environment settings',
      ),
    );
  if (cache && !byName(keysOf(spec), AUTH_KEY))
    out.push(
      error(
        'GEN386',
        `the cache's AUTH token is a secret encrypted with the key named ${AUTH_KEY}, which the keys section does not define`,
        { file: cache.file, path: cache.path, at: 'key' },
        `add keys: {${AUTH_KEY}: {description: Encrypts the secrets}}`,
      ),
    );
  const taken = cache && byName(secretsOf(spec), AUTH_SECRET);
  if (taken)
    out.push(
      error(
        'GEN386',
        `secret '${AUTH_SECRET}' has the name of the secret gen creates for the cache's AUTH token`,
        { file: taken.file, path: taken.path, at: 'key' },
        `rename the secret (functions with cache: true read ${AUTH_SECRET} through CACHE_AUTH_SECRET)`,
      ),
    );
  for (const fn of functionsOf(spec).items.filter((f) => f.value.cache === true)) {
    const at = { file: fn.file, path: [...fn.path, 'cache'] };
    if (!cache)
      out.push(
        error(
          'GEN388',
          `function '${fn.name}' asks for the cache, but no spec file defines one`,
          at,
          'add a cache section (cache: {}) or remove cache: true',
        ),
      );
    else if (fn.value.network === 'none')
      out.push(
        error(
          'GEN388',
          `function '${fn.name}' asks for the cache but runs outside the network (network: none): it cannot reach Redis`,
          at,
          'remove network: none or cache: true',
        ),
      );
    for (const variable of CACHE_VARIABLES.filter((v) => v in fn.value.environment))
      out.push(
        error(
          'GEN388',
          `environment variable ${variable} is set by gen for the cache (cache: true)`,
          { file: fn.file, path: [...fn.path, 'environment', variable], at: 'key' },
          `remove ${variable}: gen sets it`,
        ),
      );
  }
  return out;
}
