/**
 * gen drift: CloudFormation's drift detection on an environment's stacks (DetectStackDrift, then
 * DescribeStackResourceDrifts), printed as `gen diff` prints changes: what was changed or deleted
 * by hand since gen deployed it (a table's billing mode or keys set in the console, a log group's
 * retention, a function's memory), property by property.
 */
import {
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
  type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import { byText } from '../order.js';
import { backoff } from './change-set.js';
import { describeStack, isEmptyShell } from './stack-state.js';
import type { Clients } from './target.js';
import { clientsIn } from './regions.js';

const inRegion = (base: Clients, region: string | undefined) => (region && region !== base.region ? { region } : {});

export interface DriftedResource {
  logicalId: string;
  type: string;
  status: 'MODIFIED' | 'DELETED';
  /** JSON pointer to the property, what gen deployed, what AWS holds. */
  differences: { path: string; expected?: string; actual?: string; kind: string }[];
}

export interface StackDrift {
  stackName: string;
  /** Its region, when it deploys outside the environment's (a fixed-region layer: us-east-1). */
  region?: string;
  /** IN_SYNC, DRIFTED, or NOT_DEPLOYED; UNKNOWN when detection failed (reason says why). */
  status: 'IN_SYNC' | 'DRIFTED' | 'NOT_DEPLOYED' | 'UNKNOWN';
  drifted: DriftedResource[];
  /** Resources whose type CloudFormation cannot check for drift. */
  notChecked: number;
  reason?: string;
}

const driftOf = (d: StackResourceDrift): DriftedResource => ({
  logicalId: d.LogicalResourceId ?? '?',
  type: d.ResourceType ?? '?',
  status: d.StackResourceDriftStatus as DriftedResource['status'],
  differences: (d.PropertyDifferences ?? []).map((p) => ({
    path: p.PropertyPath ?? '',
    ...(p.ExpectedValue !== undefined ? { expected: p.ExpectedValue } : {}),
    ...(p.ActualValue !== undefined ? { actual: p.ActualValue } : {}),
    kind: p.DifferenceType ?? 'NOT_EQUAL',
  })),
});

/** `stacks`: names, or names with the region of a stack outside the clients' region. */
export async function detectDrift(
  base: Clients,
  stacks: readonly (string | { stackName: string; region?: string })[],
  pollMs = 500,
): Promise<StackDrift[]> {
  const out: StackDrift[] = [];
  for (const entry of stacks) {
    const { stackName, region } = typeof entry === 'string' ? { stackName: entry, region: undefined } : entry;
    const clients = region ? await clientsIn(base, region) : base;
    const state = await describeStack(clients, stackName);
    if (!state.exists || isEmptyShell(state)) {
      out.push({ stackName, ...inRegion(base, region), status: 'NOT_DEPLOYED', drifted: [], notChecked: 0 });
      continue;
    }
    const { StackDriftDetectionId: id } = await clients.cfn.send(new DetectStackDriftCommand({ StackName: stackName }));
    const wait = backoff(pollMs, Math.max(pollMs, 5000));
    let detection = await clients.cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }));
    while (detection.DetectionStatus === 'DETECTION_IN_PROGRESS') {
      await wait();
      detection = await clients.cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }));
    }
    const resources: StackResourceDrift[] = [];
    let next: string | undefined;
    do {
      const page = await clients.cfn.send(
        new DescribeStackResourceDriftsCommand({ StackName: stackName, ...(next ? { NextToken: next } : {}) }),
      );
      resources.push(...(page.StackResourceDrifts ?? []));
      next = page.NextToken;
    } while (next);
    const drifted = resources
      .filter((r) => r.StackResourceDriftStatus === 'MODIFIED' || r.StackResourceDriftStatus === 'DELETED')
      .map(driftOf)
      .sort((a, b) => byText(a.logicalId, b.logicalId));
    const failed = detection.DetectionStatus === 'DETECTION_FAILED';
    out.push({
      stackName,
      ...inRegion(base, region),
      status: drifted.length > 0 ? 'DRIFTED' : failed ? 'UNKNOWN' : 'IN_SYNC',
      drifted,
      notChecked: resources.filter((r) => r.StackResourceDriftStatus === 'NOT_CHECKED').length,
      // DETECTION_FAILED still reports the resources it could check; the reason names the others.
      ...(failed ? { reason: detection.DetectionStatusReason ?? 'drift detection failed' } : {}),
    });
  }
  return out;
}

const MARK = { MODIFIED: '~', DELETED: '-' } as const;

/** As `gen diff` prints: a line per stack, a line per drifted resource, a line per property; `where` adds the spec line. */
export function formatDrift(stacks: readonly StackDrift[], where: (logicalId: string) => string = () => ''): string {
  return stacks
    .map((s) => {
      const head =
        s.status === 'NOT_DEPLOYED'
          ? 'not deployed'
          : s.drifted.length === 0
            ? s.status === 'UNKNOWN'
              ? `drift unknown (${s.reason})`
              : 'in sync'
            : `${s.drifted.length} drifted`;
      return [
        `${s.stackName}${s.region ? ` (${s.region})` : ''}: ${head}${s.notChecked > 0 ? ` (${s.notChecked} not checked: their types have no drift detection)` : ''}`,
        ...(s.status === 'UNKNOWN' && s.drifted.length > 0 ? [`  detection incomplete: ${s.reason}`] : []),
        ...s.drifted.flatMap((d) => [
          `  ${MARK[d.status]} ${d.status.toLowerCase().padEnd(11)} ${d.logicalId.padEnd(44)} ${d.type}${where(d.logicalId)}`,
          ...d.differences.map(
            (p) =>
              `      ${p.path}: ${p.expected ?? '(none)'} → ${p.actual ?? '(none)'}${p.kind === 'NOT_EQUAL' ? '' : ` (${p.kind.toLowerCase()})`}`,
          ),
        ]),
      ].join('\n');
    })
    .join('\n');
}
