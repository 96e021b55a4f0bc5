/**
 * One source of truth for what holds data: the sections declare the types they emit
 * (Section.statefulTypes, the escape hatch the types only it writes), and the deploy side (guard,
 * stack policy, removal order, destroy, diff) reads that set, so a section's declaration is all
 * it takes for its resources to be guarded.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dangerousChanges, refused } from '../../generator/deploy/guard.js';
import { stackPolicy } from '../../generator/deploy/protection.js';
import { keepingDropped } from '../../generator/deploy/removal-order.js';
import { localImpacts } from '../../generator/deploy/replacements.js';
import { DATA_TYPES } from '../../generator/deploy/stateful.js';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { Section } from '../../generator/sections/section.js';
import { REPO } from '../fixtures/run-fixture.js';

const removal = (logicalId: string, type: string) => ({
  ResourceChange: { Action: 'Remove' as const, LogicalResourceId: logicalId, ResourceType: type },
});
const template = (resources: Record<string, { Type: string }>) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: resources,
});
/** The resource types the stack policy of a protected environment keeps from replacement and deletion. */
const denied = (policy: ReturnType<typeof stackPolicy>) =>
  (policy.Statement[1] as { Condition: { StringEquals: { ResourceType: string[] } } }).Condition.StringEquals
    .ResourceType;

describe('the deploy side reads the sections’ stateful types', () => {
  it('is exactly the built-in registry’s set', () => {
    expect(DATA_TYPES).toBe(BUILTIN.statefulTypes);
  });

  it('keeps every type of the former hand list (tables, buckets, keys, secrets, logs, queues, topics, vault, timeseries, ECR, RDS, EFS)', () => {
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::DynamoDB::GlobalTable',
      'AWS::S3::Bucket',
      'AWS::KMS::Key',
      'AWS::SecretsManager::Secret',
      'AWS::Logs::LogGroup',
      'AWS::RDS::DBInstance',
      'AWS::RDS::DBCluster',
      'AWS::EFS::FileSystem',
      'AWS::SQS::Queue',
      'AWS::SNS::Topic',
      'AWS::Backup::BackupVault',
      'AWS::Timestream::Database',
      'AWS::Timestream::Table',
      'AWS::ECR::Repository',
      'AWS::ElastiCache::ReplicationGroup',
    ])
      expect(DATA_TYPES.has(type), type).toBe(true);
  });

  const declared = BUILTIN_SECTIONS.flatMap((s) => (s.statefulTypes ?? []).map((type) => [s.key, type] as const));
  it.each(declared)('%s: %s reaches the guard, the stack policy and the removal order', (_, type) => {
    expect(dangerousChanges([removal('It', type)], new Map())).toMatchObject([{ logicalId: 'It', action: 'remove' }]);
    expect(denied(stackPolicy())).toContain(type);
    // A dropped function is kept for a second pass, unless data is dropped unnamed with it: the guard refuses that at once.
    const fn = { Fn: { Type: 'AWS::Lambda::Function' } };
    expect(keepingDropped(JSON.stringify(template({})), template(fn), []).kept).toEqual(['Fn']);
    expect(keepingDropped(JSON.stringify(template({})), template({ ...fn, It: { Type: type } }), []).kept).toEqual([]);
  });

  it('the network’s VPC and subnets are pinned to their stack but hold no data: a changed range may replace a subnet', () => {
    for (const type of ['AWS::EC2::VPC', 'AWS::EC2::Subnet']) {
      expect(BUILTIN.pinnedTypes.has(type), type).toBe(true);
      expect(DATA_TYPES.has(type), type).toBe(false);
    }
    for (const type of DATA_TYPES) expect(BUILTIN.pinnedTypes.has(type), type).toBe(true);
  });

  it('each section declares the data types it emits (reference platform, both environments; transaction pipeline)', () => {
    const projects = [
      [REPO, ['test', 'production']],
      [join(REPO, 'examples/transaction-pipeline'), ['dev']],
    ] as const;
    for (const [root, environments] of projects) {
      const { spec } = readSpec({ root, specDir: join(root, 'spec') });
      for (const name of environments) {
        const env = resolveEnvironment(name, join(root, 'environments'), root, BUILTIN.schemas).env!;
        for (const section of BUILTIN_SECTIONS) {
          const emitted = section.compile?.({ spec: spec!, env, registry: BUILTIN }).resources ?? [];
          const undeclared = emitted
            .map((r) => (r.resource as { Type: string }).Type)
            .filter((type) => DATA_TYPES.has(type) && !(section.statefulTypes ?? []).includes(type));
          expect(undeclared, `${section.key} emits, without declaring, in ${root} (${name})`).toEqual([]);
        }
      }
    }
  });
});

describe('a section’s declaration is all it takes (a hosted zone, as the edge section will declare it)', () => {
  const ZONE = 'AWS::Route53::HostedZone';
  const zoneSection: Section = { key: 'zone-under-test', kind: 'single', schema: {}, statefulTypes: [ZONE] };
  const without = createRegistry(BUILTIN_SECTIONS.filter((s) => !s.statefulTypes?.includes(ZONE)));
  const withZone = createRegistry([...BUILTIN_SECTIONS.filter((s) => !s.statefulTypes?.includes(ZONE)), zoneSection]);
  const zone = (name: string) => ({ Type: ZONE, Properties: { Name: name } });

  it('replacing or removing the zone is refused without --allow-replace, allowed with it', async () => {
    const local = await localImpacts(template({ Zone: zone('example.com') }), template({ Zone: zone('example.org') }));
    expect(dangerousChanges([], local, without.statefulTypes)).toEqual([]);
    const replaced = dangerousChanges([], local, withZone.statefulTypes);
    expect(replaced).toMatchObject([{ logicalId: 'Zone', type: ZONE, action: 'replace' }]);
    expect(refused(replaced, new Set())).toHaveLength(1);
    expect(refused(replaced, new Set(['Zone']))).toEqual([]);
    const removed = dangerousChanges([removal('Zone', ZONE)], new Map(), withZone.statefulTypes);
    expect(refused(removed, new Set())).toMatchObject([{ logicalId: 'Zone', action: 'remove' }]);
    expect(refused(removed, new Set(['Zone']))).toEqual([]);
  });

  it('the stack policy of a protected environment denies replacing or deleting it', () => {
    expect(denied(stackPolicy([], withZone.statefulTypes))).toContain(ZONE);
    expect(denied(stackPolicy([], without.statefulTypes))).not.toContain(ZONE);
  });
});
