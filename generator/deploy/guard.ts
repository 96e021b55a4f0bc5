/**
 * The data guard: no table, bucket, key, secret or log group is removed or replaced unless the
 * user named exactly that resource with --allow-replace. Both CloudFormation's change set and
 * the local template diff are consulted; either one saying "replace" or "remove" is enough.
 */
import type { Change } from '@aws-sdk/client-cloudformation';
import type { Impact } from './replacements.js';
import { STATEFUL_TYPES } from '../output/stateful.js';
import { byText } from '../order.js';

export interface Danger { logicalId: string; type: string; action: 'remove' | 'replace'; why: string }

/** `stateful`: the types that hold data (the section registry's; the built-in list by default). */
export function dangerousChanges(changes: Change[], local: Map<string, { impact: Impact; type: string }>, stateful: ReadonlySet<string> = STATEFUL_TYPES): Danger[] {
  const found = new Map<string, Danger>();
  for (const change of changes) {
    const rc = change.ResourceChange;
    if (!rc?.LogicalResourceId || !rc.ResourceType || !stateful.has(rc.ResourceType)) continue;
    if (rc.Action === 'Remove') found.set(rc.LogicalResourceId, { logicalId: rc.LogicalResourceId, type: rc.ResourceType, action: 'remove', why: 'CloudFormation would delete it' });
    else if (rc.Action === 'Modify' && (rc.Replacement === 'True' || rc.Replacement === 'Conditional')) {
      found.set(rc.LogicalResourceId, { logicalId: rc.LogicalResourceId, type: rc.ResourceType, action: 'replace', why: `CloudFormation reports replacement: ${rc.Replacement}` });
    }
  }
  for (const [logicalId, { impact, type }] of local) {
    if (!stateful.has(type) || found.has(logicalId)) continue;
    if (impact === 'remove') found.set(logicalId, { logicalId, type, action: 'remove', why: 'it is gone from the new template' });
    if (impact === 'replace' || impact === 'may-replace') found.set(logicalId, { logicalId, type, action: 'replace', why: 'a changed property forces a new resource (template diff)' });
  }
  return [...found.values()].sort((a, b) => byText(a.logicalId, b.logicalId));
}

export const refused = (dangers: Danger[], allowed: ReadonlySet<string>) => dangers.filter((d) => !allowed.has(d.logicalId));
