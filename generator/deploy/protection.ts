/**
 * Protected environments: termination protection on every stack, and a stack policy that makes
 * CloudFormation itself refuse to replace or delete stateful resources, as a second line behind
 * the guard (it also holds against changes made outside gen).
 */
import { SetStackPolicyCommand, UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import { DATA_TYPES } from './stateful.js';
import type { Clients } from './target.js';

export function stackPolicy(allowReplace: string[] = [], stateful: ReadonlySet<string> = DATA_TYPES) {
  return {
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'Update:*', Resource: '*' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: ['Update:Replace', 'Update:Delete'],
        // An explicit Deny beats any Allow, so resources named with --allow-replace are left out of it, for this one deploy.
        ...(allowReplace.length
          ? { NotResource: allowReplace.map((id) => `LogicalResourceId/${id}`) }
          : { Resource: '*' }),
        Condition: { StringEquals: { ResourceType: [...stateful] } },
      },
    ],
  };
}

/**
 * An endpoint that does not implement an action answers with an HTML page instead of an AWS
 * error (moto does, for UpdateTerminationProtection). Real refusals (AccessDenied, ...) are
 * proper AWS errors and are never swallowed.
 */
const notImplemented = (e: unknown) =>
  (e as Error).name === 'EndpointResponseError' ||
  /XML parse error|Deserialization error|not (yet )?implemented/i.test(String((e as Error).message));

/** Returns warnings for protections the endpoint cannot apply. */
export async function protect(clients: Clients, stackName: string, allowReplace: string[] = []): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (e) {
      if (!notImplemented(e)) throw e;
      warnings.push(`${stackName}: this endpoint cannot set ${what}; it is set on AWS`);
    }
  };
  await attempt('termination protection', () =>
    clients.cfn.send(
      new UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: true }),
    ),
  );
  await attempt('a stack policy', () =>
    clients.cfn.send(
      new SetStackPolicyCommand({ StackName: stackName, StackPolicyBody: JSON.stringify(stackPolicy(allowReplace)) }),
    ),
  );
  return warnings;
}
