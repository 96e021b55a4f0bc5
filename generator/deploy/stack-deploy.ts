/** Deploy one stack through a change set: review, guard, approval, execution, protection. */
import { DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { createChangeSet, deleteChangeSet } from './change-set.js';
import { executeChangeSet } from './execute.js';
import { dangerousChanges, refused } from './guard.js';
import { protect } from './protection.js';
import { localImpacts } from './replacements.js';
import type { Reporter } from './reporter.js';
import { deployedTemplate, isEmptyShell, waitForIdle } from './stack-state.js';
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
  /** Runs after approval, just before execution (the local endpoint's body import: local-rest-api.ts). */
  beforeExecute?: () => Promise<void>;
}

export type StackResult =
  | { stackName: string; result: 'no-changes' | 'deployed' | 'reviewed'; outputs: Record<string, string> }
  | { stackName: string; result: 'refused' | 'failed' | 'not-approved'; reason: string };

export async function outputsOf(clients: Clients, stackName: string): Promise<Record<string, string>> {
  const { Stacks } = await clients.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue ?? '']));
}

export async function deployStack(clients: Clients, request: StackDeployRequest, reporter: Reporter): Promise<StackResult> {
  const { stackName } = request;
  let state = await waitForIdle(clients, stackName, reporter.info, request.waitTimeoutMs);
  if (state.exists && state.status === 'ROLLBACK_COMPLETE') {
    // A first creation that failed and rolled back holds no resources; CloudFormation only lets it be deleted.
    reporter.info(`${stackName} failed to create earlier and holds nothing: deleting it before trying again`);
    await clients.cfn.send(new DeleteStackCommand({ StackName: stackName }));
    state = await waitForIdle(clients, stackName, reporter.info, request.waitTimeoutMs, 2000);
  }
  const updating = state.exists && !isEmptyShell(state);
  // A CREATE change set makes an empty stack shell; if we stop before executing, remove it so nothing is left behind.
  const dropShell = async () => { if (!updating) await clients.cfn.send(new DeleteStackCommand({ StackName: stackName })); };
  const deployed = updating ? await deployedTemplate(clients, stackName) : {};
  const local = await localImpacts(deployed, JSON.parse(request.body));
  const changeSet = await createChangeSet(clients, { stackName, type: updating ? 'UPDATE' : 'CREATE', template: request.template, tags: request.tags, parameters: request.parameters });
  if (changeSet.kind === 'empty') {
    await deleteChangeSet(clients, stackName, changeSet.id);
    await dropShell();
    reporter.info(`${stackName}: no changes`);
    return { stackName, result: 'no-changes', outputs: updating ? await outputsOf(clients, stackName) : {} };
  }
  if (changeSet.kind === 'failed') {
    await deleteChangeSet(clients, stackName, changeSet.id);
    await dropShell();
    return { stackName, result: 'failed', reason: `change set failed: ${changeSet.reason}` };
  }
  reporter.info(formatChanges(stackName, changeLines(changeSet.changes, local)));

  const blocked = refused(dangerousChanges(changeSet.changes, local), new Set(request.allowReplace));
  if (blocked.length > 0) {
    await deleteChangeSet(clients, stackName, changeSet.id);
    await dropShell();
    const reasons = blocked.map((d) => `refusing to ${d.action} ${d.logicalId} (${d.type}): ${d.why}; data would be lost. If that is intended, pass --allow-replace ${d.logicalId}`);
    return { stackName, result: 'refused', reason: reasons.join('\n') };
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
      return { stackName, result: 'not-approved', reason: answer === undefined
        ? 'protected environment: pass --approve to deploy without a terminal (nothing was executed)'
        : 'not approved (nothing was executed)' };
    }
  }
  if (request.protected && updating) (await protect(clients, stackName, request.allowReplace)).forEach(reporter.info);
  await request.beforeExecute?.();
  const outcome = await executeChangeSet(clients, stackName, changeSet.id, reporter.progress);
  reporter.done();
  if (!outcome.ok) {
    return { stackName, result: 'failed', reason: [`ended in ${outcome.status}`, ...outcome.failures.map((f) => `  ${f}`)].join('\n') };
  }
  if (request.protected) (await protect(clients, stackName)).forEach(reporter.info);
  reporter.info(`${stackName}: ${outcome.status}`);
  return { stackName, result: 'deployed', outputs: await outputsOf(clients, stackName) };
}
