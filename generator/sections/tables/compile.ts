/** tables -> DynamoDB tables in the data layer, with autoscaling where capacity is provisioned. */
import { DynamoDBTable, Fn, ScalableTarget, ScalingPolicy, keptWhenProtected } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { ids, names } from '../../naming/ids.js';
import type { Environment } from '../../environment/model.js';
import type { CompileContext } from '../section.js';
import { tablesOf, type Key, type Table } from './model.js';
import { byText } from '../../order.js';

const ATTRIBUTE_TYPES = { string: 'S', number: 'N', binary: 'B' } as const;

const keySchema = (partition: Key, sort?: Key) => [
  { AttributeName: partition.name, KeyType: 'HASH' },
  ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' }] : []),
];

function attributeDefinitions(table: Table) {
  const keys = [table.partitionKey, table.sortKey, ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const byName = new Map<string, Key>();
  for (const key of keys) if (key && !byName.has(key.name)) byName.set(key.name, key);
  return [...byName.values()]
    .sort((a, b) => byText(a.name, b.name))
    .map((key) => ({ AttributeName: key.name, AttributeType: ATTRIBUTE_TYPES[key.type] }));
}

function tableResource(name: string, table: Table, env: Environment) {
  const provisioned = env.tables.billing === 'provisioned';
  const throughput = provisioned
    ? {
        ProvisionedThroughput: {
          ReadCapacityUnits: env.tables.capacity.read,
          WriteCapacityUnits: env.tables.capacity.write,
        },
      }
    : {};
  const resource = new DynamoDBTable({
    TableName: names.table(env.name, name),
    BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions(table),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    ...(table.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: table.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' },
            ...throughput,
          })),
        }
      : {}),
    ...throughput,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    SSESpecification: { SSEEnabled: true },
    ...(table.ttl ? { TimeToLiveSpecification: { AttributeName: table.ttl, Enabled: true } } : {}),
    DeletionProtectionEnabled: env.protected,
  });
  // Data outlives a stack in protected environments: deleting or replacing keeps the table.
  return Object.assign(resource, keptWhenProtected(env.protected));
}

function autoscaling(name: string, table: Table, env: Environment): PlacedResource[] {
  const scaling = env.tables.autoscaling;
  if (env.tables.billing !== 'provisioned' || !scaling.enabled) return [];
  const tableId = ids.table(name);
  const targets = [undefined, ...table.indexes.map((i) => i.name)];
  return targets.flatMap((index) =>
    (['Read', 'Write'] as const).flatMap((dimension): PlacedResource[] => {
      const resourceId = `table/${names.table(env.name, name)}${index ? `/index/${index}` : ''}`;
      const targetId = ids.scalableTarget(name, index, dimension);
      const target = new ScalableTarget({
        ServiceNamespace: 'dynamodb',
        ResourceId: resourceId,
        ScalableDimension: `dynamodb:${index ? 'index' : 'table'}:${dimension}CapacityUnits`,
        MinCapacity: scaling.minCapacity,
        MaxCapacity: scaling.maxCapacity,
      }).dependsOn(tableId);
      const policy = new ScalingPolicy({
        PolicyName: `${names.table(env.name, name)}${index ? `-${index}` : ''}-${dimension.toLowerCase()}`,
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: Fn.Ref(targetId),
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: scaling.targetUtilization,
          PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dimension}CapacityUtilization` },
        },
      });
      return [
        { layer: 'data', logicalId: targetId, resource: target },
        { layer: 'data', logicalId: ids.scalingPolicy(name, index, dimension), resource: policy },
      ];
    }),
  );
}

export function compileTables({ spec, env }: CompileContext): Fragment {
  // A table and its scaling resources share a stack (they refer to each other).
  const resources = tablesOf(spec).items.flatMap(({ name, value }): PlacedResource[] => {
    const table: PlacedResource = {
      layer: 'data',
      logicalId: ids.table(name),
      resource: tableResource(name, value, env),
    };
    return inGroup(ids.table(name), [table, ...autoscaling(name, value, env)]);
  });
  return fragment(resources);
}
