/**
 * The AWS update rules on template pairs (no endpoint): no finding on gen's own templates deployed
 * again or created from nothing, each rule on the change it is about, staging as a property (every
 * step changes at most one index per table, needs only the attributes its keys use, and the last
 * step is the new template), and findings located at the spec item that made the resource.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexChanges } from '../../../generator/deploy/update-rules/dynamodb-index-changes.js';
import { checkUpdate, refusals, UPDATE_RULES, type Template } from '../../../generator/deploy/update-rules/index.js';
import { locateResource } from '../../../generator/deploy/update-rules/locate.js';
import { indexStages } from '../../../generator/deploy/update-rules/staging.js';
import { CODES } from '../../../generator/diagnostics.js';
import { BUILTIN } from '../../../generator/sections/index.js';
import type { Spec } from '../../../generator/spec.js';

const GOLDEN = join(import.meta.dirname, '../../golden');
const goldenStacks = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => [join(dir, f), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Template] as const);
const golden = [
  ...goldenStacks(join(GOLDEN, 'test')),
  ...goldenStacks(join(GOLDEN, 'production')),
  ...readdirSync(join(GOLDEN, 'examples')).flatMap((e) =>
    readdirSync(join(GOLDEN, 'examples', e)).flatMap((env) => goldenStacks(join(GOLDEN, 'examples', e, env))),
  ),
];

describe('gen’s own templates', () => {
  it.each(golden.map(([file, t]) => [file.slice(GOLDEN.length + 1), t]))(
    '%s: nothing found deployed again, or created',
    async (_file, template) => {
      expect(await checkUpdate(template as Template, template as Template)).toEqual([]);
      expect(await checkUpdate({}, template as Template)).toEqual([]);
    },
  );

  it('every rule has its own code in CODES, in the GEN701-GEN729 range', () => {
    const codes = UPDATE_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(CODES[code]).toBeDefined();
      expect(Number(code.slice(3))).toBeGreaterThanOrEqual(701);
      expect(Number(code.slice(3))).toBeLessThanOrEqual(729);
    }
  });
});

const key = (name: string, KeyType = 'HASH') => ({ AttributeName: name, KeyType });
const index = (name: string, attribute = name) => ({
  IndexName: name,
  KeySchema: [key(attribute)],
  Projection: { ProjectionType: 'ALL' },
});
const tableTemplate = (indexes: string[], extra: Record<string, unknown> = {}): Template => ({
  Resources: {
    OrdersTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        TableName: 'test-orders',
        KeySchema: [key('id')],
        AttributeDefinitions: ['id', ...indexes].sort().map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        ...(indexes.length ? { GlobalSecondaryIndexes: indexes.map((i) => index(i)) } : {}),
      },
    },
    ...Object.fromEntries(
      indexes.map((i) => [
        `Orders${i.toUpperCase()}IndexReadScaling`,
        {
          Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
          DependsOn: 'OrdersTable',
          Properties: {
            ResourceId: `table/test-orders/index/${i}`,
            ScalableDimension: 'dynamodb:index:ReadCapacityUnits',
          },
        },
      ]),
    ),
    ...extra,
  },
});

describe('GEN701: one index created or deleted per table update', () => {
  it('two indexes added: a staged warning, not a refusal', async () => {
    const found = await checkUpdate(tableTemplate(['a']), tableTemplate(['a', 'b', 'c']));
    expect(found.map((f) => [f.code, f.severity, f.staged])).toEqual([['GEN701', 'warning', true]]);
    expect(refusals(found)).toEqual([]);
  });

  it('one index added, or a new table with several: nothing to stage', async () => {
    expect(await checkUpdate(tableTemplate(['a']), tableTemplate(['a', 'b']))).toEqual([]);
    expect(await checkUpdate({}, tableTemplate(['a', 'b', 'c']))).toEqual([]);
    expect(indexStages({}, tableTemplate(['a', 'b', 'c']))).toEqual([]);
  });

  it('stages: deletions first, one change per step, the last step is the new template', () => {
    const stages = indexStages(tableTemplate(['a', 'b']), tableTemplate(['c', 'd']));
    expect(stages.map((s) => s.says)).toEqual(['OrdersTable: remove a', 'OrdersTable: remove b', 'OrdersTable: add c']);
    // Step 3 has c but not d: d's scaling target waits for the last step, which is the new template itself.
    const third = stages[2].template.Resources!;
    expect(third.OrdersTable.Properties?.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual(
      ['c'],
    );
    expect(Object.keys(third).sort()).toEqual(['OrdersCIndexReadScaling', 'OrdersTable']);
  });

  const names = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
  it('property: every step changes at most one index, declares exactly its key attributes, and ends at the new template', () => {
    fc.assert(
      fc.property(names, names, (before, after) => {
        const [deployed, next] = [tableTemplate(before), tableTemplate(after)];
        const steps = [deployed, ...indexStages(deployed, next).map((s) => s.template), next];
        const total = indexChanges(deployed.Resources!.OrdersTable, next.Resources!.OrdersTable).steps.length;
        expect(steps.length).toBe(Math.max(2, total + 1));
        for (let i = 1; i < steps.length; i++) {
          const [a, b] = [steps[i - 1].Resources!.OrdersTable, steps[i].Resources!.OrdersTable];
          expect(indexChanges(a, b).steps.length).toBeLessThanOrEqual(1);
          const used = new Set([
            'id',
            ...(b.Properties?.GlobalSecondaryIndexes ?? []).map((x: { IndexName: string }) => x.IndexName),
          ]);
          expect(
            b.Properties?.AttributeDefinitions.map((x: { AttributeName: string }) => x.AttributeName).sort(),
          ).toEqual([...used].sort());
          // No scaling target for an index the step does not have.
          for (const [id, r] of Object.entries(steps[i].Resources!))
            if (r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget')
              expect(used.has(String(r.Properties?.ResourceId).split('/').pop()), id).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('GEN702-GEN705', () => {
  const fn = (packageType: string): Template => ({
    Resources: {
      OrdersFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: { FunctionName: 'test-orders', Role: 'arn:role', PackageType: packageType },
      },
    },
  });
  it('GEN702: a named function switched from a zip to an image is refused; renamed, it is not', async () => {
    const found = await checkUpdate(fn('Zip'), fn('Image'));
    expect(found.map((f) => [f.code, f.severity, f.logicalId])).toEqual([['GEN702', 'error', 'OrdersFunction']]);
    expect(found[0].message).toContain("PackageType changed) while keeping its name 'test-orders'");
    const renamed = fn('Image');
    renamed.Resources!.OrdersFunction.Properties!.FunctionName = 'test-orders-v2';
    expect(await checkUpdate(fn('Zip'), renamed)).toEqual([]);
  });

  const keyWith = (...statements: object[]): Template => ({
    Resources: {
      K: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Version: '2012-10-17', Statement: statements } } },
    },
  });
  const root = {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::123456789012:root' },
    Action: 'kms:*',
    Resource: '*',
  };
  const service = {
    Effect: 'Allow',
    Principal: { Service: 'sns.amazonaws.com' },
    Action: 'kms:Decrypt',
    Resource: '*',
  };
  it('GEN703: a policy without an AWS principal allowed kms:PutKeyPolicy is refused, new or changed; unchanged, it is left alone', async () => {
    expect((await checkUpdate({}, keyWith(service))).map((f) => f.code)).toEqual(['GEN703']);
    expect((await checkUpdate(keyWith(root, service), keyWith(service))).map((f) => f.code)).toEqual(['GEN703']);
    expect(await checkUpdate(keyWith(service), keyWith(service))).toEqual([]);
    expect(await checkUpdate({}, keyWith(root))).toEqual([]);
    const bypass = keyWith(service);
    bypass.Resources!.K.Properties!.BypassPolicyLockoutSafetyCheck = true;
    expect(await checkUpdate({}, bypass)).toEqual([]);
    expect(await checkUpdate({}, keyWith({ ...root, Action: ['kms:Describe*', 'kms:PutKeyPolicy'] }))).toEqual([]);
  });

  const subnet = (zone: string, cidr = '10.0.1.0/24'): Template => ({
    Resources: {
      S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: cidr, AvailabilityZone: zone } },
    },
  });
  it('GEN704: a subnet moved to another zone with its CIDR block is refused; with a new block, it is not', async () => {
    expect((await checkUpdate(subnet('a'), subnet('b'))).map((f) => f.code)).toEqual(['GEN704']);
    expect(await checkUpdate(subnet('a'), subnet('b', '10.0.2.0/24'))).toEqual([]);
  });
  it('GEN704: a subnet added on the block of one the same deploy removes is refused; in another VPC, it is not', async () => {
    const added = (vpc: string): Template => ({
      Resources: { T: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: vpc, CidrBlock: '10.0.1.0/24' } } },
    });
    expect((await checkUpdate(subnet('a'), added('vpc-1'))).map((f) => [f.code, f.logicalId])).toEqual([
      ['GEN704', 'T'],
    ]);
    expect(await checkUpdate(subnet('a'), added('vpc-2'))).toEqual([]);
  });

  const api = (path: string, deployment: string): Template => ({
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: { paths: { [path]: {} } } } },
      [deployment]: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' } } },
    },
  });
  it('GEN705: a changed API body without a new deployment is a warning; with one, nothing', async () => {
    expect((await checkUpdate(api('/a', 'D1'), api('/b', 'D1'))).map((f) => [f.code, f.severity])).toEqual([
      ['GEN705', 'warning'],
    ]);
    expect(await checkUpdate(api('/a', 'D1'), api('/b', 'D2'))).toEqual([]);
  });
});

describe('findings point at the spec item that made the resource', () => {
  const entry = (section: string, name: string) => ({ name, file: 'spec/app.yaml', path: [section, name], value: {} });
  const spec = {
    root: '/p',
    specDir: '/p/spec',
    files: [],
    environmentNames: ['test'],
    sections: {
      tables: { items: [entry('tables', 'orders'), entry('tables', 'orders-archive')], names: new Set() },
      functions: { items: [entry('functions', 'orders')], names: new Set() },
      queues: { items: [entry('queues', 'orders')], names: new Set() },
    },
  } as unknown as Spec;
  it.each([
    ['OrdersTable', ['tables', 'orders']],
    ['OrdersArchiveTable', ['tables', 'orders-archive']],
    ['OrdersFunction', ['functions', 'orders']],
    ['OrdersVersion3c1ef2635b', ['functions', 'orders']],
    ['OrdersQueue', ['queues', 'orders']],
    ['OrdersStatusIndexReadScaling', ['tables', 'orders']],
  ])('%s -> %j', (logicalId, path) => {
    expect(locateResource(spec, BUILTIN, logicalId)?.path).toEqual(path);
  });
  it('with the detail below the item, and nothing for an ID no item makes', () => {
    expect(locateResource(spec, BUILTIN, 'OrdersTable', ['indexes', 'by-day'])?.path).toEqual([
      'tables',
      'orders',
      'indexes',
      'by-day',
    ]);
    expect(locateResource(spec, BUILTIN, 'Dashboard')).toBeUndefined();
  });
});

describe('GEN706: local secondary indexes only with the table', () => {
  it('a local index added to a deployed table is refused (the specification calls it an update); on a new table, nothing', async () => {
    const lsi = [
      { IndexName: 'by-day', KeySchema: [key('id'), key('day', 'RANGE')], Projection: { ProjectionType: 'ALL' } },
    ];
    const after = tableTemplate([]);
    after.Resources!.OrdersTable.Properties!.LocalSecondaryIndexes = lsi;
    expect((await checkUpdate(tableTemplate([]), after)).map((f) => [f.code, f.severity])).toEqual([
      ['GEN706', 'error'],
    ]);
    expect(await checkUpdate({}, after)).toEqual([]);
    expect(await checkUpdate(after, after)).toEqual([]);
  });
});
