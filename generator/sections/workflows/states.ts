/**
 * The short form in Amazon States Language. Functions are named by placeholders
 * (${FunctionTransactionValidation}) that DefinitionSubstitutions fill with their ARNs, so the
 * definition itself stays free of environment names and intrinsic functions.
 */
import { pascal } from '../../naming/ids.js';
import { byText } from '../../order.js';
import { conditionToAsl } from './conditions.js';
import { type Catch, type Retry, type State, TRANSIENT_RETRY, type Workflow } from './model.js';

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** The placeholder key standing for a function's ARN in a definition. */
export const functionPlaceholder = (fn: string) => `Function${pascal(fn)}`;

const retryToAsl = (r: Retry) => ({
  ErrorEquals: r.errors,
  IntervalSeconds: r.intervalSeconds,
  MaxAttempts: r.maxAttempts,
  BackoffRate: r.backoffRate,
});
const catchToAsl = (c: Catch) => ({
  ErrorEquals: c.errors,
  Next: c.next,
  ...(c.resultPath !== undefined ? { ResultPath: c.resultPath } : {}),
});
const flow = (s: State) => (s.end ? { End: true } : s.next !== undefined ? { Next: s.next } : {});
const comment = (s: State) => (s.comment !== undefined ? { Comment: s.comment } : {});
const resultPath = (s: State) => (s.resultPath !== undefined ? { ResultPath: s.resultPath } : {});

function payload(s: State): Record<string, unknown> {
  if (s.payload === undefined) return { 'Payload.$': '$' };
  return typeof s.payload === 'string' ? { 'Payload.$': s.payload } : { Payload: s.payload };
}

function functionState(s: State) {
  const retry = s.retry ?? [TRANSIENT_RETRY];
  return {
    Type: 'Task',
    ...comment(s),
    Resource: LAMBDA_INVOKE,
    Parameters: { FunctionName: `\${${functionPlaceholder(s.function!)}}`, ...payload(s) },
    ...(s.timeoutSeconds !== undefined ? { TimeoutSeconds: s.timeoutSeconds } : {}),
    ...(s.resultSelector !== undefined ? { ResultSelector: s.resultSelector } : {}),
    ...resultPath(s),
    ...(retry.length > 0 ? { Retry: retry.map(retryToAsl) } : {}),
    ...(s.catch.length > 0 ? { Catch: s.catch.map(catchToAsl) } : {}),
    ...flow(s),
  };
}

function waitFields(wait: NonNullable<State['wait']>) {
  if (typeof wait === 'number') return { Seconds: wait };
  if (wait.secondsPath !== undefined) return { SecondsPath: wait.secondsPath };
  if (wait.timestamp !== undefined) return { Timestamp: wait.timestamp };
  return { TimestampPath: wait.timestampPath };
}

function failFields(fail: NonNullable<State['fail']>) {
  if (fail === true || fail === false) return {};
  return {
    ...(fail.error !== undefined ? { Error: fail.error } : {}),
    ...(fail.cause !== undefined ? { Cause: fail.cause } : {}),
  };
}

/** One well-formed state (the checks passed) in ASL. */
export function stateToAsl(s: State): Record<string, unknown> {
  switch (s.kinds[0]) {
    case 'function':
      return functionState(s);
    case 'pass':
      return {
        Type: 'Pass',
        ...comment(s),
        ...(s.result !== undefined ? { Result: s.result } : {}),
        ...resultPath(s),
        ...flow(s),
      };
    case 'wait':
      return { Type: 'Wait', ...comment(s), ...waitFields(s.wait!), ...flow(s) };
    case 'choice':
      return {
        Type: 'Choice',
        ...comment(s),
        Choices: s.choice!.map(conditionToAsl),
        ...(s.default !== undefined ? { Default: s.default } : {}),
      };
    case 'succeed':
      return { Type: 'Succeed', ...comment(s) };
    default:
      return { Type: 'Fail', ...comment(s), ...failFields(s.fail!) };
  }
}

/** The whole definition of a short-form workflow. */
export const definitionOf = (w: Workflow) => ({
  ...(w.comment !== undefined ? { Comment: w.comment } : {}),
  StartAt: w.start,
  States: Object.fromEntries(Object.entries(w.states).map(([name, s]) => [name, stateToAsl(s)])),
});

/** The functions a short-form workflow's states invoke, sorted, each once. */
export const statesFunctions = (w: Workflow): string[] =>
  [...new Set(Object.values(w.states).flatMap((s) => (s.function !== undefined ? [s.function] : [])))].sort(byText);
