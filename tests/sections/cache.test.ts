/**
 * The cache section: the replication group and what surrounds it in test and production shapes,
 * how functions reach it (variables, secret, network), its checks, the cache-memory alarm, GEN-P13
 * on its node type, and (in tests/golden/sections.test.ts) the real cfn-lint over its golden templates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../generator/environment/model.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { forMoto } from '../../generator/deploy/moto-types.js';
import { environmentDifferentiation } from '../../generator/rules/project/environment-differentiation.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { compileCache } from '../../generator/sections/cache/compile.js';
import { BUILTIN } from '../../generator/sections/index.js';
import type { Spec } from '../../generator/spec.js';
import { REPO } from '../fixtures/run-fixture.js';
import { compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const of = (built: Compiled, code: string) => built.diagnostics.filter((d) => d.code === code);
const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];

const NETWORK = 'network:\n  internet: nat\n';
const KEYS = 'keys:\n  secrets:\n    description: Encrypts the secrets\n';
const FUNCTIONS = `functions:
  orders:
    handler: handlers/orders.handler
    cache: true
  reports:
    handler: handlers/orders.handler
`;
const spec = (cache = 'cache: {}\n', parts = `${NETWORK}${KEYS}`, functions = FUNCTIONS) =>
  `${PROJECT}${parts}${cache}${functions}`;
const TEST_ENV = 'region: eu-central-1\nnetwork:\n  cidr: 10.0.0.0/16\n  availabilityZones: 2\n';
const PRODUCTION_ENV =
  'region: eu-central-1\nprotected: true\nnetwork:\n  cidr: 10.1.0.0/16\n  availabilityZones: 3\ncache: { nodeType: cache.r6g.large, nodes: 2, multiAz: true }\n';
const ENVIRONMENTS = { test: TEST_ENV, production: PRODUCTION_ENV };
const GOLDEN = join(REPO, 'tests/golden/sections/cache/redis');
const golden = readSpec({ root: GOLDEN, specDir: join(GOLDEN, 'spec') }).spec!;
const envWith = (nodes: number, multiAz: boolean, prot: boolean) =>
  ({
    name: prot ? 'production' : 'test',
    file: 'environments/x.yaml',
    region: 'eu-central-1',
    protected: prot,
    network: { cidr: '10.0.0.0/16', availabilityZones: 2, singleNatGateway: true },
    cache: { nodeType: 'cache.r6g.large', nodes, multiAz },
    functions: { memory: 256, timeout: 30 },
  }) as unknown as Environment;

describe('cache section: test and production', () => {
  const test = compileYaml(spec(), 'test', ENVIRONMENTS);
  const production = compileYaml(spec('cache:\n  snapshotRetentionDays: 14\n'), 'production', ENVIRONMENTS);

  it('puts a one-node Redis group without failover or snapshots in the data stack of test', () => {
    expect(errors(test)).toEqual([]);
    const group = test.resources.CacheReplicationGroup;
    expect(test.layerOf.CacheReplicationGroup).toBe('data');
    expect(group.Properties).toMatchObject({
      ReplicationGroupId: 'test-shop',
      Engine: 'redis',
      CacheNodeType: 'cache.t3.micro',
      NumCacheClusters: 1,
      AutomaticFailoverEnabled: false,
      MultiAZEnabled: false,
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      Port: 6379,
      PreferredMaintenanceWindow: 'sun:03:00-sun:04:00',
      SnapshotRetentionLimit: 0,
    });
    expect(group.DeletionPolicy).toBe('Delete');
  });

  it('sizes production from its environment file: two nodes, Multi-AZ failover, snapshots kept', () => {
    expect(errors(production)).toEqual([]);
    const group = production.resources.CacheReplicationGroup as any;
    expect(group.Properties).toMatchObject({
      CacheNodeType: 'cache.r6g.large',
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
      SnapshotRetentionLimit: 14,
    });
    expect([group.DeletionPolicy, group.UpdateReplacePolicy]).toEqual(['Snapshot', 'Snapshot']);
    expect(production.resources.CacheAuthSecret.DeletionPolicy).toBe('Retain');
  });

  it('takes the AUTH token from a generated secret by dynamic reference: no token in any template', () => {
    const secret = test.resources.CacheAuthSecret;
    expect(secret.Properties).toMatchObject({
      Name: 'test/shop/cache-auth',
      KmsKeyId: 'alias/test-shop-secrets',
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(test.resources.CacheReplicationGroup.Properties.AuthToken).toEqual({
      'Fn::Sub': '{{resolve:secretsmanager:${CacheAuthSecret}}}',
    });
    // The secret and the group share a stack (the Ref in the dynamic reference) with the key it waits for.
    expect(test.layerOf.CacheAuthSecret).toBe(test.layerOf.SecretsKey);
  });

  it('admits 6379 from the functions security group only, and lets that group send to it', () => {
    const sg = test.resources.CacheSecurityGroup.Properties;
    expect(sg.SecurityGroupIngress).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 6379,
        ToPort: 6379,
        SourceSecurityGroupId: { Ref: 'FunctionSecurityGroupId' },
        Description: 'Redis from the functions security group',
      },
    ]);
    expect(sg.SecurityGroupEgress.map((r: any) => r.CidrIp)).toEqual(['255.255.255.255/32']);
    expect(test.resources.FunctionSecurityGroupCacheEgress.Properties).toMatchObject({
      GroupId: { Ref: 'FunctionSecurityGroupId' },
      DestinationSecurityGroupId: { 'Fn::GetAtt': ['CacheSecurityGroup', 'GroupId'] },
      FromPort: 6379,
      ToPort: 6379,
    });
    // The network's ids arrive as typed parameters from the network stack.
    expect(test.templates.data.Parameters.FunctionSecurityGroupId.Type).toBe('AWS::EC2::SecurityGroup::Id');
    expect(test.resources.CacheSubnetGroup.Properties.SubnetIds).toEqual([
      { Ref: 'PrivateSubnetAId' },
      { Ref: 'PrivateSubnetBId' },
    ]);
  });

  it('gives functions with cache: true the endpoint, the secret and nothing more; others get none of it', () => {
    const orders = test.resources.OrdersFunction.Properties;
    expect(orders.Environment.Variables).toEqual({
      CACHE_AUTH_SECRET: 'test/shop/cache-auth',
      // host:port, read from the replication group in the data stack through two link parameters.
      CACHE_ENDPOINT: {
        'Fn::Join': [
          ':',
          [{ Ref: 'CacheReplicationGroupPrimaryEndPointAddress' }, { Ref: 'CacheReplicationGroupPrimaryEndPointPort' }],
        ],
      },
    });
    expect(test.templates.data.Outputs.CacheReplicationGroupPrimaryEndPointAddress.Value).toEqual({
      'Fn::GetAtt': ['CacheReplicationGroup', 'PrimaryEndPoint.Address'],
    });
    expect(test.templates.app.Parameters.CacheReplicationGroupPrimaryEndPointPort.Type).toBe('String');
    expect(Object.values(test.resources).map((r: any) => r.Type)).not.toContain('AWS::SSM::Parameter');
    expect(statements(test, 'OrdersRole').map((s) => s.Sid)).toContain('SecretCacheAuthRead');
    expect(test.resources.OrdersRole.Properties.Path).toBe('/shop/test/orders/');
    expect(test.resources.ReportsFunction.Properties.Environment).toBeUndefined();
    expect(statements(test, 'ReportsRole').map((s) => s.Sid)).not.toContain('SecretCacheAuthRead');
    const policy = test.resources.CacheAuthSecretPolicy.Properties.ResourcePolicy.Statement[0];
    expect(policy.Condition.ArnNotLike['aws:PrincipalArn']).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/shop/test/orders/*' },
    ]);
  });

  it('is stateful for the deploy guard', () => {
    expect(BUILTIN.statefulTypes.has('AWS::ElastiCache::ReplicationGroup')).toBe(true);
  });

  it('draws the cache in the data layer with an edge from each function using it', () => {
    const mermaid = architectureMermaid(golden, envWith(2, true, true));
    expect(mermaid).toContain('2 × cache.r6g.large, Multi-AZ');
    expect(mermaid).toContain('functions_orders -- redis --> cache_redis');
    expect(mermaid).not.toContain('functions_reports -- redis');
  });
});

describe('cache section: mistakes', () => {
  it('refuses a cache without a network, at the cache line (GEN385)', () => {
    const built = compileYaml(spec('cache: {}\n', KEYS), 'test');
    const [d] = of(built, 'GEN385');
    expect(d.location).toMatchObject({ file: 'spec/app.yaml', path: ['cache'] });
    expect(d.message).toContain('no spec file defines a network');
  });

  it('needs the secrets key, and keeps the name of its secret (GEN386)', () => {
    expect(of(compileYaml(spec('cache: {}\n', NETWORK), 'test'), 'GEN386')[0].message).toContain('key named secrets');
    const taken = compileYaml(spec('cache: {}\nsecrets:\n  cache-auth: {}\n'), 'test');
    expect(of(taken, 'GEN386')[0].location).toMatchObject({ path: ['secrets', 'cache-auth'] });
  });

  it('refuses a replication group id ElastiCache would refuse (GEN387)', () => {
    const long = compileYaml(spec().replace('name: shop', 'name: a-project-name-much-too-long-for-redis'), 'test');
    expect(of(long, 'GEN387')).toHaveLength(1);
  });

  it('refuses cache: true without a cache, outside the network, or with its variables taken (GEN388)', () => {
    const none = compileYaml(spec(''), 'test');
    expect(of(none, 'GEN388')[0].location).toMatchObject({ path: ['functions', 'orders', 'cache'] });
    const outside = compileYaml(
      spec('cache: {}\n', undefined, `${FUNCTIONS.replace('cache: true', 'cache: true\n    network: none')}`),
      'test',
    );
    expect(of(outside, 'GEN388')[0].message).toContain('outside the network');
    const taken = compileYaml(
      spec(
        'cache: {}\n',
        undefined,
        FUNCTIONS.replace('cache: true', 'cache: true\n    environment: { CACHE_ENDPOINT: x }'),
      ),
      'test',
    );
    expect(of(taken, 'GEN388')[0].location).toMatchObject({
      path: ['functions', 'orders', 'environment', 'CACHE_ENDPOINT'],
    });
  });

  it('refuses Multi-AZ with one node, in the environment file (GEN389)', () => {
    const built = compileYaml(spec(), 'test', { test: `${TEST_ENV}cache: { nodes: 1, multiAz: true }\n` });
    expect(of(built, 'GEN389')[0].location).toMatchObject({
      file: 'environments/test.yaml',
      path: ['cache', 'multiAz'],
    });
  });

  it('fails over exactly when the environment has two or more nodes and asks for Multi-AZ, else refuses Multi-AZ (100 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.boolean(), (nodes, multiAz, prot) => {
        const { resources, diagnostics } = compileCache({
          spec: golden,
          env: envWith(nodes, multiAz, prot),
          registry: BUILTIN,
        });
        if (multiAz && nodes < 2) return diagnostics.map((d) => d.code).join() === 'GEN389' && resources.length === 0;
        const group = resources.find((r) => r.logicalId === 'CacheReplicationGroup')!.resource as any;
        return (
          diagnostics.length === 0 &&
          group.Properties.NumCacheClusters === nodes &&
          group.Properties.AutomaticFailoverEnabled === (nodes >= 2 && multiAz) &&
          group.Properties.MultiAZEnabled === group.Properties.AutomaticFailoverEnabled &&
          group.Properties.SnapshotRetentionLimit === (prot ? 7 : 0) &&
          group.DeletionPolicy === (prot ? 'Snapshot' : 'Delete')
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('cache-memory alarm', () => {
  const alarm = 'alarms:\n  cache-full:\n    type: cache-memory\n';
  it('watches the fullest node of the environment at 80 % by default', () => {
    const built = compileYaml(`${spec()}${alarm}`, 'production', ENVIRONMENTS);
    const props = built.resources.CacheFullAlarm.Properties;
    expect(props.Threshold).toBe(80);
    const ids = props.Metrics.flatMap((m: any) => m.MetricStat?.Metric.Dimensions.map((d: any) => d.Value) ?? []);
    expect(ids).toEqual(['production-shop-001', 'production-shop-002']);
    expect(props.Metrics.at(-1)).toMatchObject({ Expression: 'MAX([node1, node2])', ReturnData: true });
  });

  it('is refused without a cache (GEN388)', () => {
    expect(of(compileYaml(`${PROJECT}${alarm}`, 'test'), 'GEN388')).toHaveLength(1);
  });
});

describe('GEN-P13 on cache.nodeType', () => {
  const env = (name: string, prot: boolean, nodeType: string) =>
    ({
      name,
      file: `environments/${name}.yaml`,
      protected: prot,
      cache: { nodeType, nodes: 1, multiAz: false },
    }) as unknown as Environment;
  const withCache = (cache: boolean): Spec =>
    ({
      root: '',
      specDir: '',
      files: [],
      environmentNames: ['test', 'production'],
      sections: cache ? { cache: { name: 'cache', file: 'spec/app.yaml', path: ['cache'], value: {} } } : {},
    }) as Spec;
  const keys = (spec: Spec, prodType: string) =>
    environmentDifferentiation
      .check({ spec, environments: [env('test', false, 'cache.t3.micro'), env('production', true, prodType)] })
      .map((f) => f.location?.path?.join('.'));

  it('reports production with test-sized nodes once the spec has a cache, and only then', () => {
    expect(keys(withCache(true), 'cache.t3.micro')).toContain('cache.nodeType');
    expect(keys(withCache(true), 'cache.r6g.large')).not.toContain('cache.nodeType');
    expect(keys(withCache(false), 'cache.t3.micro')).not.toContain('cache.nodeType');
  });
});

describe('the cache on the local endpoint', () => {
  it('no stack reads the skipped replication group beside it: nothing becomes a placeholder', () => {
    for (const file of ['data', 'app']) {
      const template = readFileSync(join(GOLDEN, `expected/test/${file}.template.json`), 'utf8');
      expect(forMoto(template)).not.toContain('not-created-locally');
    }
  });

  it('a read of a skipped resource in its own stack still becomes a placeholder moto accepts', () => {
    const template = JSON.stringify({
      Resources: {
        Domain: { Type: 'AWS::ApiGateway::DomainName', Properties: {} },
        Alias: {
          Type: 'AWS::Route53::RecordSet',
          Properties: { AliasTarget: { DNSName: { 'Fn::GetAtt': ['Domain', 'RegionalDomainName'] } } },
        },
      },
    });
    const local = JSON.parse(forMoto(template));
    expect(local.Resources.Alias.Properties.AliasTarget.DNSName).toBe('not-created-locally:Domain.RegionalDomainName');
    expect(local.Resources.Domain).toEqual(JSON.parse(template).Resources.Domain);
  });
});
