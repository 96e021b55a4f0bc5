/** Small pieces the whole-spec generators share: optional fields, the project's names, environments. */
import fc from 'fast-check';

/** The environments every generated project has (per-environment values name both). */
export const ENVIRONMENTS = ['production', 'test'] as const;

/** A field that is absent about half the time. */
export const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drop the absent fields, so the written YAML has only what was chosen. */
export const compact = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** One value for all environments, or one per environment (some fields need every environment named). */
export const perEnvironment = <T>(value: fc.Arbitrary<T>, every = true) =>
  fc.oneof(
    value,
    every
      ? fc.tuple(value, value).map(([production, test]) => ({ production, test }))
      : fc.constantFrom(...ENVIRONMENTS).chain((env) => value.map((v) => ({ [env]: v }))),
  );

/** The names a generated project is built around; the sections refer to each other by these. */
export interface Names {
  tables: string[];
  /** Standard queues (at least one); `dead-letters` is always there too, for every dead-letter queue. */
  queues: string[];
  fifoQueues: string[];
  topics: string[];
  fifoTopics: string[];
  buckets: string[];
  buses: string[];
  rules: string[];
  schedules: string[];
  nodeFunctions: string[];
  pythonFunctions: string[];
  /** Container-image functions (built from handlers/img/). */
  imageFunctions: string[];
  /** Keys (security.ts KEYS), secrets, workflows (the short-form one, then maybe a definition-file one). */
  keys: string[];
  secrets: string[];
  workflows: string[];
  /** Whether the spec has a network (functions may then say network: private or none). */
  network: boolean;
  /** Time-series databases (dropped with the section when the environment's engine is none). */
  timeseries: string[];
}

export const DEAD_LETTERS = 'dead-letters';
export const functionsOf = (n: Names) => [...n.nodeFunctions, ...n.pythonFunctions, ...n.imageFunctions];

/** A pick of 0..all of a list, in a stable order. */
export const some = <T>(list: T[], min = 0) => fc.subarray(list, { minLength: Math.min(min, list.length) });
