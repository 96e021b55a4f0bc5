/** gen diff: what a deploy would change, from the templates alone; creates nothing in the account. */
import type { Manifest } from '../output/manifest.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATEFUL_TYPES } from '../output/stateful.js';
import { localImpacts, type Impact } from './replacements.js';
import { deployedTemplate, describeStack, isEmptyShell } from './stack-state.js';
import type { Clients } from './target.js';
import { byText } from '../order.js';
import { stackCheck } from './update-rules/check-stacks.js';
import type { UpdateFinding } from './update-rules/index.js';

export interface DiffChange {
  logicalId: string;
  type: string;
  impact: Impact;
  stateful: boolean;
  reason?: string;
  fixedName?: string;
}
export interface StackDiff {
  stackName: string;
  /** Its template's file in out/<env>/. */
  file: string;
  exists: boolean;
  changes: DiffChange[];
  /** What the AWS update rules find in this change (update-rules/): refusals, and changes deploy stages. */
  findings: UpdateFinding[];
  /** The steps a staged deploy takes (one index change per table each); empty when it takes one. */
  stages: string[];
}

export async function diffStacks(clients: Clients, manifest: Manifest, outDir: string): Promise<StackDiff[]> {
  const diffs: StackDiff[] = [];
  for (const stack of manifest.stacks) {
    const state = await describeStack(clients, stack.stackName);
    const deployed = state.exists && !isEmptyShell(state) ? await deployedTemplate(clients, stack.stackName) : {};
    const next = JSON.parse(readFileSync(join(outDir, stack.template), 'utf8'));
    const impacts = await localImpacts(deployed, next);
    diffs.push({
      stackName: stack.stackName,
      file: stack.template,
      exists: state.exists,
      ...(await stackCheck(deployed as never, next)),
      changes: [...impacts]
        .filter(([, i]) => i.impact !== 'none')
        .map(
          ([logicalId, i]): DiffChange => ({
            logicalId,
            type: i.type,
            impact: i.impact,
            stateful: STATEFUL_TYPES.has(i.type),
            ...(i.reason ? { reason: i.reason } : {}),
            ...(i.fixedName ? { fixedName: i.fixedName } : {}),
          }),
        )
        .sort((a, b) => byText(a.logicalId, b.logicalId)),
    });
  }
  return diffs;
}

const MARK: Record<Impact, string> = {
  add: '+',
  update: '~',
  replace: '!',
  'may-replace': '!',
  remove: '-',
  none: ' ',
};

export function formatDiff(diffs: StackDiff[]): string {
  return diffs
    .map((d) =>
      [
        `${d.stackName}${d.exists ? '' : ' (new stack)'}: ${d.changes.length === 0 ? 'no changes' : `${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`}`,
        ...d.changes.flatMap((c) => [
          `  ${MARK[c.impact]} ${c.impact.padEnd(11)} ${c.logicalId.padEnd(44)} ${c.type}${risk(c)}`,
          ...(c.reason ? [`      ${c.reason}`] : []),
        ]),
      ].join('\n'),
    )
    .join('\n');
}

function risk(c: DiffChange): string {
  if (!c.stateful || !(c.impact === 'remove' || c.impact.includes('replace'))) return '';
  if (c.fixedName)
    return `  CANNOT BE REPLACED: it keeps its name '${c.fixedName}'; deploy will refuse (give it a new name instead)`;
  return '  DATA AT RISK: deploy will refuse without --allow-replace';
}
