/**
 * Routes -> one OpenAPI 3 document, the RestApi's Body (as SAM does): one resource instead of
 * a Resource/Method/Model per route, and a document users can publish. API Gateway reads the
 * x-amazon-apigateway-* extensions; CloudFormation resolves the Fn::Sub inside it.
 */
import { pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { readBodySchema } from './body-schema.js';
import {
  apiOf,
  BODY_METHODS,
  pathParameters,
  routesOf,
  severalOrigins,
  type ApiSettings,
  type Route,
} from './model.js';
import { invokeTarget } from '../functions/invoke.js';
import { byText } from '../../order.js';

const integration = (spec: Spec, env: Environment, route: Route) => ({
  type: 'aws_proxy',
  httpMethod: 'POST',
  passthroughBehavior: 'when_no_match',
  uri: sub(
    `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${invokeTarget(spec, env, route.function)}/invocations`,
  ),
});

const modelName = (route: Route) => `${pascal(route.method.toLowerCase())}${pascal(route.path) || 'Root'}Body`;

function operation(spec: Spec, env: Environment, route: Route, models: Record<string, unknown>) {
  const parameters = [
    ...pathParameters(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...route.query.map(({ name, required }) => ({ name, in: 'query', required, schema: { type: 'string' } })),
  ];
  let requestBody: unknown;
  if (BODY_METHODS.includes(route.method)) {
    const body = readBodySchema(spec.specDir, route);
    models[modelName(route)] = 'schema' in body ? body.schema : {};
    requestBody = {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${modelName(route)}` } } },
    };
  }
  return {
    operationId: `${route.method.toLowerCase()}${pascal(route.path) || 'Root'}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { default: { description: `Answered by function ${route.function}` } },
    'x-amazon-apigateway-integration': integration(spec, env, route),
  };
}

/** Browsers ask OPTIONS before a cross-origin call: answered by API Gateway itself, no function runs. */
function preflight(methods: string[], cors: NonNullable<ApiSettings['cors']>) {
  const quoted = (values: string[]) => `'${values.join(',')}'`;
  const several = severalOrigins(cors);
  const headers = [
    'Access-Control-Allow-Origin',
    'Access-Control-Allow-Methods',
    'Access-Control-Allow-Headers',
    'Access-Control-Max-Age',
    ...(several ? ['Vary'] : []),
  ];
  return {
    responses: {
      200: {
        description: 'CORS preflight',
        headers: Object.fromEntries(headers.map((h) => [h, { schema: { type: 'string' } }])),
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: {
        default: {
          statusCode: '200',
          responseParameters: {
            // One origin: a fixed header. Several: the mapping template below answers with the request's own origin when it is one of them.
            ...(several
              ? { 'method.response.header.Vary': "'Origin'" }
              : { 'method.response.header.Access-Control-Allow-Origin': quoted(cors.allowOrigins) }),
            'method.response.header.Access-Control-Allow-Methods': quoted([...methods, 'OPTIONS']),
            'method.response.header.Access-Control-Allow-Headers': quoted(cors.allowHeaders),
            'method.response.header.Access-Control-Max-Age': `'${cors.maxAgeSeconds}'`,
          },
          ...(several ? { responseTemplates: { 'application/json': matchingOriginTemplate(cors.allowOrigins) } } : {}),
        },
      },
    },
  };
}

/**
 * A browser accepts one origin in Access-Control-Allow-Origin, never a list. With several
 * allowed, the preflight's mapping template reads the request's Origin header (HTTP/2 sends it
 * in lower case, and API Gateway's header names are case-sensitive) and, when it is one of
 * them, sets the header to it through $context.responseOverride; any other origin gets no
 * header, which browsers read as "not allowed".
 */
export function matchingOriginTemplate(origins: string[]): string {
  const test = origins.map((o) => `$origin == '${o}'`).join(' || ');
  return [
    "#set($origin = $input.params().header.get('Origin'))",
    '#if("$!origin" == "")#set($origin = $input.params().header.get(\'origin\'))#end',
    `#if(${test})#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end`,
  ].join('\n');
}

/** Answers API Gateway gives itself (a refused body, a throttled call) carry the CORS origin too, or browsers hide them from the page. */
function gatewayResponses(cors: NonNullable<ApiSettings['cors']>) {
  // Several origins: such an answer holds no data of the API, so it carries the request's own origin (gateway responses have no mapping templates to choose).
  const origin = severalOrigins(cors) ? 'method.request.header.Origin' : `'${cors.allowOrigins.join(',')}'`;
  const parameters = {
    'gatewayresponse.header.Access-Control-Allow-Origin': origin,
    ...(severalOrigins(cors) ? { 'gatewayresponse.header.Vary': "'Origin'" } : {}),
  };
  return { DEFAULT_4XX: { responseParameters: parameters }, DEFAULT_5XX: { responseParameters: parameters } };
}

export function openApiDocument(spec: Spec, env: Environment, title: string) {
  const routes = [...routesOf(spec).items.map((e) => e.value)].sort(
    (a, b) => byText(a.path, b.path) || byText(a.method, b.method),
  );
  const models: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(spec, env, route, models);
  }
  const cors = apiOf(spec)?.value.cors;
  if (cors) {
    for (const operations of Object.values(paths))
      operations.options = preflight(
        Object.keys(operations).map((m) => m.toUpperCase()),
        cors,
      );
  }
  return {
    openapi: '3.0.1',
    info: { title, version: '1.0' },
    'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
    'x-amazon-apigateway-request-validator': 'all',
    ...(cors ? { 'x-amazon-apigateway-gateway-responses': gatewayResponses(cors) } : {}),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(models).sort(([a], [b]) => byText(a, b))) },
  };
}
