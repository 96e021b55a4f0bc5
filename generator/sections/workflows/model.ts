import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

export type WorkflowType = 'standard' | 'express';
export type LogLevel = 'off' | 'errors' | 'all';

/** The kinds of state the short form writes; a state is of the kind whose key it has. */
export const STATE_KINDS = ['function', 'pass', 'wait', 'choice', 'succeed', 'fail'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export interface Retry {
  errors: string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
}

export interface Catch {
  errors: string[];
  next: string;
  resultPath?: string | null;
}

/** One state as written (schema-valid); `kinds` says which kind keys it has (a well-formed state has one). */
export interface State {
  kinds: StateKind[];
  comment?: string;
  function?: string;
  /** A JSONPath into the state input ($.order), or a template object; default the whole input. */
  payload?: string | Record<string, unknown>;
  resultSelector?: Record<string, unknown>;
  resultPath?: string | null;
  /** Undefined: the transient Lambda errors (TRANSIENT_RETRY); [] turns retrying off. */
  retry?: Retry[];
  catch: Catch[];
  timeoutSeconds?: number;
  pass?: boolean;
  result?: unknown;
  wait?: number | { secondsPath?: string; timestamp?: string; timestampPath?: string };
  choice?: Record<string, unknown>[];
  default?: string;
  succeed?: boolean;
  fail?: boolean | { error?: string; cause?: string };
  next?: string;
  end?: boolean;
}

export interface Workflow {
  type: WorkflowType;
  comment?: string;
  logs: LogLevel;
  tracing: boolean;
  /** Short form: the first state and every state by name (in file order). */
  start?: string;
  states: Record<string, State>;
  /** Escape: a state-language file under spec/, with ${function:x} placeholders. */
  definition?: string;
}

/** Lambda's transient errors, retried 3 times from 2 s, doubling (the transaction-pipeline seed's values). */
export const TRANSIENT_RETRY: Retry = {
  errors: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  intervalSeconds: 2,
  maxAttempts: 3,
  backoffRate: 2,
};

type RawState = Omit<State, 'kinds' | 'catch' | 'retry'> & {
  catch?: Catch[];
  retry?: Partial<Retry>[];
};
export interface RawWorkflow {
  type?: WorkflowType;
  comment?: string;
  logs?: LogLevel;
  tracing?: boolean;
  start?: string;
  states?: Record<string, RawState>;
  definition?: string;
}

function normalizeState(raw: RawState): State {
  const { retry, catch: catches, ...rest } = raw;
  return {
    ...rest,
    kinds: STATE_KINDS.filter((kind) => raw[kind] !== undefined),
    ...(retry !== undefined
      ? {
          retry: retry.map((r) => ({
            errors: r.errors ?? ['States.ALL'],
            intervalSeconds: r.intervalSeconds ?? 1,
            maxAttempts: r.maxAttempts ?? 3,
            backoffRate: r.backoffRate ?? 2,
          })),
        }
      : {}),
    catch: catches ?? [],
  };
}

export function normalizeWorkflow(raw: RawWorkflow): Workflow {
  return {
    type: raw.type ?? 'standard',
    ...(raw.comment !== undefined ? { comment: raw.comment } : {}),
    logs: raw.logs ?? 'errors',
    tracing: raw.tracing ?? true,
    ...(raw.start !== undefined ? { start: raw.start } : {}),
    states: Object.fromEntries(Object.entries(raw.states ?? {}).map(([name, s]) => [name, normalizeState(s)])),
    ...(raw.definition !== undefined ? { definition: raw.definition } : {}),
  };
}

/** The workflows of a spec. */
export const workflowsOf = (spec: Spec) => itemsOf<Workflow>(spec, 'workflows');

/** The states a state may go to next, with the key that names each (for messages). */
export function transitions(state: State): { key: (string | number)[]; target: string }[] {
  return [
    ...(state.next !== undefined ? [{ key: ['next'], target: state.next }] : []),
    ...state.catch.map((c, i) => ({ key: ['catch', i, 'next'], target: c.next })),
    ...(state.choice ?? []).flatMap((rule, i) =>
      typeof rule.next === 'string' ? [{ key: ['choice', i, 'next'], target: rule.next }] : [],
    ),
    ...(state.default !== undefined ? [{ key: ['default'], target: state.default }] : []),
  ];
}

/** A state that ends an execution. */
export const isTerminal = (state: State) =>
  state.end === true || state.kinds.includes('succeed') || state.kinds.includes('fail');
