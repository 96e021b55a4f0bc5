/** gen diff: what a deploy would change, from the templates alone; creates nothing in the account. */
import type { Manifest } from '../output/manifest.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_TYPES } from './stateful.js';
import { localImpacts, type Impact } from './replacements.js';
import { deployedTemplate, describeStack, isEmptyShell } from './stack-state.js';
import type { Clients } from './target.js';
import { byText } from '../order.js';
import { stackCheck } from './update-rules/check-stacks.js';
import type { UpdateFinding } from './update-rules/index.js';
import { findRetained, owningStack, type Retained } from './adopt/find.js';
import { serviceLookup, type Lookup } from './adopt/lookup.js';
import { pseudoParameters } from '../output/documents.js';
import { clientsFor, regionOf } from './regions.js';
import { answers } from './moto.js';
import { forMoto } from './moto-types.js';

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
  /** Its region, when it deploys outside the environment's (a fixed-region layer: us-east-1). */
  region?: string;
  /** Its template's file in out/<env>/. */
  file: string;
  exists: boolean;
  changes: DiffChange[];
  /** What the AWS update rules find in this change (update-rules/): refusals, and changes deploy stages. */
  findings: UpdateFinding[];
  /** The steps a staged deploy takes (one index change per table each); empty when it takes one. */
  stages: string[];
  /** Resources it would create that exist outside any stack (kept by a destroy): gen deploy imports them first. */
  imports: Retained[];
}

export async function diffStacks(
  clients: Clients,
  manifest: Manifest,
  outDir: string,
  account?: string,
  lookup?: Lookup,
): Promise<StackDiff[]> {
  const diffs: StackDiff[] = [];
  const pairs = [];
  // On the local endpoint gen deploys each template as moto can take it (forMoto): compare with that,
  // or every KMS key and every read of a skipped resource shows as a change after a clean deploy.
  const onMoto = clients.endpoint !== undefined && (await answers(clients.endpoint));
  for (const stack of manifest.stacks) {
    const regional = await clientsFor(clients, manifest, stack);
    const state = await describeStack(regional, stack.stackName);
    const exists = state.exists && !isEmptyShell(state);
    pairs.push({
      stack,
      region: regionOf(clients, manifest, stack),
      exists: state.exists,
      deployed: exists ? await deployedTemplate(regional, stack.stackName) : undefined,
      next: JSON.parse(asDeployed(readFileSync(join(outDir, stack.template), 'utf8'), onMoto)),
    });
  }
  // Looked up region by region: one name is another resource in another region.
  const retained: Retained[] = [];
  for (const region of account ? new Set(pairs.map((p) => p.region)) : []) {
    const regional = await clientsFor(clients, manifest, { region });
    retained.push(
      ...(await findRetained(
        pairs
          .filter((p) => p.region === region)
          .map((p) => ({ stackName: p.stack.stackName, template: p.next, deployed: p.deployed as never })),
        lookup ?? serviceLookup(regional),
        pseudoParameters(region, account!),
        (id) => owningStack(regional, id),
      )),
    );
  }
  for (const { stack, region, exists, next, deployed = {} } of pairs) {
    const impacts = await localImpacts(deployed, next);
    diffs.push({
      stackName: stack.stackName,
      ...(region !== clients.region ? { region } : {}),
      file: stack.template,
      exists,
      ...(await stackCheck(deployed as never, next)),
      imports: retained.filter((r) => r.stackName === stack.stackName),
      changes: [...impacts]
        .filter(([, i]) => i.impact !== 'none')
        .map(
          ([logicalId, i]): DiffChange => ({
            logicalId,
            type: i.type,
            impact: i.impact,
            stateful: DATA_TYPES.has(i.type),
            ...(i.reason ? { reason: i.reason } : {}),
            ...(i.fixedName ? { fixedName: i.fixedName } : {}),
          }),
        )
        .sort((a, b) => byText(a.logicalId, b.logicalId)),
    });
  }
  return diffs;
}

function asDeployed(body: string, onMoto: boolean): string {
  return onMoto ? forMoto(body) : body;
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
        `${d.stackName}${d.region ? ` (${d.region})` : ''}${d.exists ? '' : ' (new stack)'}: ${d.changes.length === 0 ? 'no changes' : `${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`}`,
        ...d.changes.flatMap((c) => [
          `  ${MARK[c.impact]} ${c.impact.padEnd(11)} ${c.logicalId.padEnd(44)} ${c.type}${risk(c)}`,
          ...(c.reason ? [`      ${c.reason}`] : []),
        ]),
        ...d.imports.map(
          (r) =>
            `  > ${'import'.padEnd(11)} ${r.logicalId.padEnd(44)} ${r.type}  '${r.name}' exists outside any stack (kept by a destroy): gen deploy imports it`,
        ),
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
