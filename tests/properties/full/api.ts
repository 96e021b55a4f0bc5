/**
 * Routes with every method and form (a function name, or {function, body, query}; a body inline
 * or in a schema file under spec/schemas/) and the API's CORS (one origin, several, or any).
 */
import fc from 'fast-check';
import { compact, functionsOf, type Names, opt } from './common.js';

export const BODY_SCHEMA_FILE = 'schemas/order.json';
export const BODY_SCHEMA = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
const WITH_BODY = ['POST', 'PUT', 'PATCH'];

const route = (n: Names) =>
  fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc.constantFrom('/', '/orders', '/orders/{id}', '/orders/{id}/items', '/v1.2/a_b~c-d', '/{tenant}/x'),
    fn: fc.constantFrom(...functionsOf(n)),
    body: fc.constantFrom(undefined, BODY_SCHEMA_FILE, { type: 'object', required: ['id'] }),
    query: opt(
      fc.dictionary(fc.constantFrom('limit', 'page.size', 'q_1', 'sort-by'), fc.constantFrom('required', 'optional'), {
        minKeys: 1,
        maxKeys: 2,
      }),
    ),
    long: fc.boolean(),
  });

export const routes = (n: Names) =>
  fc.uniqueArray(route(n), { maxLength: 5, selector: (r) => `${r.method} ${r.path}` }).map((list) =>
    Object.fromEntries(
      list.map((r) => {
        const body = WITH_BODY.includes(r.method) ? r.body : undefined;
        const value =
          r.long || body !== undefined || r.query !== undefined
            ? compact({ function: r.fn, body, query: r.query })
            : r.fn;
        return [`${r.method} ${r.path}`, value];
      }),
    ),
  );

export const api = opt(
  fc
    .record({
      allowOrigins: opt(
        fc.constantFrom(
          ['https://app.example.com'],
          ['https://app.example.com', 'https://admin.example.com'],
          ['*'],
          ['https://a.example.com', 'http://localhost:3000', 'https://b.example.org'],
        ),
      ),
      allowHeaders: opt(fc.constantFrom(['Content-Type'], ['Content-Type', 'Authorization', 'X-Request-Id'])),
      maxAgeSeconds: opt(fc.integer({ min: 0, max: 86400 })),
    })
    .map((cors) => ({ cors: compact(cors) })),
);
