import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { itemsOf, usableKey, type Reference, type Registry } from '../section.js';
import { normalizeImage, type ImageSource } from './image.js';
import { type Architecture, DEFAULT_RUNTIME } from './runtimes.js';

export interface FunctionSpec {
  /** handlers/<file>.<export>; absent for a container-image function. */
  handler?: string;
  /** A container image built from a folder with a Dockerfile, instead of handler and runtime. */
  image?: ImageSource;
  /** Undefined: the environment's default. */
  memory?: number;
  timeout?: number;
  runtime: string;
  architecture: Architecture;
  reservedConcurrency?: number;
  /** Warm instances kept ready, in environments that enable provisioned concurrency. */
  provisionedConcurrency?: number;
  /** Variables: one value, or one per environment name. */
  environment: Record<string, string | Record<string, string>>;
  /** Queue that receives events of asynchronous invocations that failed every retry. */
  deadLetterQueue?: string;
  /** What the code uses of other sections, by section key (`tables`, ...), each sorted by name. */
  uses: Record<string, Reference[]>;
  /** Written `network`: private or none (undefined: private when the spec has a network). */
  network?: 'private' | 'none';
  /** Written `cache: true`: the code talks to the cache section's Redis. */
  cache?: boolean;
}

/** A function shipped as a zip of its handler's code (every function without `image`). */
export type ZipFunction = FunctionSpec & { handler: string };
export const isZip = (fn: FunctionSpec): fn is ZipFunction => fn.image === undefined && fn.handler !== undefined;

type RawReference = unknown;
type Scalar = string | number | boolean;
const text = (value: Scalar | Record<string, Scalar>) =>
  typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .map(([env, v]) => [env, String(v)])
          .sort(([a], [b]) => byText(a, b)),
      )
    : String(value);
export interface RawFunction extends Partial<Omit<FunctionSpec, 'uses' | 'environment' | 'image'>> {
  image?: string | { context: string; dockerfile?: string };
  environment?: Record<string, Scalar | Record<string, Scalar>>;
  [sectionKey: string]: unknown;
}

const isLongForm = (raw: RawReference): raw is { access: unknown; variable?: string } =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** `{orders: read}` or `{orders: {access: read, variable: ORDERS}}` -> references, the variable named. */
function references(raw: Record<string, RawReference> | undefined, variable: (name: string) => string): Reference[] {
  return Object.entries(raw ?? {})
    .map(([name, value]) =>
      isLongForm(value)
        ? { name, access: value.access, variable: value.variable ?? variable(name) }
        : { name, access: value, variable: variable(name) },
    )
    .sort((a, b) => byText(a.name, b.name));
}

export function normalizeFunction(raw: RawFunction, _name: string, registry: Registry): FunctionSpec {
  return {
    ...(raw.handler !== undefined ? { handler: raw.handler } : {}),
    ...(raw.image !== undefined ? { image: normalizeImage(raw.image) } : {}),
    ...(raw.memory !== undefined ? { memory: raw.memory } : {}),
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    runtime: raw.runtime ?? DEFAULT_RUNTIME,
    architecture: raw.architecture ?? 'arm64',
    ...(raw.reservedConcurrency !== undefined ? { reservedConcurrency: raw.reservedConcurrency } : {}),
    ...(raw.provisionedConcurrency !== undefined ? { provisionedConcurrency: raw.provisionedConcurrency } : {}),
    environment: Object.fromEntries(
      Object.entries(raw.environment ?? {})
        .map(([k, v]) => [k, text(v)])
        .sort(([a], [b]) => byText(a, b)),
    ),
    ...(raw.deadLetterQueue !== undefined ? { deadLetterQueue: raw.deadLetterQueue } : {}),
    ...(raw.network !== undefined ? { network: raw.network } : {}),
    ...(raw.cache === true ? { cache: true } : {}),
    uses: Object.fromEntries(
      registry.usable
        .filter((s) => raw[usableKey(s)] !== undefined)
        .map((s) => [s.key, references(raw[usableKey(s)] as Record<string, RawReference>, s.usable.variable)]),
    ),
  };
}

/** handlers/orders/create.handler -> { file: 'handlers/orders/create', exportName: 'handler' } */
export function splitHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** The functions of a spec. */
export const functionsOf = (spec: Spec) => itemsOf<FunctionSpec>(spec, 'functions');

/** A variable's value in one environment; undefined when a per-environment value leaves it out. */
export const variableIn = (value: string | Record<string, string>, env: string): string | undefined =>
  typeof value === 'string' ? value : value[env];
