/**
 * What the cache gives a function written with cache: true. Its address, which AWS makes up, is
 * an SSM parameter of the data stack that CloudFormation reads when it deploys the function (a
 * dynamic reference by name: stacks never import each other's outputs). CloudFormation reads it
 * again whenever the function's template changes; the address itself stays for the replication
 * group's life. The secret's name is known. Reading the secret is an implied use of the secrets
 * section's `read` (its statements, and the role path the secret's policy admits).
 */
import { names } from '../../naming/ids.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import type { CompileContext, FunctionConfiguration, ImpliedUse } from '../section.js';
import { AUTH_SECRET, authSecretName, cacheOf, cacheUsers, projectName } from './model.js';

const reaches = (spec: Spec, fn: string) =>
  cacheOf(spec) !== undefined && byName(functionsOf(spec), fn)?.value.cache === true;

export function configureFunction(fn: string, { spec, env }: CompileContext): FunctionConfiguration | undefined {
  if (!reaches(spec, fn)) return undefined;
  return {
    variables: {
      CACHE_AUTH_SECRET: authSecretName(spec, env.name),
      CACHE_ENDPOINT: `{{resolve:ssm:${names.cacheEndpointParameter(env.name, projectName(spec))}}}`,
    },
  };
}

export const cacheUses = (spec: Spec): ImpliedUse[] =>
  cacheOf(spec) === undefined
    ? []
    : cacheUsers(spec).map((fn) => ({ function: fn, section: 'secrets', name: AUTH_SECRET, access: 'read' }));
