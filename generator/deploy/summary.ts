/** A change set as a person reads it: one line per resource, Add / Modify / Remove, and whether it is replaced. */
import type { Change } from '@aws-sdk/client-cloudformation';
import type { Impact } from './replacements.js';
import { byText } from '../order.js';

export interface ChangeLine {
  action: 'Add' | 'Modify' | 'Remove';
  logicalId: string;
  type: string;
  replacement: 'yes' | 'maybe' | 'no';
}

export function changeLines(changes: Change[], local: Map<string, { impact: Impact }>): ChangeLine[] {
  return changes
    .flatMap((c): ChangeLine[] => {
      const rc = c.ResourceChange;
      if (!rc?.LogicalResourceId) return [];
      const impact = local.get(rc.LogicalResourceId)?.impact;
      const replacement =
        rc.Replacement === 'True' || impact === 'replace'
          ? 'yes'
          : rc.Replacement === 'Conditional' || impact === 'may-replace'
            ? 'maybe'
            : 'no';
      return [
        {
          action: (rc.Action ?? 'Modify') as ChangeLine['action'],
          logicalId: rc.LogicalResourceId,
          type: rc.ResourceType ?? '',
          replacement: rc.Action === 'Modify' ? replacement : 'no',
        },
      ];
    })
    .sort((a, b) => byText(a.logicalId, b.logicalId));
}

export function formatChanges(stackName: string, lines: ChangeLine[]): string {
  const counts = ['Add', 'Modify', 'Remove']
    .map((a) => `${lines.filter((l) => l.action === a).length} to ${a.toLowerCase()}`)
    .join(', ');
  const rows = lines.map(
    (l) =>
      `  ${{ Add: '+', Modify: '~', Remove: '-' }[l.action]} ${l.action.padEnd(6)} ${l.logicalId.padEnd(44)} ${l.type}${l.replacement === 'yes' ? '  (REPLACED)' : l.replacement === 'maybe' ? '  (may be replaced)' : ''}`,
  );
  return [`${stackName}: ${counts}`, ...rows].join('\n');
}
