/**
 * A secret's resource policy: GetSecretValue is refused to every principal but the roles of the
 * functions that read the secret. Roles live in the app stack with names CloudFormation makes up,
 * and the data stack cannot refer to them (no exports), so each reading function's role gets an
 * IAM path of its own (names.rolePath) and the policy matches `role/<path>*` on aws:PrincipalArn,
 * which for a role session is the role's ARN, path included. A path is fixed when the role is
 * created, unlike a tag anyone allowed iam:TagRole could add. Nobody reads it: GetSecretValue is
 * refused to all. Writing the value (PutSecretValue) and managing the secret stay with IAM.
 */
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byText } from '../../order.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { projectOf } from '../project/model.js';
import { secretsOf } from './model.js';

/** The functions that read a secret (`secrets: {<name>: read}`) or rotate it, sorted. */
export const readersOf = (spec: Spec, secret: string): string[] => {
  const rotator = byName(secretsOf(spec), secret)?.value.rotation?.function;
  const readers = functionsOf(spec)
    .items.filter(({ value }) => (value.uses.secrets ?? []).some((r) => r.name === secret))
    .map((f) => f.name);
  return [...new Set([...readers, ...(rotator ? [rotator] : [])])].sort(byText);
};

export const secretPolicy = (spec: Spec, env: string, secret: string) =>
  policyReadBy(spec, env, readersOf(spec, secret));

/** The policy of a secret that only these functions' roles may read (the cache's AUTH token uses it too). */
export function policyReadBy(spec: Spec, env: string, readers: string[]) {
  const project = projectOf(spec)?.value.name ?? 'project';
  const deny = {
    Effect: 'Deny',
    Principal: '*',
    Action: 'secretsmanager:GetSecretValue',
    Resource: '*',
  };
  return {
    Version: '2012-10-17',
    Statement: [
      readers.length === 0
        ? { Sid: 'NobodyReads', ...deny }
        : {
            Sid: 'OnlyItsFunctionsRead',
            ...deny,
            Condition: {
              ArnNotLike: {
                'aws:PrincipalArn': readers.map((fn) => sub(arns.rolesUnder(names.rolePath(env, project, fn)))),
              },
            },
          },
    ],
  };
}
