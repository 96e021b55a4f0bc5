/**
 * GEN703: a key policy that would lock every IAM principal out of changing it. KMS refuses such a
 * policy ("The new key policy will not allow you to update the key policy in the future": the
 * policy lockout safety check, KMS API Reference, PutKeyPolicy and CreateKey,
 * BypassPolicyLockoutSafetyCheck), so the create or update fails on AWS; the local endpoint keeps it.
 * A policy passes when one statement allows kms:PutKeyPolicy (or kms:*) to an AWS principal.
 */
import { isTrue, statementsOf, type CfnResource } from '../../rules/rule.js';
import { same, type UpdateRule } from './rule.js';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function letsSomeoneAdminister(policy: unknown): boolean {
  return statementsOf(policy).some((s) => {
    if (s?.Effect !== 'Allow') return false;
    const actions = list(s.Action).map((a) => (typeof a === 'string' ? a.toLowerCase() : ''));
    if (!actions.some((a) => a === '*' || a === 'kms:*' || a === 'kms:putkeypolicy' || a === 'kms:put*')) return false;
    const principal = s.Principal;
    return principal === '*' || (principal && typeof principal === 'object' && 'AWS' in principal);
  });
}

const lockedOut = (key: CfnResource) =>
  !isTrue(key.Properties?.BypassPolicyLockoutSafetyCheck) &&
  key.Properties?.KeyPolicy !== undefined &&
  !letsSomeoneAdminister(key.Properties.KeyPolicy);

export const kmsKeyPolicyLockout: UpdateRule = {
  code: 'GEN703',
  title: 'a KMS key policy that lets no IAM principal change it again (KMS refuses it)',
  source: 'KMS API Reference, PutKeyPolicy: the policy lockout safety check',
  check: ({ deployed, next }) =>
    Object.entries(next.Resources ?? {}).flatMap(([logicalId, key]) => {
      if (key.Type !== 'AWS::KMS::Key' || !lockedOut(key)) return [];
      const before = deployed.Resources?.[logicalId];
      if (before && same(before.Properties?.KeyPolicy, key.Properties?.KeyPolicy)) return [];
      return [
        {
          code: 'GEN703',
          severity: 'error',
          logicalId,
          message: `the key policy of ${logicalId} allows no AWS principal kms:PutKeyPolicy: KMS refuses a policy that would lock everyone out of changing it (the policy lockout safety check), so the ${before ? 'update' : 'creation'} fails on AWS`,
          fix: 'keep a statement that allows the account (Principal AWS: arn:aws:iam::<account>:root) kms:* on the key, as gen writes by default',
        },
      ];
    }),
};
