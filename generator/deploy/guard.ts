/**
 * The data guard: no resource of a type that holds data (a table, bucket, key, secret, log group,
 * cache, backup vault...: what the sections declare, deploy/stateful.ts) is removed or replaced
 * unless the user named exactly that resource with --allow-replace. Both CloudFormation's change set and
 * the local template diff are consulted; either one saying "replace" or "remove" is enough.
 * A replacement that would reuse a fixed name is refused even then: CloudFormation cannot do it.
 */
import type { Change } from '@aws-sdk/client-cloudformation';
import type { LocalImpact } from './replacements.js';
import { DATA_TYPES } from './stateful.js';
import { byText } from '../order.js';

export interface Danger {
  logicalId: string;
  type: string;
  action: 'remove' | 'replace';
  why: string;
  fixedName?: string;
}

/** `stateful`: the types that hold data (the built-in registry's by default; another registry's in tests). */
export function dangerousChanges(
  changes: Change[],
  local: Map<string, LocalImpact>,
  stateful: ReadonlySet<string> = DATA_TYPES,
): Danger[] {
  const found = new Map<string, Danger>();
  for (const change of changes) {
    const rc = change.ResourceChange;
    if (!rc?.LogicalResourceId || !rc.ResourceType || !stateful.has(rc.ResourceType)) continue;
    if (rc.Action === 'Remove')
      found.set(rc.LogicalResourceId, {
        logicalId: rc.LogicalResourceId,
        type: rc.ResourceType,
        action: 'remove',
        why: 'CloudFormation would delete it',
      });
    else if (rc.Action === 'Modify' && (rc.Replacement === 'True' || rc.Replacement === 'Conditional')) {
      const mine = local.get(rc.LogicalResourceId);
      found.set(rc.LogicalResourceId, {
        logicalId: rc.LogicalResourceId,
        type: rc.ResourceType,
        action: 'replace',
        why: `CloudFormation reports replacement: ${rc.Replacement}${mine?.reason ? `; ${mine.reason}` : ''}`,
        ...(mine?.fixedName ? { fixedName: mine.fixedName } : {}),
      });
    }
  }
  for (const [logicalId, { impact, type, reason, fixedName }] of local) {
    if (!stateful.has(type) || found.has(logicalId)) continue;
    if (impact === 'remove')
      found.set(logicalId, { logicalId, type, action: 'remove', why: 'it is gone from the new template' });
    if (impact === 'replace' || impact === 'may-replace') {
      found.set(logicalId, {
        logicalId,
        type,
        action: 'replace',
        why: reason ?? 'a changed property forces a new resource (template diff)',
        ...(fixedName ? { fixedName } : {}),
      });
    }
  }
  return [...found.values()].sort((a, b) => byText(a.logicalId, b.logicalId));
}

/** What --allow-replace does not let through: dangers not named, and replacements CloudFormation cannot make. */
export const refused = (dangers: Danger[], allowed: ReadonlySet<string>) =>
  dangers.filter((d) => !allowed.has(d.logicalId) || d.fixedName !== undefined);

const KIND: Record<string, string> = {
  'AWS::DynamoDB::Table': 'table',
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::S3::Bucket': 'bucket',
  'AWS::SecretsManager::Secret': 'secret',
  'AWS::Logs::LogGroup': 'log group',
  'AWS::RDS::DBInstance': 'database',
  'AWS::RDS::DBCluster': 'database cluster',
  'AWS::SQS::Queue': 'queue',
  'AWS::SNS::Topic': 'topic',
  'AWS::ElastiCache::ReplicationGroup': 'cache',
  'AWS::Backup::BackupVault': 'backup vault',
};

/** One refusal, with the way forward. */
export function refusalMessage(d: Danger, allowed: ReadonlySet<string>): string {
  if (d.fixedName === undefined) {
    return `refusing to ${d.action} ${d.logicalId} (${d.type}): ${d.why}; data would be lost. If that is intended, pass --allow-replace ${d.logicalId}`;
  }
  const kind = KIND[d.type] ?? 'resource';
  return [
    `refusing to replace ${d.logicalId} (${d.type}): ${d.why}.`,
    `  CloudFormation cannot replace a ${kind} that keeps its name ('${d.fixedName}'): the update would fail${allowed.has(d.logicalId) ? ', so --allow-replace cannot help here' : ''}.`,
    `  The way forward is a new ${kind} under a new name: add it to the spec under a new name (e.g. '${kind === 'table' ? 'orders-v2' : 'name-v2'}') with the new settings and deploy;`,
    `  the new ${kind} is created beside the old one, which keeps its data. Move the data and the code over, then remove the old ${kind} from the spec`,
    `  and deploy with --allow-replace ${d.logicalId} (or remove it later with gen destroy --delete-data ${d.logicalId}). README: "Changing a table's keys".`,
  ].join('\n');
}
