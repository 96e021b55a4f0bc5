/**
 * workflows -> per workflow, in the app layer: a Step Functions state machine (Definition as an
 * object, functions filled in by DefinitionSubstitutions), its log group under
 * /aws/vendedlogs/states/ with the environment's retention, and its role. The three refer to
 * each other, so they share one placement group.
 */
import { warning, type Diagnostic, type Location } from '../../diagnostics.js';
import { ids, names } from '../../naming/ids.js';
import { Fn, IamRole, keptWhenProtected, LogGroup, sub } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { byName, type Entry } from '../../spec.js';
import { invokeTarget } from '../functions/invoke.js';
import { functionsOf } from '../functions/model.js';
import type { CompileContext } from '../section.js';
import { StateMachine } from './cfn.js';
import { readDefinitionFile } from './definition-file.js';
import { type Workflow, workflowsOf } from './model.js';
import { invokeStatement, logStatements, TRACING_STATEMENT, TRUST } from './policy.js';
import { definitionOf, functionPlaceholder, statesFunctions } from './states.js';

/** An Express execution runs at most 5 minutes. */
export const EXPRESS_MAX_SECONDS = 300;
const LEVEL = { off: 'OFF', errors: 'ERROR', all: 'ALL' } as const;

/** The definition and the functions it invokes: the short form's, or the file's (undefined when the file is broken: the checks said why). */
export function definitionFor(specDir: string, w: Workflow): { definition: object; functions: string[] } | undefined {
  if (w.definition === undefined) return { definition: definitionOf(w), functions: statesFunctions(w) };
  const read = readDefinitionFile(specDir, w.definition);
  return 'problem' in read ? undefined : read;
}

/** Functions an Express workflow waits for longer than it may run, each where the spec names it. */
function expressTimeouts(ctx: CompileContext, entry: Entry<Workflow>, functions: string[]): Diagnostic[] {
  const { spec, env } = ctx;
  const { name, value: w, file, path } = entry;
  if (w.type !== 'express') return [];
  const timeoutOf = (fn: string) => byName(functionsOf(spec), fn)?.value.timeout ?? env.functions.timeout;
  const places: { fn: string; at: Location }[] =
    w.definition !== undefined
      ? functions.map((fn) => ({ fn, at: { file, path: [...path, 'definition'] } }))
      : Object.entries(w.states).flatMap(([state, s]) =>
          s.function !== undefined && (s.timeoutSeconds ?? Infinity) > EXPRESS_MAX_SECONDS
            ? [{ fn: s.function, at: { file, path: [...path, 'states', state, 'function'] } }]
            : [],
        );
  return places
    .filter(({ fn }) => timeoutOf(fn) > EXPRESS_MAX_SECONDS)
    .map(({ fn, at }) =>
      warning(
        'GEN352',
        `function '${fn}' may run ${timeoutOf(fn)} s in environment ${env.name}, but express workflow '${name}' stops after ${EXPRESS_MAX_SECONDS} s (5 minutes)`,
        at,
        `make the workflow standard (type: standard), give the function a timeout of at most ${EXPRESS_MAX_SECONDS}, or bound the state with timeoutSeconds`,
      ),
    );
}

function compileWorkflow(
  ctx: CompileContext,
  entry: Entry<Workflow>,
): { resources: PlacedResource[]; diagnostics: Diagnostic[] } {
  const { spec, env } = ctx;
  const { name, value: w } = entry;
  const built = definitionFor(spec.specDir, w);
  if (!built) return { resources: [], diagnostics: [] };
  const { definition, functions } = built;
  const machineName = names.stateMachine(env.name, name);
  const logGroupName = names.stateMachineLogGroup(env.name, name);
  const logGroup = Object.assign(
    new LogGroup({ LogGroupName: logGroupName, RetentionInDays: env.logRetentionDays }),
    keptWhenProtected(env.protected),
  );
  const role = new IamRole({
    AssumeRolePolicyDocument: TRUST,
    Description: `Runs workflow ${machineName}`,
    Policies: [
      {
        PolicyName: 'workflow',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            ...(functions.length > 0 ? [invokeStatement(spec, env, functions)] : []),
            ...logStatements(logGroupName),
            ...(w.tracing ? [TRACING_STATEMENT] : []),
          ],
        },
      },
    ],
  });
  const machine = new StateMachine({
    StateMachineName: machineName,
    StateMachineType: w.type.toUpperCase(),
    RoleArn: Fn.GetAtt(ids.stateMachineRole(name), 'Arn'),
    Definition: definition,
    ...(functions.length > 0
      ? {
          DefinitionSubstitutions: Object.fromEntries(
            functions.map((fn) => [functionPlaceholder(fn), sub(invokeTarget(spec, env, fn))]),
          ),
        }
      : {}),
    LoggingConfiguration: {
      Level: LEVEL[w.logs],
      IncludeExecutionData: w.logs === 'all',
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Fn.GetAtt(ids.stateMachineLogGroup(name), 'Arn') } }],
    },
    TracingConfiguration: { Enabled: w.tracing },
  } as never);
  const resources: PlacedResource[] = [
    { layer: 'app', logicalId: ids.stateMachineLogGroup(name), resource: logGroup },
    { layer: 'app', logicalId: ids.stateMachineRole(name), resource: role },
    { layer: 'app', logicalId: ids.stateMachine(name), resource: machine },
  ];
  return { resources: inGroup(ids.stateMachine(name), resources), diagnostics: expressTimeouts(ctx, entry, functions) };
}

export function compileWorkflows(ctx: CompileContext): Fragment {
  const compiled = workflowsOf(ctx.spec).items.map((entry) => compileWorkflow(ctx, entry));
  return { ...fragment(compiled.flatMap((c) => c.resources)), diagnostics: compiled.flatMap((c) => c.diagnostics) };
}
