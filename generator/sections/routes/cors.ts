/**
 * CORS with several allowed origins. API Gateway answers the preflight itself (openapi.ts picks
 * the request's origin when it is allowed), but the answers to the calls themselves come from
 * the functions: each function that answers a route gets the allowed origins in
 * CORS_ALLOW_ORIGINS (comma-separated), to set Access-Control-Allow-Origin to the request's
 * Origin when it is one of them. Given as if written under the function's `environment`, so
 * the function's version changes with the list.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import type { FunctionSpec } from '../functions/model.js';
import { itemsOf } from '../section.js';
import { apiOf, CORS_ORIGINS_VARIABLE, routesOf, severalOrigins } from './model.js';

export function giveFunctionsOrigins(spec: Spec): Diagnostic[] {
  const cors = apiOf(spec)?.value.cors;
  if (!cors || !severalOrigins(cors)) return [];
  const routed = new Set(routesOf(spec).items.map((route) => route.value.function));
  const out: Diagnostic[] = [];
  for (const entry of itemsOf<FunctionSpec>(spec, 'functions').items) {
    if (!routed.has(entry.name)) continue;
    if (CORS_ORIGINS_VARIABLE in entry.value.environment) {
      out.push(
        error(
          'GEN206',
          `environment variable ${CORS_ORIGINS_VARIABLE} is set by gen to the origins api.cors allows`,
          { file: entry.file, path: [...entry.path, 'environment', CORS_ORIGINS_VARIABLE], at: 'key' },
          `remove ${CORS_ORIGINS_VARIABLE}: gen sets it`,
        ),
      );
      continue;
    }
    entry.value = {
      ...entry.value,
      environment: { ...entry.value.environment, [CORS_ORIGINS_VARIABLE]: cors.allowOrigins.join(',') },
    };
  }
  return out;
}

/** Origins as browsers send them: a scheme and a host (and port), no path, no trailing slash; or * alone. */
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

export function checkOrigins(spec: Spec): Diagnostic[] {
  const api = apiOf(spec);
  const origins = api?.value.cors?.allowOrigins;
  if (!api || !origins) return [];
  const at = (i: number) => ({ file: api.file, path: [...api.path, 'cors', 'allowOrigins', i] });
  return origins.flatMap((origin, i) => {
    if (origin === '*') {
      return origins.length > 1
        ? [
            error(
              'GEN206',
              "allowOrigins lists '*' with other origins: '*' already allows every origin",
              at(i),
              "keep '*' alone, or list the origins without it",
            ),
          ]
        : [];
    }
    if (ORIGIN.test(origin)) return [];
    const trimmed = /^(https?:\/\/[^/\s?#]+)/.exec(origin)?.[1];
    return [
      error(
        'GEN206',
        `'${origin}' is not an origin as browsers send it (a scheme and a host, no path or trailing slash): it would never match`,
        at(i),
        trimmed ? `write '${trimmed}'` : "write the origin with its scheme, for example 'https://app.example.com'",
      ),
    ];
  });
}
