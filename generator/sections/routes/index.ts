/** routes and api: the HTTP API, one route per method and path, each answered by a function. */
import type { Section } from '../section.js';
import { checkRoutes } from './check.js';
import { compileRoutes } from './compile.js';
import { normalizeApi, normalizeRoute } from './model.js';
import { apiSchema, ROUTE_KEY, ROUTE_KEY_HINT, routeSchema } from './schema.js';

export const routesSection: Section = {
  key: 'routes',
  kind: 'map',
  schema: routeSchema,
  names: { pattern: ROUTE_KEY, noun: 'route', hint: ROUTE_KEY_HINT, maxLength: 1024, duplicate: 'GEN305' },
  normalize: normalizeRoute,
  check: checkRoutes,
  compile: compileRoutes,
};

export const apiSection: Section = {
  key: 'api',
  kind: 'single',
  schema: apiSchema,
  normalize: normalizeApi,
};
