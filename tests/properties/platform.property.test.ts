/**
 * The 14 correctness properties of the platform design, asserted on the compiled output of
 * randomly generated valid specs and environments (100 runs each, fixed seed: set FC_SEED to
 * replay another; fast-check prints the seed and the counterexample on failure).
 */
import fc from 'fast-check';
import { BUILTIN } from '../../generator/sections/index.js';
import { pascal } from '../../generator/naming/ids.js';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../generator/rules/index.js';
import type { ProjectRule } from '../../generator/rules/project-rules.js';
import type { Rule } from '../../generator/rules/rule.js';
import { TAGGABLE_TYPES } from '../../generator/output/tags.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import { environment, SEED, spec, type GenSpec } from './arbitraries.js';
import { allResources, buildProject, ofType, writeProject, type Built } from './project.js';
import { join } from 'node:path';
import { rmSync } from 'node:fs';

fc.configureGlobal({ numRuns: 100, seed: SEED, endOnFailure: true });

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;
const env = fc.boolean().chain((p) => environment(p));
/**
 * Thirteen properties draw from this arbitrary with the same seed, so they see the same 100 (spec,
 * environment) pairs: each pair is built once and its result shared, read-only (determinism has a
 * property of its own below, which builds twice). Every property still checks all 100 builds.
 */
const builds = new Map<string, Built>();
const built = fc.tuple(spec, env).map(([s, e]) => {
  const key = JSON.stringify([s, e]);
  let out = builds.get(key);
  if (!out) builds.set(key, (out = buildProject(s, e)));
  return { spec: s, env: e, out };
});
/** Most properties: the build succeeds and the rule reports nothing on any stack. */
const passes = (id: string, b: Built, logRetentionDays: number) => {
  expect(
    b.diagnostics.filter((d) => d.severity === 'error'),
    JSON.stringify(b.diagnostics),
  ).toEqual([]);
  for (const [layer, template] of Object.entries(b.templates)) {
    expect((rule(id) as Rule).check(template, { environment: 'test', logRetentionDays, stackName: layer })).toEqual([]);
  }
};
const keySchema = (k: any, s?: any) => [
  { AttributeName: k.name ?? k, KeyType: 'HASH' },
  ...(s ? [{ AttributeName: s.name ?? s, KeyType: 'RANGE' }] : []),
];

describe('platform properties on random specs', () => {
  it('Property 1: DynamoDB table schema compliance', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P1', out, e.logRetentionDays);
        const tables = new Map(
          ofType(out, 'AWS::DynamoDB::Table').map(([, r]) => [r.Properties!.TableName, r.Properties!]),
        );
        expect(tables.size).toBe(Object.keys(s.tables).length);
        for (const [name, t] of Object.entries(s.tables)) {
          const p = tables.get(`test-${name}`)!;
          expect(p.KeySchema).toEqual(keySchema(t.partitionKey, t.sortKey));
          expect((p.GlobalSecondaryIndexes ?? []).map((i: any) => [i.IndexName, i.KeySchema]).sort()).toEqual(
            Object.entries(t.indexes ?? {})
              .map(([n, i]: [string, any]) => [n, keySchema(i.partitionKey, i.sortKey)])
              .sort(),
          );
        }
      }),
    ));

  it('Property 2: DynamoDB table security configuration', () =>
    fc.assert(
      fc.property(built, ({ env: e, out }) => {
        passes('GEN-P2', out, e.logRetentionDays);
        for (const [, t] of ofType(out, 'AWS::DynamoDB::Table')) {
          expect(t.Properties!.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
          expect(t.Properties!.SSESpecification.SSEEnabled).toBe(true);
          expect(t.Properties!.TableName).toMatch(/^test-/);
          expect(t.DeletionPolicy).toBe(e.protected ? 'Retain' : 'Delete');
        }
      }),
    ));

  const bucket = fc.record({ versioned: fc.boolean(), encrypted: fc.boolean(), blocked: fc.boolean() });
  it('Property 3: S3 bucket security configuration (no build ever outputs a non-compliant bucket)', () =>
    fc.assert(
      fc.property(spec, env, bucket, (s, e, b) => {
        const properties = {
          ...(b.versioned ? { VersioningConfiguration: { Status: 'Enabled' } } : {}),
          ...(b.encrypted
            ? {
                BucketEncryption: {
                  ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
                },
              }
            : {}),
          ...(b.blocked
            ? {
                PublicAccessBlockConfiguration: {
                  BlockPublicAcls: true,
                  BlockPublicPolicy: true,
                  IgnorePublicAcls: true,
                  RestrictPublicBuckets: true,
                },
              }
            : {}),
        };
        const out = buildProject(
          { ...s, resources: { UploadsBucket: { layer: 'data', type: 'AWS::S3::Bucket', properties } } },
          e,
        );
        const compliant = b.versioned && b.encrypted && b.blocked;
        expect(out.stacks !== undefined).toBe(compliant);
        if (!compliant)
          expect(out.diagnostics.some((d) => d.message.startsWith('GEN-P3 bucket-security: UploadsBucket'))).toBe(true);
      }),
    ));

  it('Property 3: S3 bucket security configuration, on the buckets random specs declare', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P3', out, e.logRetentionDays);
        const buckets = ofType(out, 'AWS::S3::Bucket');
        expect(buckets.length).toBe(Object.keys(s.buckets ?? {}).length);
        const tlsOnly = ofType(out, 'AWS::S3::BucketPolicy').filter(([, p]) =>
          p.Properties!.PolicyDocument.Statement.some(
            (st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          ),
        );
        for (const [id, b] of buckets) {
          const p = b.Properties!;
          expect(p.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
          expect(p.BucketEncryption.ServerSideEncryptionConfiguration.length, id).toBe(1);
          expect(p.PublicAccessBlockConfiguration, id).toEqual({
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          });
          expect(
            tlsOnly.map(([, policy]) => policy.Properties!.Bucket),
            id,
          ).toContainEqual({ Ref: id });
        }
      }),
    ));

  it('Property 4: Lambda function configuration compliance', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P4', out, e.logRetentionDays);
        const functions = new Map(
          ofType(out, 'AWS::Lambda::Function').map(([, r]) => [r.Properties!.FunctionName, r.Properties!]),
        );
        for (const [name, f] of Object.entries(s.functions)) {
          const p = functions.get(`test-${name}`)!;
          expect(p.TracingConfig).toEqual({ Mode: 'Active' });
          expect(p.Role).toBeDefined();
          expect([p.MemorySize, p.Timeout]).toEqual([
            f.memory ?? (e.functions as any).memory,
            f.timeout ?? (e.functions as any).timeout,
          ]);
          for (const table of Object.keys(f.tables ?? {}))
            expect(Object.values(p.Environment.Variables)).toContain(`test-${table}`);
          // In a network, every function but those written network: none runs in all its private subnets.
          if (s.network && f.network !== 'none')
            expect(p.VpcConfig).toEqual({
              SubnetIds: [...'ABC']
                .slice(0, (e.network as any).availabilityZones)
                .map((z) => ({ Ref: `PrivateSubnet${z}Id` })),
              SecurityGroupIds: [{ Ref: 'FunctionSecurityGroupId' }],
            });
          else expect(p.VpcConfig).toBeUndefined();
        }
        // Checked together, as gen build checks them: the network's stack is found from the function stacks.
        const stacks = Object.entries(out.templates).map(([name, template]) => ({
          stackName: name,
          file: name,
          template,
        }));
        const findings = stacks.flatMap((stack) =>
          (rule('GEN-P4') as Rule).check(stack.template, {
            environment: 'test',
            logRetentionDays: e.logRetentionDays,
            stackName: stack.stackName,
            stacks,
          }),
        );
        const outside = Object.entries(s.functions).filter(([, f]) => s.network && f.network === 'none');
        expect(findings.map((v) => [v.resource, v.severity, v.message]).sort()).toEqual(
          outside
            .map(([n]) => [`${pascal(n)}Function`, 'warning', 'runs outside the private network (network: none)'])
            .sort(),
        );
      }),
    ));

  it('Property 5: Lambda handler coverage', () =>
    fc.assert(
      fc.property(spec, fc.array(fc.stringMatching(/^[a-z]{3,8}$/), { maxLength: 3 }), (s, extra) => {
        const handlers = [...new Set(['orders', ...extra])];
        const dir = writeProject(s, { test: { logRetentionDays: 30 } }, handlers);
        try {
          const { spec: model } = readSpec({ root: dir, specDir: join(dir, 'spec') });
          const violations = (rule('GEN-P5') as ProjectRule)
            .check({ spec: model!, environments: [] })
            .map((v) => v.resource)
            .sort();
          const routed = new Set(Object.values(s.routes).map((r: any) => (typeof r === 'string' ? r : r.function)));
          // Every generated function uses handlers/orders: it is covered when any of them has a route.
          const ordersCovered = Object.keys(s.functions).some((f) => routed.has(f));
          const expected = [...handlers.filter((h) => h !== 'orders'), ...(ordersCovered ? [] : ['orders'])]
            .map((h) => `handlers/${h}`)
            .sort();
          expect(violations).toEqual(expected);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    ));

  it('Property 6: API Gateway request validation', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P6', out, e.logRetentionDays);
        const api = ofType(out, 'AWS::ApiGateway::RestApi')[0]?.[1];
        expect(api !== undefined).toBe(Object.keys(s.routes).length > 0);
        if (!api) return;
        for (const [key] of Object.entries(s.routes)) {
          const [method, path] = key.split(' ');
          const op = api.Properties!.Body.paths[path][method.toLowerCase()];
          expect(op).toBeDefined();
          if (['POST', 'PUT', 'PATCH'].includes(method))
            expect(op.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
        }
      }),
    ));

  const secret = fc.record({ cmk: fc.boolean(), prefixed: fc.boolean(), policy: fc.boolean() });
  it('Property 7: Secrets Manager security configuration', () =>
    fc.assert(
      fc.property(spec, env, secret, (s, e, c) => {
        const resources: Record<string, unknown> = {
          ApiSecret: {
            layer: 'data',
            type: 'AWS::SecretsManager::Secret',
            properties: {
              Name: c.prefixed ? 'test/api-key' : 'api-key',
              ...(c.cmk ? { KmsKeyId: { Ref: 'SecretKey' } } : {}),
            },
          },
          SecretKey: {
            layer: 'data',
            type: 'AWS::KMS::Key',
            properties: {
              EnableKeyRotation: true,
              KeyPolicy: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } },
                    Action: 'kms:*',
                    Resource: '*',
                  },
                ],
              },
            },
          },
          SecretKeyAlias: {
            layer: 'data',
            type: 'AWS::KMS::Alias',
            properties: { AliasName: 'alias/test-secrets', TargetKeyId: { Ref: 'SecretKey' } },
          },
          ...(c.policy
            ? {
                ApiSecretPolicy: {
                  layer: 'data',
                  type: 'AWS::SecretsManager::ResourcePolicy',
                  properties: {
                    SecretId: { Ref: 'ApiSecret' },
                    ResourcePolicy: {
                      Version: '2012-10-17',
                      Statement: [
                        {
                          Effect: 'Deny',
                          Principal: { AWS: '*' },
                          Action: 'secretsmanager:GetSecretValue',
                          Resource: '*',
                          Condition: {
                            StringNotLike: {
                              'aws:PrincipalArn': { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*' },
                            },
                          },
                        },
                      ],
                    },
                  },
                },
              }
            : {}),
        };
        const out = buildProject({ ...s, resources }, e);
        const compliant = c.cmk && c.prefixed && c.policy;
        expect(out.stacks !== undefined, JSON.stringify(out.diagnostics)).toBe(compliant);
        // Warnings (a runtime AWS deprecates within a year) may come along; the errors are exactly P7's.
        if (!compliant)
          expect(
            out.diagnostics
              .filter((d) => d.severity === 'error')
              .every((d) => d.message.startsWith('GEN-P7 secret-security: ApiSecret')),
          ).toBe(true);
      }),
    ));

  it('Property 7 on the secrets a spec declares: its key, the environment prefix, a policy admitting exactly its readers', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P7', out, e.logRetentionDays);
        const secrets = ofType(out, 'AWS::SecretsManager::Secret');
        expect(secrets.length).toBe(Object.keys(s.secrets ?? {}).length);
        const policies = new Map(
          ofType(out, 'AWS::SecretsManager::ResourcePolicy').map(([, r]) => [
            r.Properties!.SecretId.Ref,
            r.Properties!.ResourcePolicy.Statement,
          ]),
        );
        for (const [id, r] of secrets) {
          const name = String(r.Properties!.Name).replace('test/prop/', '');
          expect(r.Properties!.Name).toBe(`test/prop/${name}`);
          expect(r.Properties!.KmsKeyId).toBe(`alias/test-prop-${s.secrets![name].key ?? 'secrets'}`);
          expect(r.Properties!.SecretString).toBeUndefined();
          const readers = Object.entries(s.functions)
            .filter(([, f]) => f.secrets?.[name] === 'read')
            .map(([f]) => f)
            .sort();
          const [statement, ...more] = policies.get(id);
          expect([statement.Effect, statement.Action, more]).toEqual(['Deny', 'secretsmanager:GetSecretValue', []]);
          expect((statement.Condition?.ArnNotLike['aws:PrincipalArn'] ?? []).map((p: any) => p['Fn::Sub'])).toEqual(
            readers.map((f) => `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/prop/test/${f}/*`),
          );
        }
        for (const [f, fn] of Object.entries(s.functions)) {
          const role = ofType(out, 'AWS::IAM::Role').find(([id]) => id === `${pascal(f)}Role`)![1];
          expect(role.Properties!.Path).toBe(fn.secrets ? `/prop/test/${f}/` : undefined);
        }
      }),
    ));

  it('Property 8: SNS topic security configuration', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P8', out, e.logRetentionDays);
        const topics = ofType(out, 'AWS::SNS::Topic');
        // The spec's topics, and the alarm topic when there are alarms: each encrypted, each with its one policy.
        expect(topics.length).toBe(Object.keys(s.topics ?? {}).length + (Object.keys(s.alarms).length > 0 ? 1 : 0));
        const policies = ofType(out, 'AWS::SNS::TopicPolicy').flatMap(([, p]) => p.Properties!.Topics);
        for (const [id, t] of topics) {
          expect(t.Properties!.KmsMasterKeyId, id).toEqual(
            id === 'AlarmTopic' ? { Ref: 'AlarmTopicKey' } : 'alias/aws/sns',
          );
          expect(policies, id).toContainEqual({ Ref: id });
        }
      }),
    ));

  it('Property 9: IAM policy granularity', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P9', out, e.logRetentionDays);
        for (const [name, f] of Object.entries(s.functions)) {
          const role =
            out.templates.app.Resources[
              `${name
                .split('-')
                .map((p) => p[0].toUpperCase() + p.slice(1))
                .join('')}Role`
            ];
          const statements = role.Properties!.Policies[0].PolicyDocument.Statement.filter((st: any) =>
            st.Action.some((a: string) => a.startsWith('dynamodb:')),
          );
          const tables = statements.flatMap((st: any) =>
            st.Resource.map((r: any) => /table\/test-([a-z0-9-]+)$/.exec(r['Fn::Sub'])?.[1]).filter(Boolean),
          );
          expect(tables.sort()).toEqual(Object.keys(f.tables ?? {}).sort());
        }
      }),
    ));

  it('Property 10: KMS key configuration', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P10', out, e.logRetentionDays);
        for (const [, k] of ofType(out, 'AWS::KMS::Key')) expect(k.Properties!.EnableKeyRotation).toBe(true);
        // The spec's keys, and the alarm topic's when there are alarms: keys of the spec are real here, not vacuous.
        expect(ofType(out, 'AWS::KMS::Key').length).toBe(
          Object.keys(s.keys ?? {}).length + (Object.keys(s.alarms).length > 0 ? 1 : 0),
        );
        expect(ofType(out, 'AWS::KMS::Alias').length).toBe(ofType(out, 'AWS::KMS::Key').length);
      }),
    ));

  it('Property 11: CloudWatch alarm actions', () =>
    fc.assert(
      fc.property(built, ({ spec: s, env: e, out }) => {
        passes('GEN-P11', out, e.logRetentionDays);
        const alarms = ofType(out, 'AWS::CloudWatch::Alarm');
        expect(alarms.length).toBe(Object.keys(s.alarms).length);
        // By the ARN of the topic gen creates (a deterministic name, so alarms may live in any stack).
        const topic = ofType(out, 'AWS::SNS::Topic').find(([id]) => id === 'AlarmTopic')?.[1].Properties?.TopicName;
        for (const [, a] of alarms)
          expect(a.Properties!.AlarmActions).toEqual([
            { 'Fn::Sub': `arn:${'${AWS::Partition}'}:sns:${'${AWS::Region}'}:${'${AWS::AccountId}'}:${topic}` },
          ]);
      }),
    ));

  it('Property 12: CloudWatch log retention compliance', () =>
    fc.assert(
      fc.property(built, ({ env: e, out }) => {
        passes('GEN-P12', out, e.logRetentionDays);
        for (const [, g] of ofType(out, 'AWS::Logs::LogGroup'))
          expect(g.Properties!.RetentionInDays).toBe(e.logRetentionDays);
      }),
    ));

  it('Property 13: Environment configuration differentiation', () =>
    fc.assert(
      fc.property(environment(false), environment(true), (test, production) => {
        const dir = writeProject(
          { project: { name: 'p', owner: 'o', costCenter: 'c' }, tables: {}, functions: {}, routes: {}, alarms: {} },
          { test, production },
        );
        try {
          const environments = ['test', 'production'].map(
            (n) => resolveEnvironment(n, join(dir, 'environments'), dir, BUILTIN.schemas).env!,
          );
          const violations = (rule('GEN-P13') as ProjectRule).check({ spec: undefined as never, environments });
          const at = (e: object, path: string) => path.split('.').reduce((v: any, k) => v?.[k], e);
          const same = [
            'network.cidr',
            'cache.nodeType',
            'logRetentionDays',
            'tables.billing',
            'domain.name',
            'domain.api',
            'api.throttle.rate',
            'timeseries.magneticRetentionDays',
            'backup.retentionDays',
            'budget.monthlyAmount',
          ].filter((path) => at(test, path) === at(production, path)).length;
          expect(violations.length).toBe(same);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    ));

  // Property 13 on the compiled resources (VPC ranges, cache sizes, retention, billing, throttling, backup,
  // budget): tests/properties/environment-differentiation.property.test.ts.

  it('Property 14: Resource tagging compliance', () =>
    fc.assert(
      fc.property(built, ({ env: e, out }) => {
        passes('GEN-P14', out, e.logRetentionDays);
        for (const [id, r] of allResources(out).filter(([, r]) => TAGGABLE_TYPES.has(r.Type))) {
          // The network's parts also carry a Name (they have no name of their own in the console).
          expect(
            r
              .Properties!.Tags.map((t: any) => t.Key)
              .filter((k: string) => k !== 'Name' || !r.Type.startsWith('AWS::EC2::')),
            id,
          ).toEqual(['CostCenter', 'Environment', 'Owner', 'Project']);
        }
      }),
    ));
});

describe('output stability on random specs', () => {
  const bodies = (b: Built) => Object.fromEntries(allResources(b).map(([id, r]) => [id, JSON.stringify(r)]));

  it('the same spec gives byte-identical templates', () =>
    fc.assert(
      fc.property(spec, env, (s, e) => {
        const [a, b] = [buildProject(s, e), buildProject(s, e)];
        expect(a.stacks?.map((x) => x.body)).toEqual(b.stacks?.map((x) => x.body));
      }),
    ));

  it('adding an unrelated table, function or route leaves every existing logical ID and resource unchanged', () =>
    fc.assert(
      fc.property(spec, env, fc.constantFrom('table', 'function', 'route'), (s, e, what) => {
        const before = bodies(buildProject(s, e));
        const extra: GenSpec = structuredClone(s);
        if (what === 'table') extra.tables['zz-added'] = { partitionKey: 'id' };
        if (what === 'function') extra.functions['zz-added'] = { handler: 'handlers/orders.handler' };
        if (what === 'route') {
          extra.functions['zz-added'] = { handler: 'handlers/orders.handler' };
          extra.routes['GET /zz-added'] = 'zz-added';
        }
        const after = bodies(buildProject(extra, e));
        // Documented exceptions: the API body lists every route, so it and its deployment change when routes do.
        // The stage points at the new deployment; nothing else about it may change. The dashboard graphs
        // every function and table, so its body grows with them (its logical ID stays).
        const withoutDeployment = (body: string) =>
          body.replace(/"DeploymentId":\{"Ref":"ApiDeployment[0-9a-f]+"\}/, '');
        const changesWithRoutes = (id: string) =>
          id === 'Dashboard' || (what === 'route' && (id === 'Api' || id.startsWith('ApiDeployment')));
        if ('Dashboard' in before) expect(after).toHaveProperty('Dashboard');
        for (const [id, body] of Object.entries(before)) {
          if (changesWithRoutes(id)) continue;
          expect(id === 'ApiStage' ? withoutDeployment(after[id]) : after[id], id).toBe(
            id === 'ApiStage' ? withoutDeployment(body) : body,
          );
        }
      }),
    ));

  it('every stack stays within CloudFormation limits', () =>
    fc.assert(
      fc.property(built, ({ out }) => {
        expect(out.stacks).toBeDefined();
        for (const s of out.stacks!) {
          expect(s.resourceCount).toBeLessThanOrEqual(500);
          expect(s.bytes).toBeLessThanOrEqual(1_048_576);
        }
      }),
    ));
});
