/** Cross-references of routes: functions exist, no two routes collide, bodies make sense. */
import { join, relative } from 'node:path';
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { readBodySchema } from './body-schema.js';
import { checkOrigins } from './cors.js';
import { modelProblems } from './model-rules.js';
import { BODY_METHODS, pathParameters, routesOf, type Route } from './model.js';

/** API Gateway sees /orders/{id} and /orders/{orderId} as one resource: compare paths with parameters blanked. */
const shape = (route: Route) => `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;

function checkRoute(spec: Spec, registry: Registry, entry: Entry<Route>, checkedFiles: Set<string>): Diagnostic[] {
  const { value: route, file, path } = entry;
  const out: Diagnostic[] = [];
  const functions = registry.section('functions');
  // For the shorthand `GET /x: fn` there is no `function` key; the locator then points at `fn`.
  if (functions)
    out.push(
      ...unknownReference(spec, functions, route.function, `route '${entry.name}' calls`, {
        file,
        path: [...path, 'function'],
      }),
    );
  out.push(...checkParameters(entry));
  if (route.body !== undefined && !BODY_METHODS.includes(route.method)) {
    out.push(
      error(
        'GEN206',
        `${route.method} requests have no body, so route '${entry.name}' cannot have a body schema`,
        { file, path: [...path, 'body'], at: 'key' },
        `remove body, or use ${BODY_METHODS.join('/')}`,
      ),
    );
  } else if (BODY_METHODS.includes(route.method)) {
    const body = readBodySchema(spec.specDir, route);
    if ('problem' in body)
      out.push(
        error(
          'GEN307',
          body.problem,
          { file, path: [...path, 'body'] },
          body.fix ?? 'write the path relative to the spec folder, for example schemas/order.json',
        ),
      );
    else out.push(...checkBodyModel(spec, entry, body.schema, checkedFiles));
  }
  return out;
}

/**
 * A body schema API Gateway would refuse at deploy: pointed at in the schema file, or in the
 * route's inline block. A file several routes share is reported once.
 */
function checkBodyModel(
  spec: Spec,
  { name, value: route, file, path }: Entry<Route>,
  schema: unknown,
  checkedFiles: Set<string>,
): Diagnostic[] {
  const inFile = typeof route.body === 'string' ? relative(spec.root, join(spec.specDir, route.body)) : undefined;
  if (inFile !== undefined) {
    if (checkedFiles.has(inFile)) return [];
    checkedFiles.add(inFile);
  }
  return modelProblems(schema).map((p) =>
    inFile === undefined
      ? error(
          'GEN307',
          `body schema of '${name}': ${p.message}`,
          { file, path: [...path, 'body', ...p.path], ...(p.at ? { at: p.at } : {}) },
          p.fix,
        )
      : error(
          'GEN307',
          `body schema of '${name}' (${route.body}): ${p.message}`,
          { file: inFile, path: p.path, ...(p.at ? { at: p.at } : {}) },
          p.fix,
        ),
  );
}

/**
 * The path with the second and later places of `parameter` named after the segment before
 * them (/members/{id}/fines/{id} -> /members/{id}/fines/{fineId}); the first keeps its name,
 * which sibling routes share.
 */
function renamed(path: string, parameter: string): string {
  const used = new Set(pathParameters(path));
  const capital = parameter.charAt(0).toUpperCase() + parameter.slice(1);
  let seen = false;
  return path
    .split('/')
    .map((segment, i, segments) => {
      if (segment !== `{${parameter}}`) return segment;
      if (!seen) {
        seen = true;
        return segment;
      }
      const before = segments[i - 1] ?? '';
      const base = /^[A-Za-z][A-Za-z0-9]*$/.test(before) ? `${before.replace(/s$/, '')}${capital}` : parameter;
      let candidate = base;
      for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
      used.add(candidate);
      return `{${candidate}}`;
    })
    .join('/');
}

/** A request carries one value per parameter name: a path naming one twice, or a query parameter named like a path parameter, has two. */
function checkParameters({ name, value: route, file, path }: Entry<Route>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inPath = pathParameters(route.path);
  const twice = [...new Set(inPath.filter((p, i) => inPath.indexOf(p) !== i))];
  for (const parameter of twice) {
    out.push(
      error(
        'GEN341',
        `path parameter {${parameter}} appears twice in '${name}': the function would get one value for both places`,
        { file, path, at: 'key' },
        `give each place its own name: '${route.method} ${renamed(route.path, parameter)}'`,
      ),
    );
  }
  for (const { name: query } of route.query) {
    if (!inPath.includes(query)) continue;
    out.push(
      error(
        'GEN341',
        `query parameter '${query}' has the name of path parameter {${query}} in '${name}': the function could not tell them apart`,
        { file, path: [...path, 'query', query], at: 'key' },
        `rename the query parameter, or drop it (the path already carries {${query}})`,
      ),
    );
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
      out.push(
        error(
          'GEN305',
          `route '${entry.name}' is the same route as '${first.name}' (${first.file}): API Gateway cannot tell them apart`,
          { file: entry.file, path: entry.path, at: 'key' },
          'remove one of them, or give them different paths',
        ),
      );
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
        out.push(
          error(
            'GEN305',
            `path parameter {${match[1]}} in '${entry.name}' sits where '${seen.entry.name}' has {${seen.name}}; API Gateway needs one name per place`,
            { file: entry.file, path: entry.path, at: 'key' },
            `rename {${match[1]}} to {${seen.name}}`,
          ),
        );
      }
    });
  }
  return out;
}

export function checkRoutes(spec: Spec, registry: Registry): Diagnostic[] {
  const routes = routesOf(spec).items;
  const checkedFiles = new Set<string>();
  return [
    ...routes.flatMap((entry) => checkRoute(spec, registry, entry, checkedFiles)),
    ...checkCollisions(routes),
    ...checkOrigins(spec),
  ];
}
