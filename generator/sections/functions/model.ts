import { byText } from '../../order.js';
export type Access = 'read' | 'write' | 'read-write';
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
  tables: { name: string; access: Access }[];
}

/** Runtimes Lambda still creates functions with; nodejs20.x was deprecated on 2026-04-30. */
export const DEFAULT_RUNTIME = 'nodejs24.x';
export const RUNTIMES = ['nodejs22.x', 'nodejs24.x'];

export interface RawFunction extends Partial<Omit<FunctionSpec, 'tables' | 'environment'>> {
  handler: string;
  environment?: Record<string, string | number | boolean>;
  tables?: Record<string, Access>;
}

export function normalizeFunction(raw: RawFunction): FunctionSpec {
  return {
    handler: raw.handler,
    ...(raw.memory !== undefined ? { memory: raw.memory } : {}),
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    runtime: raw.runtime ?? DEFAULT_RUNTIME,
    architecture: raw.architecture ?? 'arm64',
    ...(raw.reservedConcurrency !== undefined ? { reservedConcurrency: raw.reservedConcurrency } : {}),
    ...(raw.provisionedConcurrency !== undefined ? { provisionedConcurrency: raw.provisionedConcurrency } : {}),
    environment: Object.fromEntries(Object.entries(raw.environment ?? {}).map(([k, v]) => [k, String(v)]).sort(([a], [b]) => byText(a, b))),
    tables: Object.entries(raw.tables ?? {}).map(([name, access]) => ({ name, access })).sort((a, b) => byText(a.name, b.name)),
  };
}

/** handlers/orders/create.handler -> { file: 'handlers/orders/create', exportName: 'handler' } */
export function splitHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}
