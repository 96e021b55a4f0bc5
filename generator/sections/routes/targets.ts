/** What API Gateway invokes for a function: its alias when kept warm, else the function. */
import { arns, names } from '../../naming/ids.js';
import type { Environment } from '../../environment/model.js';
import { byName, type Spec } from '../../spec.js';
import { ALIAS_NAME, usesAlias } from '../functions/compile.js';

export function invokeName(spec: Spec, env: Environment, functionName: string): string {
  const fn = byName(spec.functions, functionName)?.value;
  const name = names.function(env.name, functionName);
  return fn && usesAlias(fn, env) ? `${name}:${ALIAS_NAME}` : name;
}

export const invokeTarget = (spec: Spec, env: Environment, functionName: string) => arns.function(invokeName(spec, env, functionName));
