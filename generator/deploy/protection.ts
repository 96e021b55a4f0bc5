/**
 * Protected environments: termination protection on every stack, and a stack policy that makes
 * CloudFormation itself refuse to replace or delete stateful resources, as a second line behind
 * the guard (it also holds against changes made outside gen).
 */
import { SetStackPolicyCommand, UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import { STATEFUL_TYPES } from './guard.js';
import type { Clients } from './target.js';

export function stackPolicy(allowReplace: string[] = []) {
  return {
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'Update:*', Resource: '*' },
      {
        Effect: 'Deny', Principal: '*', Action: ['Update:Replace', 'Update:Delete'],
        // An explicit Deny beats any Allow, so resources named with --allow-replace are left out of it, for this one deploy.
        ...(allowReplace.length ? { NotResource: allowReplace.map((id) => `LogicalResourceId/${id}`) } : { Resource: '*' }),
        Condition: { StringEquals: { ResourceType: [...STATEFUL_TYPES] } },
      },
    ],
  };
}

export async function protect(clients: Clients, stackName: string, allowReplace: string[] = []): Promise<void> {
  await clients.cfn.send(new UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: true }));
  await clients.cfn.send(new SetStackPolicyCommand({ StackName: stackName, StackPolicyBody: JSON.stringify(stackPolicy(allowReplace)) }));
}
