/** Deploy one stack through a change set: review, guard, approval, execution, protection. */
import {
  DeleteStackCommand,
  DescribeStacksCommand,
  GetStackPolicyCommand,
  ListChangeSetsCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { backoff, createChangeSet, deleteChangeSet } from './change-set.js';
import { executeChangeSet } from './execute.js';
import { dangerousChanges, refusalMessage, refused } from './guard.js';
import { protect, stackPolicy } from './protection.js';
import { localImpacts, type LocalImpact } from './replacements.js';
import type { Reporter } from './reporter.js';
import { deployedTemplate, describeStack, isEmptyShell, waitForIdle, type StackState } from './stack-state.js';
import { changeLines, formatChanges } from './summary.js';
import type { Clients } from './target.js';

export interface StackDeployRequest {
  stackName: string;
  body: string;
  template: { body: string } | { url: string };
  tags: Record<string, string>;
  /** Values for the template's parameters (outputs of earlier stacks). */
  parameters: Record<string, string>;
  protected: boolean;
  approve: boolean;
  execute: boolean;
  allowReplace: string[];
  waitTimeoutMs: number;
  /** Make a change set even when the stack's template, parameters and tags are already the deployed ones. */
  force?: boolean;
  /** Runs after approval, just before execution (the local endpoint's body import: local-rest-api.ts). */
  beforeExecute?: () => Promise<void>;
}

/** `region`: set by the deploy for a stack outside the environment's region (a fixed-region layer). */
export type StackResult = { region?: string } & (
  | { stackName: string; result: 'no-changes' | 'deployed' | 'reviewed'; outputs: Record<string, string> }
  | { stackName: string; result: 'refused' | 'failed' | 'not-approved'; reason: string }
);

/**
 * Resources whose definition really differs: added, removed, replaced, or with other Type or
 * Properties. (Metadata alone is not a change CloudFormation acts on.)
 */
export function realChanges(
  deployed: { Resources?: Record<string, unknown> },
  next: { Resources?: Record<string, unknown> },
  local: Map<string, LocalImpact>,
): string[] {
  const definition = (r: unknown) =>
    JSON.stringify({
      Type: (r as { Type?: unknown })?.Type,
      Properties: (r as { Properties?: unknown })?.Properties ?? {},
    });
  return [...local]
    .filter(
      ([id, i]) =>
        i.impact !== 'none' &&
        (i.impact !== 'update' || definition(deployed.Resources?.[id]) !== definition(next.Resources?.[id])),
    )
    .map(([id]) => id)
    .sort();
}

/**
 * Whether a deployed stack already is what this deploy would make: the same template, parameter
 * values and tags (as the CDK decides). Then no change set is created at all.
 */
export function unchanged(
  stack: Stack,
  deployed: object,
  request: Pick<StackDeployRequest, 'body' | 'parameters' | 'tags'>,
): boolean {
  if (!/^(CREATE|UPDATE|IMPORT)_COMPLETE$|^UPDATE_ROLLBACK_COMPLETE$/.test(stack.StackStatus ?? '')) return false;
  if (JSON.stringify(deployed) !== JSON.stringify(JSON.parse(request.body))) return false;
  const parameters = new Map(
    (stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ResolvedValue ?? p.ParameterValue]),
  );
  const declared = new Map((stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
  if (Object.entries(request.parameters).some(([k, v]) => declared.get(k) !== v && parameters.get(k) !== v))
    return false;
  const tags = new Map((stack.Tags ?? []).map((t) => [t.Key, t.Value]));
  return (
    tags.size === Object.keys(request.tags).length && Object.entries(request.tags).every(([k, v]) => tags.get(k) === v)
  );
}

async function ensurePolicy(clients: Clients, stackName: string, reporter: Reporter): Promise<void> {
  const { StackPolicyBody } = await clients.cfn.send(new GetStackPolicyCommand({ StackName: stackName }));
  if (StackPolicyBody && JSON.stringify(JSON.parse(StackPolicyBody)) === JSON.stringify(stackPolicy())) return;
  (await protect(clients, stackName)).forEach(reporter.info);
}

/** gen's own change sets that were never executed (a killed run, --no-execute): stale by now. */
async function dropStaleChangeSets(clients: Clients, stackName: string, reporter: Reporter): Promise<void> {
  const { Summaries = [] } = await clients.cfn.send(new ListChangeSetsCommand({ StackName: stackName }));
  for (const summary of Summaries) {
    // (moto lists every stack's change sets here: only this stack's are looked at.)
    if (
      summary.StackName !== stackName ||
      !summary.ChangeSetName?.startsWith('gen-') ||
      !summary.ChangeSetId ||
      /^EXECUTE_/.test(summary.ExecutionStatus ?? '') ||
      summary.ExecutionStatus === 'OBSOLETE'
    )
      continue;
    reporter.info(`${stackName}: deleting change set ${summary.ChangeSetName}, left unexecuted by an earlier run`);
    await deleteChangeSet(clients, stackName, summary.ChangeSetId);
  }
}

async function untilGone(clients: Clients, stackName: string, timeoutMs: number): Promise<StackState> {
  const deadline = Date.now() + timeoutMs;
  const wait = backoff(200, 3000);
  for (;;) {
    const state = await describeStack(clients, stackName);
    if (!state.exists || state.status === 'DELETE_COMPLETE') return { exists: false };
    if (Date.now() > deadline)
      throw new Error(
        `stack ${stackName} is still ${state.status} after ${Math.round(timeoutMs / 1000)} s; try again when it is gone`,
      );
    await wait();
  }
}

/** Change sets this process made and has not executed or deleted yet; a signal handler cleans them up (interrupt()). */
interface Pending {
  stackName: string;
  /** The clients of the stack's region (a stack may deploy outside the environment's region). */
  clients: Clients;
  id: string;
  shell: boolean;
  executing?: boolean;
}
const inFlight = new Set<Pending>();
/** Set by interrupt(): no further change set is created or executed by this process. */
let stopped = false;

export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

/**
 * After SIGINT or SIGTERM: delete the change sets not executed yet (and the empty stacks that
 * CREATE change sets made). An execution already started is CloudFormation's to finish; it is
 * left alone and the next deploy waits for it. Returns what it did, a line per stack.
 */
export async function interrupt(): Promise<string[]> {
  stopped = true;
  const lines: string[] = [];
  for (const pending of [...inFlight]) {
    inFlight.delete(pending);
    if (pending.executing) {
      lines.push(
        `${pending.stackName}: its change set was executing; CloudFormation carries on with it (the next deploy waits for it to finish)`,
      );
      continue;
    }
    try {
      if (pending.shell) await pending.clients.cfn.send(new DeleteStackCommand({ StackName: pending.stackName }));
      else await deleteChangeSet(pending.clients, pending.stackName, pending.id);
      lines.push(
        `${pending.stackName}: change set deleted before execution; the stack is as it was${pending.shell ? ' (it did not exist: nothing was created)' : ''}`,
      );
    } catch (e) {
      lines.push(
        `${pending.stackName}: could not delete change set ${pending.id} (${(e as Error).message.split('\n')[0]}); the next deploy deletes it`,
      );
    }
  }
  return lines;
}

export async function outputsOf(clients: Clients, stackName: string): Promise<Record<string, string>> {
  const { Stacks } = await clients.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue ?? '']));
}

export async function deployStack(
  clients: Clients,
  request: StackDeployRequest,
  reporter: Reporter,
): Promise<StackResult> {
  const { stackName } = request;
  let state = await waitForIdle(clients, stackName, reporter.info, request.waitTimeoutMs);
  if (state.exists && state.status === 'ROLLBACK_COMPLETE') {
    // A first creation that failed and rolled back holds no resources; CloudFormation only lets it be deleted.
    reporter.info(`${stackName} failed to create earlier and holds nothing: deleting it before trying again`);
    await clients.cfn.send(new DeleteStackCommand({ StackName: stackName }));
    state = await waitForIdle(clients, stackName, reporter.info, request.waitTimeoutMs, 2000);
  }
  if (state.exists && isEmptyShell(state)) {
    // An empty shell (a CREATE change set never executed: a run killed or stopped before executing)
    // holds nothing; a new CREATE change set next to it would wait on it, so it goes first.
    reporter.info(`${stackName}: removing the empty stack left by an earlier run that never executed its change set`);
    await clients.cfn.send(new DeleteStackCommand({ StackName: stackName }));
    state = await waitForIdle(clients, stackName, reporter.info, request.waitTimeoutMs, 500);
    if (state.exists && state.status !== 'DELETE_COMPLETE')
      state = await untilGone(clients, stackName, request.waitTimeoutMs);
  }
  const current = state.exists && !isEmptyShell(state) ? state.stack : undefined;
  const updating = current !== undefined;
  const deployed = updating ? await deployedTemplate(clients, stackName) : {};
  if (updating) await dropStaleChangeSets(clients, stackName, reporter);
  if (current && !request.force && unchanged(current, deployed, request)) {
    // A stack policy loosened by a run that was killed mid-execution is set back even so.
    if (request.protected) await ensurePolicy(clients, stackName, reporter);
    reporter.info(`${stackName}: no changes (same template, parameters and tags as deployed)`);
    return {
      stackName,
      result: 'no-changes',
      outputs: Object.fromEntries((current.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue ?? ''])),
    };
  }
  // A CREATE change set makes an empty stack shell; if we stop before executing, remove it so nothing is left behind.
  const dropShell = async () => {
    if (!updating) await clients.cfn.send(new DeleteStackCommand({ StackName: stackName }));
  };
  const local = await localImpacts(deployed, JSON.parse(request.body));
  if (stopped) throw new Interrupted(`${stackName}: interrupted`);
  const changeSet = await createChangeSet(clients, {
    stackName,
    type: updating ? 'UPDATE' : 'CREATE',
    template: request.template,
    tags: request.tags,
    parameters: request.parameters,
  });
  const pendingChangeSet: Pending = { stackName, clients, id: changeSet.id, shell: !updating };
  inFlight.add(pendingChangeSet);
  if (stopped) {
    inFlight.delete(pendingChangeSet);
    await deleteChangeSet(clients, stackName, changeSet.id).catch(() => {});
    await dropShell().catch(() => {});
    throw new Interrupted(`${stackName}: interrupted`);
  }
  try {
    return await reviewAndExecute();
  } finally {
    inFlight.delete(pendingChangeSet);
  }

  async function reviewAndExecute(): Promise<StackResult> {
    if (changeSet.kind === 'empty') {
      await deleteChangeSet(clients, stackName, changeSet.id);
      await dropShell();
      // gen's own diff is not overruled by an empty change set: when they disagree, nothing is trusted.
      const pending = realChanges(deployed, JSON.parse(request.body), local);
      if (pending.length > 0) {
        return {
          stackName,
          result: 'failed',
          reason: [
            `the endpoint reports no changes, but gen's template diff finds ${pending.length} changed resource${pending.length === 1 ? '' : 's'} (${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ', ...' : ''}); nothing was executed.`,
            `  The endpoint did not take the new template as a change: the deployed stack may not be what gen last deployed, or the endpoint ignores part of the template.`,
            `  Run 'gen diff' to see the differences, and check the stack in the CloudFormation console (or restart a local endpoint: gen local stop).`,
          ].join('\n'),
        };
      }
      reporter.info(`${stackName}: no changes`);
      return { stackName, result: 'no-changes', outputs: updating ? await outputsOf(clients, stackName) : {} };
    }
    if (changeSet.kind === 'failed') {
      await deleteChangeSet(clients, stackName, changeSet.id);
      await dropShell();
      return { stackName, result: 'failed', reason: `change set failed: ${changeSet.reason}` };
    }
    reporter.info(formatChanges(stackName, changeLines(changeSet.changes, local)));

    const allowed = new Set(request.allowReplace);
    const blocked = refused(dangerousChanges(changeSet.changes, local), allowed);
    if (blocked.length > 0) {
      await deleteChangeSet(clients, stackName, changeSet.id);
      await dropShell();
      return { stackName, result: 'refused', reason: blocked.map((d) => refusalMessage(d, allowed)).join('\n') };
    }
    if (!request.execute) {
      reporter.info(`${stackName}: reviewed only (--no-execute); change set ${changeSet.id} left for inspection`);
      return { stackName, result: 'reviewed', outputs: {} };
    }
    if (request.protected && !request.approve) {
      const answer = await reporter.confirm(`${stackName} is in a protected environment. Apply these changes?`);
      if (answer !== true) {
        await deleteChangeSet(clients, stackName, changeSet.id);
        await dropShell();
        return {
          stackName,
          result: 'not-approved',
          reason:
            answer === undefined
              ? 'protected environment: pass --approve to deploy without a terminal (nothing was executed)'
              : 'not approved (nothing was executed)',
        };
      }
    }
    // The stack policy is loosened for the resources named with --allow-replace for this execution
    // only, and set back whatever happens: success, failure, or an error on the way.
    if (request.protected && updating) (await protect(clients, stackName, request.allowReplace)).forEach(reporter.info);
    let outcome: Awaited<ReturnType<typeof executeChangeSet>> | undefined;
    try {
      await request.beforeExecute?.();
      if (stopped) throw new Interrupted(`${stackName}: interrupted`);
      pendingChangeSet.executing = true;
      outcome = await executeChangeSet(clients, stackName, changeSet.id, reporter.progress);
    } finally {
      reporter.done();
      if (request.protected && (updating || outcome?.ok)) {
        try {
          (await protect(clients, stackName)).forEach(reporter.info);
        } catch (e) {
          reporter.info(
            `WARNING: ${stackName}: could not set its stack policy back (${(e as Error).message.split('\n')[0]}); deploy again to set it`,
          );
        }
      }
    }
    if (!outcome.ok) {
      return {
        stackName,
        result: 'failed',
        reason: [`ended in ${outcome.status}`, ...outcome.failures.map((f) => `  ${f}`)].join('\n'),
      };
    }
    reporter.info(`${stackName}: ${outcome.status}`);
    return { stackName, result: 'deployed', outputs: await outputsOf(clients, stackName) };
  }
}
