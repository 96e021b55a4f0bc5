import { byText } from '../../order.js';
import type { Spec } from '../../spec.js';
import { itemsOf, singleOf } from '../section.js';
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export type Method = (typeof METHODS)[number];
export const BODY_METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH'];

export interface Route {
  method: Method;
  /** /strategies/{id} */
  path: string;
  function: string;
  /** Path of a JSON Schema file under spec/, an inline JSON Schema, or undefined (any JSON object). */
  body?: string | Record<string, unknown>;
  /** Query string parameters and whether each is required. */
  query: { name: string; required: boolean }[];
}

export interface ApiSettings {
  cors?: { allowOrigins: string[]; allowHeaders: string[]; maxAgeSeconds: number };
}

export type RawRoute =
  | string
  | { function: string; body?: string | Record<string, unknown>; query?: Record<string, 'required' | 'optional'> };

/** "GET /orders/{id}" -> method and path. The key pattern of the schema guarantees the shape. */
export function parseRouteKey(key: string): { method: Method; path: string } {
  const [method, path] = key.split(' ');
  return { method: method as Method, path };
}

export function normalizeRoute(raw: RawRoute, key: string): Route {
  const { method, path } = parseRouteKey(key);
  const value = typeof raw === 'string' ? { function: raw } : raw;
  return {
    method,
    path,
    function: value.function,
    ...(value.body !== undefined ? { body: value.body } : {}),
    query: Object.entries(value.query ?? {})
      .map(([name, need]) => ({ name, required: need === 'required' }))
      .sort((a, b) => byText(a.name, b.name)),
  };
}

export const pathParameters = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

export function normalizeApi(raw: { cors?: Partial<NonNullable<ApiSettings['cors']>> }): ApiSettings {
  if (!raw.cors) return {};
  return {
    cors: {
      allowOrigins: raw.cors.allowOrigins ?? ['*'],
      allowHeaders: raw.cors.allowHeaders ?? ['Content-Type', 'Authorization'],
      maxAgeSeconds: raw.cors.maxAgeSeconds ?? 600,
    },
  };
}

/** Whether browsers must be answered with one origin chosen per request: several are allowed, none of them any (*). */
export const severalOrigins = (cors: NonNullable<ApiSettings['cors']>): boolean =>
  cors.allowOrigins.length > 1 && !cors.allowOrigins.includes('*');

/** The variable that gives functions answering routes the allowed origins, when there are several to choose from. */
export const CORS_ORIGINS_VARIABLE = 'CORS_ALLOW_ORIGINS';

/** The routes of a spec, and its API settings. */
export const routesOf = (spec: Spec) => itemsOf<Route>(spec, 'routes');
export const apiOf = (spec: Spec) => singleOf<ApiSettings>(spec, 'api');
