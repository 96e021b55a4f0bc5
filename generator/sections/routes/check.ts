/** Cross-references of routes: functions exist, no two routes collide, bodies make sense. */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { readBodySchema } from './body-schema.js';
import { BODY_METHODS, routesOf, type Route } from './model.js';

/** API Gateway sees /orders/{id} and /orders/{orderId} as one resource: compare paths with parameters blanked. */
const shape = (route: Route) => `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;

function checkRoute(spec: Spec, registry: Registry, entry: Entry<Route>): Diagnostic[] {
  const { value: route, file, path } = entry;
  const out: Diagnostic[] = [];
  const functions = registry.section('functions');
  // For the shorthand `GET /x: fn` there is no `function` key; the locator then points at `fn`.
  if (functions) out.push(...unknownReference(spec, functions, route.function, `route '${entry.name}' calls`, { file, path: [...path, 'function'] }));
  if (route.body !== undefined && !BODY_METHODS.includes(route.method)) {
    out.push(error('GEN206', `${route.method} requests have no body, so route '${entry.name}' cannot have a body schema`,
      { file, path: [...path, 'body'], at: 'key' }, `remove body, or use ${BODY_METHODS.join('/')}`));
  } else if (BODY_METHODS.includes(route.method)) {
    const body = readBodySchema(spec.specDir, route);
    if ('problem' in body) out.push(error('GEN307', body.problem, { file, path: [...path, 'body'] }, 'write the path relative to the spec folder, for example schemas/order.json'));
  }
  return out;
}

/** Two routes with the same method and the same path shape, or sibling parameters with different names. */
function checkCollisions(routes: Entry<Route>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const shapes = new Map<string, Entry<Route>>();
  const parameterAt = new Map<string, { name: string; entry: Entry<Route> }>();
  for (const entry of routes) {
    const first = shapes.get(shape(entry.value));
    if (first) {
      out.push(error('GEN305', `route '${entry.name}' is the same route as '${first.name}' (${first.file}): API Gateway cannot tell them apart`,
        { file: entry.file, path: entry.path, at: 'key' }, 'remove one of them, or give them different paths'));
      continue;
    }
    shapes.set(shape(entry.value), entry);
    const segments = entry.value.path.split('/');
    segments.forEach((segment, i) => {
      const match = /^\{(.+)\}$/.exec(segment);
      if (!match) return;
      const prefix = segments.slice(0, i).join('/');
      const seen = parameterAt.get(prefix);
      if (!seen) parameterAt.set(prefix, { name: match[1], entry });
      else if (seen.name !== match[1]) {
        out.push(error('GEN305', `path parameter {${match[1]}} in '${entry.name}' sits where '${seen.entry.name}' has {${seen.name}}; API Gateway needs one name per place`,
          { file: entry.file, path: entry.path, at: 'key' }, `rename {${match[1]}} to {${seen.name}}`));
      }
    });
  }
  return out;
}

export function checkRoutes(spec: Spec, registry: Registry): Diagnostic[] {
  const routes = routesOf(spec).items;
  return [...routes.flatMap((entry) => checkRoute(spec, registry, entry)), ...checkCollisions(routes)];
}
