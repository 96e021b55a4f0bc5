/** Create a change set, wait for CloudFormation to compute it, and read what it would do. */
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  type Change,
} from '@aws-sdk/client-cloudformation';
import type { Clients } from './target.js';

export interface ChangeSetRequest {
  stackName: string;
  type: 'CREATE' | 'UPDATE' | 'IMPORT';
  template: { body: string } | { url: string };
  tags: Record<string, string>;
  parameters?: Record<string, string>;
  /** Parameters that keep the value the stack has (an import changes nothing else). */
  previousParameters?: string[];
  /** IMPORT: the existing resources to bring into the stack (adopt/import.ts). */
  resourcesToImport?: { ResourceType: string; LogicalResourceId: string; ResourceIdentifier: Record<string, string> }[];
}

/** Stack tags in CloudFormation's shape. */
export const stackTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export type ChangeSetResult =
  | { kind: 'changes'; id: string; changes: Change[] }
  | { kind: 'empty'; id: string }
  | { kind: 'failed'; id: string; reason: string };

/** CloudFormation's ways of saying "nothing to do". */
const NO_CHANGES =
  /didn't contain changes|No updates are to be performed|submitted information didn't contain changes/i;

/**
 * Poll delays: short at first (a small change set is ready in well under a second), then
 * growing to `maxMs` so a long wait on AWS does not hammer the API (or hit its throttling).
 */
export function backoff(firstMs: number, maxMs: number): () => Promise<void> {
  let next = firstMs;
  return () =>
    new Promise((resolve) => {
      const delay = next;
      next = Math.min(maxMs, Math.round(next * 1.6));
      setTimeout(resolve, delay);
    });
}

export async function createChangeSet(
  clients: Clients,
  request: ChangeSetRequest,
  pollMs = 200,
): Promise<ChangeSetResult> {
  const wait = backoff(pollMs, Math.max(pollMs, 3000));
  const name = `gen-${Date.now()}`;
  const { Id } = await clients.cfn.send(
    new CreateChangeSetCommand({
      StackName: request.stackName,
      ChangeSetName: name,
      ChangeSetType: request.type,
      ...('body' in request.template ? { TemplateBody: request.template.body } : { TemplateURL: request.template.url }),
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      Tags: stackTags(request.tags),
      Parameters: [
        ...Object.entries(request.parameters ?? {}).map(([ParameterKey, ParameterValue]) => ({
          ParameterKey,
          ParameterValue,
        })),
        ...(request.previousParameters ?? []).map((ParameterKey) => ({ ParameterKey, UsePreviousValue: true })),
      ],
      Description: 'created by gen deploy',
      ...(request.resourcesToImport ? { ResourcesToImport: request.resourcesToImport } : {}),
    }),
  );
  const id = Id!;
  for (;;) {
    const changeSet = await clients.cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: id, StackName: request.stackName }),
    );
    if (changeSet.Status === 'FAILED') {
      const reason = changeSet.StatusReason ?? 'unknown reason';
      return NO_CHANGES.test(reason) ? { kind: 'empty', id } : { kind: 'failed', id, reason };
    }
    if (changeSet.Status === 'CREATE_COMPLETE') {
      const changes = [...(changeSet.Changes ?? [])];
      let next = changeSet.NextToken;
      while (next) {
        const page = await clients.cfn.send(
          new DescribeChangeSetCommand({ ChangeSetName: id, StackName: request.stackName, NextToken: next }),
        );
        changes.push(...(page.Changes ?? []));
        next = page.NextToken;
      }
      return changes.length === 0 ? { kind: 'empty', id } : { kind: 'changes', id, changes };
    }
    await wait();
  }
}

export async function deleteChangeSet(clients: Clients, stackName: string, id: string): Promise<void> {
  await clients.cfn.send(new DeleteChangeSetCommand({ ChangeSetName: id, StackName: stackName }));
}
