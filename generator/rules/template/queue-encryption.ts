/**
 * GEN-G1, guardrail (breadth.md §3.14 G1). Why: messages often carry the same data as the tables
 * they feed, so they are encrypted at rest like the tables: with SQS-managed keys
 * (SqsManagedSseEnabled: true, SSE-SQS) or a KMS key (KmsMasterKeyId, SSE-KMS, for a key policy of
 * the project's own). SQS turns SSE-SQS on for new queues by default, but the template is what is
 * reviewed, deployed to other accounts and linted, so the choice is written down. SQS allows only
 * one of the two per queue: a template setting both fails to deploy, so that is reported as well.
 */
import { isTrue, resourcesOf, type Rule } from '../rule.js';

export const queueEncryption: Rule = {
  id: 'GEN-G1',
  name: 'queue-encryption',
  scope: 'stack',
  title: 'SQS queue encryption',
  description: 'Every queue is encrypted at rest: SqsManagedSseEnabled: true or a KmsMasterKeyId, not both.',
  fix: 'set SqsManagedSseEnabled: true, or KmsMasterKeyId to a KMS key (and leave SqsManagedSseEnabled unset)',
  check: (template) =>
    resourcesOf(template, 'AWS::SQS::Queue').flatMap(([id, r]) => {
      const sqsManaged = isTrue(r.Properties?.SqsManagedSseEnabled);
      const kms = !!r.Properties?.KmsMasterKeyId;
      if (sqsManaged && kms)
        return [
          {
            resource: id,
            message: 'sets both SqsManagedSseEnabled and KmsMasterKeyId; SQS takes one encryption option',
          },
        ];
      return sqsManaged || kms
        ? []
        : [{ resource: id, message: 'is not encrypted (neither SqsManagedSseEnabled nor KmsMasterKeyId)' }];
    }),
};
