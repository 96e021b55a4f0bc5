import { describe, expect, it } from 'vitest';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

const spec = (extra = '') => `${PROJECT}
tables:
  orders:
    partitionKey: id
    indexes:
      by-status:
        partitionKey: status
  audit:
    partitionKey: id
functions:
  orders:
    handler: handlers/orders.handler
    reservedConcurrency: 5
    provisionedConcurrency: 2
    environment: { LOG_LEVEL: debug, RETRIES: 3 }
    tables:
      orders: read
      audit: write
${extra}`;

const statements = (role: any) => role.Properties.Policies[0].PolicyDocument.Statement;

describe('functions section', () => {
  it('compiles a traced function with environment defaults, variables, log group and role in the app layer', () => {
    const { resources, layerOf } = compileYaml(spec());
    const fn = resources.OrdersFunction.Properties;
    expect(layerOf.OrdersFunction).toBe('app');
    expect(fn).toMatchObject({
      FunctionName: 'test-orders',
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 30,
      ReservedConcurrentExecutions: 5,
      TracingConfig: { Mode: 'Active' },
      Role: { 'Fn::GetAtt': ['OrdersRole', 'Arn'] },
    });
    expect(fn.Environment.Variables).toEqual({
      LOG_LEVEL: 'debug',
      RETRIES: '3',
      TABLE_AUDIT: 'test-audit',
      TABLE_ORDERS: 'test-orders',
    });
    expect(fn.Code.S3Key).toMatch(/^functions\/test-orders\/[0-9a-f]{64}\.zip$/);
    expect(resources.OrdersFunction.DependsOn).toEqual(['OrdersLogGroup']);
    expect(resources.OrdersLogGroup.Properties).toEqual(
      expect.objectContaining({ LogGroupName: '/aws/lambda/test-orders', RetentionInDays: 30 }),
    );
  });

  it('grants exactly the declared tables and indexes, with the actions of each access level', () => {
    const { resources } = compileYaml(spec());
    const [logs, tracing, audit, orders] = statements(resources.OrdersRole);
    expect(logs.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/test-orders:*' },
    ]);
    expect(tracing.Action).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    expect(audit.Action).toEqual([
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(audit.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-audit' },
    ]);
    expect(orders.Action).not.toContain('dynamodb:PutItem');
    expect(orders.Action).toContain('dynamodb:Query');
    expect(orders.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-orders' },
      {
        'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-orders/index/by-status',
      },
    ]);
  });

  it('keeps copies warm through a version and alias only where the environment enables it', () => {
    expect(Object.values(compileYaml(spec()).resources).some((r) => r.Type === 'AWS::Lambda::Alias')).toBe(false);
    const { resources } = compileYaml(spec(), 'production');
    const versionId = Object.keys(resources).find((id) => id.startsWith('OrdersVersion'))!;
    expect(versionId).toMatch(/^OrdersVersion[0-9a-f]{10}$/);
    expect(resources.OrdersAlias.Properties).toEqual({
      FunctionName: { Ref: 'OrdersFunction' },
      FunctionVersion: { 'Fn::GetAtt': [versionId, 'Version'] },
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
    });
    expect(resources.OrdersFunction.Properties.MemorySize).toBe(256); // base fixture production keeps the default
  });

  it('publishes a new version when the settings change', () => {
    const a = Object.keys(compileYaml(spec(), 'production').resources).find((id) => id.startsWith('OrdersVersion'));
    const b = Object.keys(
      compileYaml(spec().replace('reservedConcurrency: 5', 'reservedConcurrency: 6'), 'production').resources,
    ).find((id) => id.startsWith('OrdersVersion'));
    expect(a).not.toBe(b);
  });

  it('refuses a variable that would hide a table name', () => {
    expect(codes(compileYaml(spec().replace('LOG_LEVEL: debug', 'TABLE_ORDERS: x')))).toEqual(['GEN206']);
  });
});

describe('Node handler exports', () => {
  const withHandler = (handler: string, files: Record<string, string>) =>
    compileYaml(`${PROJECT}functions:\n  search:\n    handler: ${handler}\n`, 'test', {}, undefined, files);

  it.each([
    [
      'export { run as handler } (read by esbuild)',
      'handlers/search.handler',
      { 'handlers/search.mjs': 'const run = async () => ({ statusCode: 200 });\nexport { run as handler };\n' },
    ],
    [
      'CommonJS exports.handler',
      'handlers/search.handler',
      { 'handlers/search.cjs': 'exports.handler = async () => ({ statusCode: 200 });\n' },
    ],
    [
      'CommonJS module.exports = {handler}',
      'handlers/search.handler',
      { 'handlers/search.cjs': 'const handler = async () => 1;\nmodule.exports = { handler };\n' },
    ],
    [
      'CommonJS whose exports only running tells',
      'handlers/search.handler',
      { 'handlers/search.js': 'module.exports = require("./impl.js");\n' },
    ],
    [
      'export * from another module',
      'handlers/search.handler',
      { 'handlers/search.mjs': "export * from './impl.mjs';\n" },
    ],
    [
      'TypeScript',
      'handlers/search.handler',
      {
        'handlers/search.ts':
          'export async function handler(event: { body?: string }) {\n  return { statusCode: 200, body: event.body };\n}\n',
      },
    ],
  ])('accepts %s', (_name, handler, files) => {
    expect(codes(withHandler(handler, files))).toEqual([]);
  });

  it('reports a file that does not parse when its exports are needed, with where', () => {
    const result = withHandler('handlers/search.main', {
      'handlers/search.mjs': 'export const handler = async () => {\n  return {;\n};\n',
      'handlers/other.mjs': 'export const x = 1;\n',
    });
    expect(codes(result)).toEqual(['GEN331']);
    expect(result.diagnostics[0].message).toMatch(
      /^cannot tell whether handlers\/search\.mjs exports 'main': it does not parse \(handlers\/search\.mjs:2:\d+: /,
    );
  });
});

describe('Node artifact names (the code hash)', () => {
  const spec = `${PROJECT}
functions:
  risk: { handler: handlers/risk.handler }
  kill: { handler: handlers/kill.handler }
routes:
  GET /risk: risk
  GET /kill: kill
`;
  const files = (kill: string, extra: Record<string, string> = {}) => ({
    'handlers/risk.mjs':
      "import { armed } from './kill.mjs';\nimport { v } from 'tinylib';\nexport const handler = async () => ({ statusCode: 200, body: String(armed() + v) });\n",
    'handlers/kill.mjs': kill,
    'node_modules/tinylib/package.json': '{ "name": "tinylib", "version": "1.0.0", "main": "index.js" }',
    'node_modules/tinylib/index.js': 'exports.v = 1;\n',
    ...extra,
  });
  const KILL = "export const armed = () => 1;\nexport const handler = async () => ({ statusCode: 200, body: '' });\n";
  const keys = (f: Record<string, string>) => {
    const built = compileYaml(spec, 'test', {}, undefined, f);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return {
      risk: built.resources.RiskFunction.Properties.Code.S3Key,
      kill: built.resources.KillFunction.Properties.Code.S3Key,
    };
  };

  it('change exactly when a file the bundle is made of changes: an imported handler, a package, not an unrelated file', () => {
    const before = keys(files(KILL));
    const killChanged = keys(files(KILL.replace('() => 1', '() => 2')));
    expect(killChanged.risk).not.toBe(before.risk); // risk imports kill.mjs
    expect(killChanged.kill).not.toBe(before.kill);
    const packageChanged = keys(files(KILL, { 'node_modules/tinylib/index.js': 'exports.v = 2;\n' }));
    expect(packageChanged.risk).not.toBe(before.risk);
    expect(packageChanged.kill).toBe(before.kill); // kill does not use the package
    expect(keys(files(KILL, { 'handlers/lib/unused.mjs': 'export const x = 1;\n' }))).toEqual(before);
  });
});
