import { describe, expect, it } from 'vitest';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

const spec = `${PROJECT}
tables:
  events:
    partitionKey: tenantId
    sortKey: { name: at, type: number }
    ttl: expiresAt
    indexes:
      by-kind:
        partitionKey: kind
        sortKey: { name: at, type: number }
      by-blob:
        partitionKey: { name: blob, type: binary }
`;

describe('tables section', () => {
  it('compiles keys, indexes, TTL, PITR, encryption and an environment-prefixed name into the data layer', () => {
    const { resources, layerOf } = compileYaml(spec);
    const table = resources.EventsTable;
    expect(layerOf.EventsTable).toBe('data');
    expect(table.Properties).toMatchObject({
      TableName: 'test-events',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'tenantId', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      DeletionProtectionEnabled: false,
    });
    // Each attribute declared once, sorted, with its type.
    expect(table.Properties.AttributeDefinitions).toEqual([
      { AttributeName: 'at', AttributeType: 'N' },
      { AttributeName: 'blob', AttributeType: 'B' },
      { AttributeName: 'kind', AttributeType: 'S' },
      { AttributeName: 'tenantId', AttributeType: 'S' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes.map((i: any) => i.IndexName)).toEqual(['by-blob', 'by-kind']);
    expect(table.Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput).toBeUndefined();
    expect(table.DeletionPolicy).toBe('Delete');
  });

  it('provisions capacity and autoscales table and indexes where the environment asks, and retains data when protected', () => {
    const { resources } = compileYaml(spec, 'production');
    const table = resources.EventsTable;
    expect(table.Properties.BillingMode).toBe('PROVISIONED');
    expect(table.Properties.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
    expect(table.Properties.GlobalSecondaryIndexes[1].ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
    });
    expect([
      table.DeletionPolicy,
      (table as any).UpdateReplacePolicy,
      table.Properties.DeletionProtectionEnabled,
    ]).toEqual(['Retain', 'Retain', true]);
    const targets = Object.entries(resources).filter(
      ([, r]) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget',
    );
    expect(targets.map(([id]) => id).sort()).toEqual([
      'EventsByBlobIndexReadScaling',
      'EventsByBlobIndexWriteScaling',
      'EventsByKindIndexReadScaling',
      'EventsByKindIndexWriteScaling',
      'EventsTableReadScaling',
      'EventsTableWriteScaling',
    ]);
    expect(resources.EventsByKindIndexReadScaling.Properties).toMatchObject({
      ResourceId: 'table/production-events/index/by-kind',
      ScalableDimension: 'dynamodb:index:ReadCapacityUnits',
      MinCapacity: 5,
      MaxCapacity: 100,
    });
    expect(resources.EventsTableWriteScalingPolicy.Properties.TargetTrackingScalingPolicyConfiguration).toEqual({
      PredefinedMetricSpecification: { PredefinedMetricType: 'DynamoDBWriteCapacityUtilization' },
      TargetValue: 70,
    });
  });

  it('rejects a TTL attribute that is a string key', () => {
    const result = compileYaml(`${PROJECT}\ntables:\n  t:\n    partitionKey: id\n    ttl: id\n`);
    expect(codes(result)).toEqual(['GEN309']);
    expect(result.diagnostics[0].message).toBe("ttl attribute 'id' is a string key, but expiry times are numbers");
  });
});
