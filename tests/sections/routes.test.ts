import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT4_META_SCHEMA, modelProblems } from '../../generator/sections/routes/model-rules.js';
import { REPO } from '../fixtures/run-fixture.js';
import { SEED } from '../properties/arbitraries.js';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

const spec = (routes: string, api = '') => `${PROJECT}${api}
tables:
  orders:
    partitionKey: id
functions:
  orders:
    handler: handlers/orders.handler
    provisionedConcurrency: 1
    tables: { orders: read-write }
routes:
${routes}`;
const basic = spec(`  GET /orders: orders
  POST /orders:
    function: orders
    body: { type: object, required: [id] }
  GET /orders/{id}:
    function: orders
    query: { verbose: optional, tenant: required }
`);

describe('routes section', () => {
  it('compiles routes into one OpenAPI body that validates every method', () => {
    const { resources, layerOf } = compileYaml(basic);
    expect(layerOf.Api).toBe('api');
    const body = resources.Api.Properties.Body;
    expect(Object.keys(body.paths)).toEqual(['/orders', '/orders/{id}']);
    expect(body['x-amazon-apigateway-request-validator']).toBe('all');
    const post = body.paths['/orders'].post;
    expect(post.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PostOrdersBody' } } },
    });
    expect(body.components.schemas.PostOrdersBody).toEqual({ type: 'object', required: ['id'] });
    expect(body.paths['/orders/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'tenant', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'verbose', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(post['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      passthroughBehavior: 'when_no_match',
      uri: {
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-orders/invocations',
      },
    });
  });

  it('scopes each invoke permission to its API, method and path', () => {
    const { resources } = compileYaml(basic);
    expect(resources.GetOrdersIdPermission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: 'test-orders',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/orders/*',
      },
    });
  });

  it('invokes the warm alias where the environment keeps functions warm', () => {
    const { resources } = compileYaml(basic, 'production');
    expect(resources.GetOrdersPermission.Properties.FunctionName).toBe('production-orders:live');
    expect(
      resources.Api.Properties.Body.paths['/orders'].get['x-amazon-apigateway-integration'].uri['Fn::Sub'],
    ).toContain(':function:production-orders:live/invocations');
  });

  it('deploys to a stage named after the environment with throttling, access logs and tracing', () => {
    const { resources } = compileYaml(basic);
    const deployment = Object.keys(resources).find((id) => id.startsWith('ApiDeployment'))!;
    expect(resources.ApiStage.Properties).toMatchObject({
      StageName: 'test',
      TracingEnabled: true,
      DeploymentId: { Ref: deployment },
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] } },
      MethodSettings: [
        {
          ResourcePath: '/*',
          HttpMethod: '*',
          MetricsEnabled: true,
          ThrottlingRateLimit: 1000,
          ThrottlingBurstLimit: 2000,
        },
      ],
    });
    expect(resources.ApiAccessLogGroup.Properties.RetentionInDays).toBe(30);
  });

  it('replaces the deployment when the routes change, and only then', () => {
    const id = (yaml: string) => Object.keys(compileYaml(yaml).resources).find((k) => k.startsWith('ApiDeployment'));
    expect(id(basic)).toBe(id(basic));
    expect(id(basic)).not.toBe(
      id(basic.replace('  GET /orders: orders\n', '  GET /orders: orders\n  DELETE /orders/{id}: orders\n')),
    );
  });

  it('answers CORS preflight without running a function', () => {
    const { resources } = compileYaml(
      spec('  GET /orders: orders\n', '\napi:\n  cors:\n    allowOrigins: [https://app.example.com]\n'),
    );
    const options = resources.Api.Properties.Body.paths['/orders'].options;
    expect(options['x-amazon-apigateway-integration'].type).toBe('mock');
    expect(options['x-amazon-apigateway-integration'].responses.default.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
      'method.response.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
      'method.response.header.Access-Control-Max-Age': "'600'",
    });
  });

  it('treats /x/{a} and /x/{b} with the same method as one route', () => {
    expect(codes(compileYaml(spec('  GET /orders/{a}: orders\n  GET /orders/{b}: orders\n')))).toEqual(['GEN305']);
  });
});

describe('body schemas against API Gateway model rules', () => {
  // The draft-4 meta-schema as ajv 8 reads it: no id/$schema, exclusiveMinimum as a number (draft 6 form).
  const { id: _id, $schema: _schema, ...meta } = DRAFT4_META_SCHEMA;
  // Formats are not checked (ajv-formats' regex is ECMA 262 too; model-rules.ts checks patterns itself).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const draft4 = ajv.compile({
    ...meta,
    properties: { ...meta.properties, multipleOf: { type: 'number', exclusiveMinimum: 0 } },
  });

  const KEYWORDS = Object.keys(DRAFT4_META_SCHEMA.properties);
  const value = fc.oneof(
    fc.constant('object'),
    fc.constant('string'),
    fc.constant('objekt'),
    fc.integer({ min: -2, max: 5 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(['a']),
    fc.constant(['a', 'a']),
    fc.constant([]),
    fc.constant(['string', 'null']),
    fc.constant('[a-z]+'),
    fc.constant('('),
    fc.constant({}),
  );
  const { schema } = fc.letrec((tie) => ({
    schema: fc.dictionary(
      fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom('nullable', 'example', '$id', 'const', 'x')),
      fc.oneof(
        { depthSize: 'small' },
        value,
        tie('schema'),
        fc.array(tie('schema'), { maxLength: 2 }),
        fc.dictionary(fc.constantFrom('a', 'b'), tie('schema'), { maxKeys: 2, noNullPrototype: true }),
      ),
      { maxKeys: 4, noNullPrototype: true },
    ),
  }));

  it('accepts only what the draft-4 meta-schema accepts, with draft 4 keywords alone', () => {
    fc.assert(
      fc.property(schema, (s) => {
        const problems = modelProblems(s);
        if (problems.length === 0) {
          expect(draft4(s), JSON.stringify(draft4.errors)).toBe(true);
          // Every key in a schema position is a draft-4 keyword (names under properties and the like are not keywords; default and enum hold data).
          const walk = (node: unknown): void => {
            if (Array.isArray(node)) {
              node.forEach(walk);
              return;
            }
            if (typeof node !== 'object' || node === null) return;
            for (const [k, v] of Object.entries(node)) {
              expect(KEYWORDS, k).toContain(k);
              if (['properties', 'definitions', 'patternProperties', 'dependencies'].includes(k))
                Object.values(v as object).forEach(walk);
              else if (!['default', 'enum'].includes(k)) walk(v);
            }
          };
          walk(s);
        }
        if (!draft4(s)) expect(problems.length, JSON.stringify(s)).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('accepts the body schemas of the reference platform', () => {
    for (const file of readdirSync(join(REPO, 'spec/schemas'))) {
      expect(modelProblems(JSON.parse(readFileSync(join(REPO, 'spec/schemas', file), 'utf8'))), file).toEqual([]);
    }
  });

  it('points at the keyword, with a fix', () => {
    expect(modelProblems({ type: 'objekt', required: 'memberId', properties: { a: { $ref: './a.json' } } })).toEqual([
      {
        path: ['type'],
        message: "type 'objekt' is not a JSON Schema type. Did you mean 'object'?",
        fix: 'use one of: array, boolean, integer, null, number, object, string',
      },
      {
        path: ['required'],
        message: "required must be a list of property names, not the text 'memberId'",
        fix: 'write required: [memberId]',
      },
      expect.objectContaining({ path: ['properties', 'a', '$ref'], at: 'key' }),
    ]);
  });
});

/*
 * Tested on the template, not with a real preflight request: the local endpoint cannot serve one.
 * moto 5.2.1 (the .venv's) has no way to invoke a deployed REST API: moto_server answers 403 with
 * an empty body both to /restapis/{id}/{stage}/_user_request_/{path} (that URL form is
 * LocalStack's) and to /{stage}/{path} with the execute-api Host header; its in-process mock
 * registers stage URLs for Python `requests` callers only, and there a MOCK integration raises
 * NotImplementedError ("The MOCK type has not been implemented": only HTTP and AWS integrations
 * are invoked). It never renders integration response templates, so $context.responseOverride,
 * which sets the header from the request's Origin, could not be exercised even then.
 */
describe('CORS with several origins', () => {
  const api = (origins: string) => `\napi:\n  cors:\n    allowOrigins: [${origins}]\n`;
  const several = spec(
    '  GET /orders: orders\n  POST /orders: orders\n',
    api('https://app.example.com, https://admin.example.com'),
  );

  it("answers the preflight with the request's origin when it is allowed, never with a list", () => {
    const { resources } = compileYaml(several);
    const body = resources.Api.Properties.Body;
    const answer = body.paths['/orders'].options['x-amazon-apigateway-integration'].responses.default;
    expect(answer.responseParameters['method.response.header.Access-Control-Allow-Origin']).toBeUndefined();
    expect(answer.responseParameters['method.response.header.Vary']).toBe("'Origin'");
    const template: string = answer.responseTemplates['application/json'];
    // The origin is read from the request (either case of the header name) and set only when it is one of those allowed.
    expect(template).toContain("$input.params().header.get('Origin')");
    expect(template).toContain("$input.params().header.get('origin')");
    expect([...template.matchAll(/\$origin == '([^']+)'/g)].map((m) => m[1])).toEqual([
      'https://app.example.com',
      'https://admin.example.com',
    ]);
    expect(template).toMatch(
      /#if\([^)]*\)#set\(\$context\.responseOverride\.header\.Access-Control-Allow-Origin = \$origin\)#end/,
    );
    expect(body.paths['/orders'].options.responses[200].headers.Vary).toEqual({ schema: { type: 'string' } });
    // API Gateway's own error answers carry the request's origin, not a list.
    expect(body['x-amazon-apigateway-gateway-responses'].DEFAULT_4XX.responseParameters).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
      'gatewayresponse.header.Vary': "'Origin'",
    });
  });

  it('gives the functions answering routes the allowed origins', () => {
    const { resources } = compileYaml(several);
    expect(resources.OrdersFunction.Properties.Environment.Variables.CORS_ALLOW_ORIGINS).toBe(
      'https://app.example.com,https://admin.example.com',
    );
  });

  it('keeps one origin (or *) a fixed header, without the variable', () => {
    for (const origins of ['https://app.example.com', "'*'"]) {
      const { resources } = compileYaml(spec('  GET /orders: orders\n', api(origins)));
      const answer =
        resources.Api.Properties.Body.paths['/orders'].options['x-amazon-apigateway-integration'].responses.default;
      expect(answer.responseParameters['method.response.header.Access-Control-Allow-Origin']).toBe(
        `'${origins.replace(/'/g, '')}'`,
      );
      expect(answer.responseTemplates).toBeUndefined();
      expect(resources.OrdersFunction.Properties.Environment?.Variables?.CORS_ALLOW_ORIGINS).toBeUndefined();
    }
  });

  it('refuses origins browsers never send, * among others, and a variable gen sets', () => {
    expect(
      compileYaml(
        spec('  GET /orders: orders\n', api('https://app.example.com/, app.example.com, https://ok.example.com:8443')),
      ).diagnostics.map((d) => [d.code, d.location?.path.at(-1), d.fix]),
    ).toEqual([
      ['GEN206', 0, "write 'https://app.example.com'"],
      ['GEN206', 1, "write the origin with its scheme, for example 'https://app.example.com'"],
    ]);
    expect(codes(compileYaml(spec('  GET /orders: orders\n', api("'*', https://app.example.com"))))).toEqual([
      'GEN206',
    ]);
    const own = several.replace(
      '    tables: { orders: read-write }',
      '    tables: { orders: read-write }\n    environment: { CORS_ALLOW_ORIGINS: x }',
    );
    expect(compileYaml(own).diagnostics.map((d) => [d.code, d.location?.path])).toEqual([
      ['GEN206', ['functions', 'orders', 'environment', 'CORS_ALLOW_ORIGINS']],
    ]);
  });
});
