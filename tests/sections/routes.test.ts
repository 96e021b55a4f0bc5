import { describe, expect, it } from 'vitest';
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
    expect(post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PostOrdersBody' } } } });
    expect(body.components.schemas.PostOrdersBody).toEqual({ type: 'object', required: ['id'] });
    expect(body.paths['/orders/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'tenant', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'verbose', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(post['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy', httpMethod: 'POST', passthroughBehavior: 'when_no_match',
      uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:test-orders/invocations' },
    });
  });

  it('scopes each invoke permission to its API, method and path', () => {
    const { resources } = compileYaml(basic);
    expect(resources.GetOrdersIdPermission.Properties).toEqual({
      Action: 'lambda:InvokeFunction', FunctionName: 'test-orders', Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/orders/*' },
    });
  });

  it('invokes the warm alias where the environment keeps functions warm', () => {
    const { resources } = compileYaml(basic, 'production');
    expect(resources.GetOrdersPermission.Properties.FunctionName).toBe('production-orders:live');
    expect(resources.Api.Properties.Body.paths['/orders'].get['x-amazon-apigateway-integration'].uri['Fn::Sub']).toContain(':function:production-orders:live/invocations');
  });

  it('deploys to a stage named after the environment with throttling, access logs and tracing', () => {
    const { resources } = compileYaml(basic);
    const deployment = Object.keys(resources).find((id) => id.startsWith('ApiDeployment'))!;
    expect(resources.ApiStage.Properties).toMatchObject({
      StageName: 'test', TracingEnabled: true, DeploymentId: { Ref: deployment },
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] } },
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 }],
    });
    expect(resources.ApiAccessLogGroup.Properties.RetentionInDays).toBe(30);
  });

  it('replaces the deployment when the routes change, and only then', () => {
    const id = (yaml: string) => Object.keys(compileYaml(yaml).resources).find((k) => k.startsWith('ApiDeployment'));
    expect(id(basic)).toBe(id(basic));
    expect(id(basic)).not.toBe(id(basic.replace('  GET /orders: orders\n', '  GET /orders: orders\n  DELETE /orders/{id}: orders\n')));
  });

  it('answers CORS preflight without running a function', () => {
    const { resources } = compileYaml(spec('  GET /orders: orders\n', '\napi:\n  cors:\n    allowOrigins: [https://app.example.com]\n'));
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
