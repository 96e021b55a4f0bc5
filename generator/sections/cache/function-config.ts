/**
 * What the cache gives a function written with cache: true. Its address, which AWS makes up,
 * is read from the replication group (Fn::GetAtt): in another stack, as the function is, that
 * read becomes a parameter filled in by gen deploy from the data stack's output (placement/
 * link.ts; the address stays for the replication group's life). The secret's name is known. Reading the secret is an implied use of the secrets
 * section's `read` (its statements, and the role path the secret's policy admits).
 */
import { ids } from '../../naming/ids.js';
import { Fn } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import type { CompileContext, FunctionConfiguration, ImpliedUse } from '../section.js';
import { AUTH_SECRET, authSecretName, cacheOf, cacheUsers, ENDPOINT_ATTRIBUTES } from './model.js';

const reaches = (spec: Spec, fn: string) =>
  cacheOf(spec) !== undefined && byName(functionsOf(spec), fn)?.value.cache === true;

export function configureFunction(fn: string, { spec, env }: CompileContext): FunctionConfiguration | undefined {
  if (!reaches(spec, fn)) return undefined;
  return {
    variables: {
      CACHE_AUTH_SECRET: authSecretName(spec, env.name),
      CACHE_ENDPOINT: Fn.Join(
        ':',
        ENDPOINT_ATTRIBUTES.map((attribute) => Fn.GetAtt(ids.cacheReplicationGroup(), attribute)),
      ),
    },
  };
}

export const cacheUses = (spec: Spec): ImpliedUse[] =>
  cacheOf(spec) === undefined
    ? []
    : cacheUsers(spec).map((fn) => ({ function: fn, section: 'secrets', name: AUTH_SECRET, access: 'read' }));
