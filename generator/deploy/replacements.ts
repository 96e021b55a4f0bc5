/**
 * What a change really does to each resource, computed locally: the deployed template against
 * the new one, with the CloudFormation resource specification (@aws-cdk/cloudformation-diff)
 * telling which property changes force a replacement. CloudFormation's own `Replacement` field
 * is used too, but never alone (it is missing on some endpoints and for some changes).
 */
export type Impact = 'add' | 'update' | 'replace' | 'may-replace' | 'remove' | 'none';

export interface LocalImpact {
  impact: Impact;
  type: string;
  /** Why it is replaced, when gen knows better than the specification. */
  reason?: string;
  /**
   * The fixed name a replacement would have to reuse. CloudFormation cannot replace a resource
   * with a custom name unless the name changes too ("You can't perform an update that causes a
   * custom-named resource to be replaced. If you must replace the resource, specify a new name":
   * CloudFormation User Guide, "Name type"), so such a replacement fails on AWS whatever gen allows.
   */
  fixedName?: string;
}

/** The property that names each stateful type, for the types that take a custom name. */
export const NAME_PROPERTIES: Record<string, string> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Backup::BackupVault': 'BackupVaultName',
  'AWS::Timestream::Database': 'DatabaseName',
  'AWS::Timestream::Table': 'TableName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
};

export async function localImpacts(deployed: object, next: object): Promise<Map<string, LocalImpact>> {
  const { fullDiff, ResourceImpact } = await import('@aws-cdk/cloudformation-diff');
  const diff = fullDiff(deployed as never, next as never);
  const impacts = new Map<string, LocalImpact>();
  const toImpact: Record<string, Impact> = {
    [ResourceImpact.WILL_CREATE]: 'add',
    [ResourceImpact.WILL_UPDATE]: 'update',
    [ResourceImpact.WILL_REPLACE]: 'replace',
    [ResourceImpact.MAY_REPLACE]: 'may-replace',
    [ResourceImpact.WILL_DESTROY]: 'remove',
    [ResourceImpact.WILL_ORPHAN]: 'remove',
    [ResourceImpact.WILL_IMPORT]: 'add',
    [ResourceImpact.NO_CHANGE]: 'none',
  };
  diff.resources.forEachDifference((logicalId, change) => {
    impacts.set(logicalId, {
      impact: toImpact[change.changeImpact] ?? 'update',
      type: change.newResourceType ?? change.oldResourceType ?? 'unknown',
    });
  });
  // The specification calls AttributeDefinitions and GlobalSecondaryIndexes updatable, but a key's
  // type cannot change in place, nor can an existing index's keys: any key change is a replacement.
  const before = (deployed as Template).Resources ?? {};
  for (const [logicalId, resource] of Object.entries((next as Template).Resources ?? {})) {
    const old = before[logicalId];
    if (!old || !TABLE_TYPES.has(resource.Type) || old.Type !== resource.Type) continue;
    const changed = keyChanges(old.Properties ?? {}, resource.Properties ?? {});
    if (changed.length > 0)
      impacts.set(logicalId, {
        impact: 'replace',
        type: resource.Type,
        reason: `its keys change (${changed.join('; ')}); DynamoDB cannot change a key in place`,
      });
  }
  const after = (next as Template).Resources ?? {};
  for (const [logicalId, impact] of impacts) {
    if (impact.impact !== 'replace' && impact.impact !== 'may-replace') continue;
    const property = NAME_PROPERTIES[impact.type];
    const [oldName, newName] = [before[logicalId]?.Properties?.[property], after[logicalId]?.Properties?.[property]];
    if (property && oldName !== undefined && JSON.stringify(oldName) === JSON.stringify(newName)) {
      impact.fixedName = typeof newName === 'string' ? newName : JSON.stringify(newName);
    }
  }
  return impacts;
}

type Template = {
  Resources?: Record<string, { Type: string; Properties?: TableProperties & Record<string, unknown> }>;
};
interface KeyElement {
  AttributeName: unknown;
  KeyType: string;
}
interface TableProperties {
  KeySchema?: KeyElement[];
  AttributeDefinitions?: { AttributeName: unknown; AttributeType: string }[];
  GlobalSecondaryIndexes?: { IndexName: string; KeySchema?: KeyElement[] }[];
  LocalSecondaryIndexes?: { IndexName: string; KeySchema?: KeyElement[] }[];
}

const TABLE_TYPES = new Set(['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);
const TYPE_NAMES: Record<string, string> = { S: 'string', N: 'number', B: 'binary' };

/** A key schema as a person reads it: `partition customerId: string, sort createdAt: number`. */
function describeKeys(keys: KeyElement[] | undefined, properties: TableProperties): string {
  const types = new Map(
    (properties.AttributeDefinitions ?? []).map((a) => [JSON.stringify(a.AttributeName), a.AttributeType]),
  );
  return (keys ?? [])
    .map((k) => {
      const type = types.get(JSON.stringify(k.AttributeName));
      const name = typeof k.AttributeName === 'string' ? k.AttributeName : JSON.stringify(k.AttributeName);
      return `${k.KeyType === 'HASH' ? 'partition' : 'sort'} ${name}: ${type ? (TYPE_NAMES[type] ?? type) : '?'}`;
    })
    .join(', ');
}

/** What changed in the key schema of a table and of the indexes both versions have. */
export function keyChanges(old: TableProperties, now: TableProperties): string[] {
  const changes: string[] = [];
  const compare = (what: string, a: KeyElement[] | undefined, b: KeyElement[] | undefined) => {
    const [x, y] = [describeKeys(a, old), describeKeys(b, now)];
    if (x !== y) changes.push(`${what}: ${x} → ${y}`);
  };
  compare('table', old.KeySchema, now.KeySchema);
  for (const kind of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes'] as const) {
    const oldIndexes = new Map((old[kind] ?? []).map((i) => [i.IndexName, i]));
    for (const index of now[kind] ?? []) {
      const previous = oldIndexes.get(index.IndexName);
      if (previous) compare(`index ${index.IndexName}`, previous.KeySchema, index.KeySchema);
    }
  }
  return changes;
}
