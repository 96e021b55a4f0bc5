import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { itemsOf, type Reference, type Registry } from '../section.js';

export type Architecture = 'arm64' | 'x86_64';

export interface FunctionSpec {
  /** handlers/<file>.<export> */
  handler: string;
  /** Undefined: the environment's default. */
  memory?: number;
  timeout?: number;
  runtime: string;
  architecture: Architecture;
  reservedConcurrency?: number;
  /** Warm instances kept ready, in environments that enable provisioned concurrency. */
  provisionedConcurrency?: number;
  environment: Record<string, string>;
  /** What the code uses of other sections, by section key (`tables`, ...), each sorted by name. */
  uses: Record<string, Reference[]>;
}

/** Runtimes Lambda still creates functions with; nodejs20.x was deprecated on 2026-04-30. */
export const DEFAULT_RUNTIME = 'nodejs24.x';
export const RUNTIMES = ['nodejs22.x', 'nodejs24.x'];

type RawReference = unknown;
export interface RawFunction extends Partial<Omit<FunctionSpec, 'uses' | 'environment'>> {
  handler: string;
  environment?: Record<string, string | number | boolean>;
  [sectionKey: string]: unknown;
}

const isLongForm = (raw: RawReference): raw is { access: unknown; variable?: string } => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** `{orders: read}` or `{orders: {access: read, variable: ORDERS}}` -> references, the variable named. */
function references(raw: Record<string, RawReference> | undefined, variable: (name: string) => string): Reference[] {
  return Object.entries(raw ?? {})
    .map(([name, value]) => isLongForm(value)
      ? { name, access: value.access, variable: value.variable ?? variable(name) }
      : { name, access: value, variable: variable(name) })
    .sort((a, b) => byText(a.name, b.name));
}

export function normalizeFunction(raw: RawFunction, _name: string, registry: Registry): FunctionSpec {
  return {
    handler: raw.handler,
    ...(raw.memory !== undefined ? { memory: raw.memory } : {}),
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    runtime: raw.runtime ?? DEFAULT_RUNTIME,
    architecture: raw.architecture ?? 'arm64',
    ...(raw.reservedConcurrency !== undefined ? { reservedConcurrency: raw.reservedConcurrency } : {}),
    ...(raw.provisionedConcurrency !== undefined ? { provisionedConcurrency: raw.provisionedConcurrency } : {}),
    environment: Object.fromEntries(Object.entries(raw.environment ?? {}).map(([k, v]) => [k, String(v)]).sort(([a], [b]) => byText(a, b))),
    uses: Object.fromEntries(registry.usable.filter((s) => raw[s.key] !== undefined)
      .map((s) => [s.key, references(raw[s.key] as Record<string, RawReference>, s.usable.variable)])),
  };
}

/** handlers/orders/create.handler -> { file: 'handlers/orders/create', exportName: 'handler' } */
export function splitHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** The functions of a spec. */
export const functionsOf = (spec: Spec) => itemsOf<FunctionSpec>(spec, 'functions');
