/** Execute a change set and follow the stack's events until it settles, under a spinner. */
import { DescribeStackEventsCommand, ExecuteChangeSetCommand, type StackEvent } from '@aws-sdk/client-cloudformation';
import { backoff } from './change-set.js';
import { describeStack, inProgress } from './stack-state.js';
import type { Clients } from './target.js';

export interface Outcome {
  ok: boolean;
  status: string;
  failures: string[];
}

/** Events that explain a failure: failed resources, and the stack's reason for rolling back. */
const FAILED = /FAILED$|ROLLBACK_IN_PROGRESS$/;
const describeEvent = (e: StackEvent) =>
  `${e.LogicalResourceId} ${e.ResourceType} ${e.ResourceStatus}${e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : ''}`;

export async function executeChangeSet(
  clients: Clients,
  stackName: string,
  changeSetId: string,
  progress: (text: string) => void,
  pollMs = 250,
): Promise<Outcome> {
  const wait = backoff(pollMs, Math.max(pollMs, 5000));
  const started = new Date();
  await clients.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }));
  const seen = new Set<string>();
  const failures: string[] = [];
  for (;;) {
    const { StackEvents = [] } = await clients.cfn.send(new DescribeStackEventsCommand({ StackName: stackName }));
    for (const event of [...StackEvents].reverse()) {
      if (
        !event.EventId ||
        seen.has(event.EventId) ||
        (event.Timestamp && event.Timestamp < new Date(started.getTime() - 1000))
      )
        continue;
      seen.add(event.EventId);
      progress(`${stackName}: ${describeEvent(event)}`);
      if (FAILED.test(event.ResourceStatus ?? '') && event.ResourceStatusReason) failures.push(describeEvent(event));
    }
    const state = await describeStack(clients, stackName);
    const status = state.exists ? state.status : 'DELETE_COMPLETE';
    // Right after ExecuteChangeSet a new stack may still read REVIEW_IN_PROGRESS for a moment.
    const notStartedYet = status === 'REVIEW_IN_PROGRESS' && Date.now() - started.getTime() < 60_000;
    if (!inProgress(status) && !notStartedYet) {
      const ok = /_COMPLETE$/.test(status) && !/ROLLBACK/.test(status);
      return { ok, status, failures };
    }
    await wait();
  }
}
