/**
 * Resource policy documents built from grants (Section.grants): SQS and SNS keep one policy
 * document per queue or topic, so its owner writes every statement other sections ask for,
 * after a Deny of any request not made over TLS.
 */
import { pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byText } from '../../order.js';
import type { PolicyGrant } from '../section.js';

const SAME_ACCOUNT = () => sub('${AWS::AccountId}');

/** Refuse these actions on the resource to any request not made over TLS (sqs:* for a queue, sns:Publish for a topic). */
export const denyInsecureTransport = (action: string, resource: object) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: action,
  Resource: resource,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** One Allow per grant: the service principal, its actions, only from its source in this account. Sids are made unique. */
export function grantStatements(grants: PolicyGrant[], resource: object): object[] {
  const used = new Map<string, number>();
  return [...grants]
    .sort((a, b) => byText(a.sid, b.sid))
    .map((grant) => {
      const base = pascal(grant.sid) || 'Grant';
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      return {
        Sid: count === 1 ? base : `${base}${count}`,
        Effect: 'Allow',
        Principal: { Service: grant.service },
        Action: [...grant.actions].sort(byText),
        Resource: resource,
        Condition: {
          StringEquals: { 'aws:SourceAccount': SAME_ACCOUNT() },
          ArnLike: { 'aws:SourceArn': grant.sourceArn },
        },
      };
    });
}

/** The policy document of one queue or topic: TLS only for `denied`, plus the grants. */
export const policyDocument = (denied: string, grants: PolicyGrant[], resource: object) => ({
  Version: '2012-10-17',
  Statement: [denyInsecureTransport(denied, resource), ...grantStatements(grants, resource)],
});
