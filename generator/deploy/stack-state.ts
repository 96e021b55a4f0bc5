/** What CloudFormation currently holds for a stack, and waiting out work already in progress. */
import { DescribeStacksCommand, GetTemplateCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { Clients } from './target.js';

export type StackState = { exists: false } | { exists: true; status: string; stack: Stack };

export async function describeStack(clients: Clients, stackName: string): Promise<StackState> {
  try {
    const { Stacks } = await clients.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks?.[0];
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') return { exists: false };
    return { exists: true, status: stack.StackStatus!, stack };
  } catch (e) {
    if (/does not exist/.test((e as Error).message)) return { exists: false };
    throw e;
  }
}

/** A stack created by a change set that was never executed holds no resources yet. */
export const isEmptyShell = (state: StackState) => state.exists && state.status === 'REVIEW_IN_PROGRESS';

export const inProgress = (status: string) => status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';

/** Wait while another deploy works on the stack; never start a change on top of one. */
export async function waitForIdle(
  clients: Clients,
  stackName: string,
  say: (line: string) => void,
  timeoutMs: number,
  pollMs = 5000,
): Promise<StackState> {
  const deadline = Date.now() + timeoutMs;
  let state = await describeStack(clients, stackName);
  let told = false;
  while (state.exists && inProgress(state.status)) {
    if (Date.now() > deadline)
      throw new Error(
        `stack ${stackName} is still ${state.status} after ${Math.round(timeoutMs / 1000)} s; try again when it has finished`,
      );
    if (!told) {
      say(`${stackName} is ${state.status}: waiting for it to finish before changing anything`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, pollMs));
    state = await describeStack(clients, stackName);
  }
  return state;
}

export async function deployedTemplate(
  clients: Clients,
  stackName: string,
): Promise<{ Resources?: Record<string, unknown> }> {
  const { TemplateBody } = await clients.cfn.send(
    new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
  );
  if (!TemplateBody) return {};
  return typeof TemplateBody === 'string' ? JSON.parse(TemplateBody) : TemplateBody;
}
