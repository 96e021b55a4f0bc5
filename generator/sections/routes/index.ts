/** routes and api: the HTTP API, one route per method and path, each answered by a function. */
import type { Section } from '../section.js';
import { apiDashboard } from './dashboard.js';
import { apiAlarmTypes } from './alarms.js';
import { checkRoutes } from './check.js';
import { compileRoutes } from './compile.js';
import { routesGraph } from './graph.js';
import { normalizeApi, normalizeRoute, routesOf } from './model.js';
import { apiSchema, ROUTE_KEY, ROUTE_KEY_HINT, routeSchema } from './schema.js';
import { apiSettingsSchema } from './settings.js';

export const routesSection: Section = {
  key: 'routes',
  kind: 'map',
  schema: routeSchema,
  names: { pattern: ROUTE_KEY, noun: 'route', hint: ROUTE_KEY_HINT, maxLength: 1024, duplicate: 'GEN305' },
  normalize: normalizeRoute,
  check: checkRoutes,
  compile: compileRoutes,
  layers: [{ name: 'api', after: 'app', purpose: 'HTTP API, stage and invoke permissions' }],
  // The API's access log.
  statefulTypes: ['AWS::Logs::LogGroup'],
  alarmTypes: apiAlarmTypes,
  graph: routesGraph,
  invokes: (spec) => routesOf(spec).items.map((r) => r.value.function),
  dashboard: apiDashboard,
};

export const apiSection: Section = {
  key: 'api',
  kind: 'single',
  schema: apiSchema,
  normalize: normalizeApi,
  environment: apiSettingsSchema,
};
