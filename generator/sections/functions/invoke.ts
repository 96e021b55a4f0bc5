/**
 * The public face of functions for whatever invokes them (routes today; queues, schedules,
 * event rules and workflows next): what to name as the target, and the permission to invoke.
 * Invokers import this file, never the functions' compile step.
 */
import type { Environment } from '../../environment/model.js';
import { arns, names } from '../../naming/ids.js';
import { LambdaPermission } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf, type FunctionSpec } from './model.js';

export const ALIAS_NAME = 'live';

/** Whether this function runs behind an alias (provisioned concurrency) in this environment. */
export const usesAlias = (fn: FunctionSpec, env: Environment) =>
  env.functions.provisionedConcurrency && fn.provisionedConcurrency !== undefined;

/** The name to invoke: the `live` alias when the function is kept warm, else the function. */
export function invokeName(spec: Spec, env: Environment, functionName: string): string {
  const fn = byName(functionsOf(spec), functionName)?.value;
  const name = names.function(env.name, functionName);
  return fn && usesAlias(fn, env) ? `${name}:${ALIAS_NAME}` : name;
}

export const invokeTarget = (spec: Spec, env: Environment, functionName: string) =>
  arns.function(invokeName(spec, env, functionName));

/** Lets one AWS service principal invoke the function, from one source only. */
export const invokePermission = (
  spec: Spec,
  env: Environment,
  functionName: string,
  principal: string,
  sourceArn: string | object,
) =>
  new LambdaPermission({
    Action: 'lambda:InvokeFunction',
    FunctionName: invokeName(spec, env, functionName),
    Principal: principal,
    SourceArn: sourceArn as string,
  });
