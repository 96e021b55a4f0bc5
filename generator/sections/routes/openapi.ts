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
import { apiOf, BODY_METHODS, pathParameters, routesOf, type ApiSettings, type Route } from './model.js';
import { invokeTarget } from '../functions/invoke.js';
import { byText } from '../../order.js';

const integration = (spec: Spec, env: Environment, route: Route) => ({
  type: 'aws_proxy',
  httpMethod: 'POST',
  passthroughBehavior: 'when_no_match',
  uri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${invokeTarget(spec, env, route.function)}/invocations`),
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
    requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${modelName(route)}` } } } };
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
  return {
    responses: { 200: { description: 'CORS preflight', headers: Object.fromEntries(['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age'].map((h) => [h, { schema: { type: 'string' } }])) } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200', responseParameters: {
        'method.response.header.Access-Control-Allow-Origin': quoted(cors.allowOrigins),
        'method.response.header.Access-Control-Allow-Methods': quoted([...methods, 'OPTIONS']),
        'method.response.header.Access-Control-Allow-Headers': quoted(cors.allowHeaders),
        'method.response.header.Access-Control-Max-Age': `'${cors.maxAgeSeconds}'`,
      } } },
    },
  };
}

export function openApiDocument(spec: Spec, env: Environment, title: string) {
  const routes = [...routesOf(spec).items.map((e) => e.value)].sort((a, b) => byText(a.path, b.path) || byText(a.method, b.method));
  const models: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(spec, env, route, models);
  }
  const cors = apiOf(spec)?.value.cors;
  if (cors) {
    for (const operations of Object.values(paths)) operations.options = preflight(Object.keys(operations).map((m) => m.toUpperCase()), cors);
  }
  return {
    openapi: '3.0.1',
    info: { title, version: '1.0' },
    'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
    'x-amazon-apigateway-request-validator': 'all',
    ...(cors ? { 'x-amazon-apigateway-gateway-responses': {
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': `'${cors.allowOrigins.join(',')}'` } },
      DEFAULT_5XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': `'${cors.allowOrigins.join(',')}'` } },
    } } : {}),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(models).sort(([a], [b]) => byText(a, b))) },
  };
}
