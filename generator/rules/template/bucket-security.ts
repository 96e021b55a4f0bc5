/**
 * GEN-P3, design property 3, for every bucket but the one tagged Purpose=frontend-assets (the
 * design's exception). Why each part:
 * - Versioning (VersioningConfiguration.Status: Enabled; Suspended is not): an overwritten or
 *   deleted object can be restored.
 * - Default encryption: a ServerSideEncryptionConfiguration rule with ServerSideEncryptionByDefault
 *   and an SSEAlgorithm (AES256, aws:kms or aws:kms:dsse). CloudFormation accepts a rule without a
 *   default (only BucketKeyEnabled), which sets no encryption of its own, so that does not count.
 * - All four PublicAccessBlockConfiguration flags: with any one off, an ACL or a bucket policy can
 *   still make objects public. CloudFormation takes booleans written as "true" too.
 * - TLS only (breadth.md §3.6, a warning): a bucket policy statement that denies s3:* (or *) to any
 *   principal on the bucket and its objects when aws:SecureTransport is false, so no request travels
 *   unencrypted. The policy may be in another stack (a bucket has one policy, which the stack of the
 *   CloudFront distribution may own). It is a warning rather than an error because property 3 itself
 *   asks for versioning, encryption and blocked public access only; buckets gen writes always have it.
 */
import { textsOf } from '../arn.js';
import { environmentOf } from '../environment-view.js';
import { isTrue, resourcesOf, statementsOf, type Rule } from '../rule.js';

const BLOCK_ALL = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

const anyone = (principal: unknown) => principal === '*' || [(principal as any)?.AWS].flat().includes('*');

/** A Deny for every S3 action, to anyone, on the bucket and its objects, when the request is not over TLS. */
function deniesPlainHttp(s: any): boolean {
  if (s?.Effect !== 'Deny' || !anyone(s.Principal)) return false;
  if (![s.Action].flat().some((a) => a === '*' || a === 's3:*')) return false;
  const insecure = Object.entries(s.Condition ?? {})
    .filter(([op]) => /^Bool(IfExists)?$/.test(op))
    .flatMap(([, keys]) => Object.entries(keys as object))
    .some(
      ([key, value]) =>
        key.toLowerCase() === 'aws:securetransport' && [value].flat().some((v) => v === false || v === 'false'),
    );
  const resources = [s.Resource].flat().flatMap(textsOf);
  return (
    insecure &&
    resources.some((r) => r === '*' || r.endsWith('/*')) &&
    resources.some((r) => r === '*' || !r.includes('/'))
  );
}

export const bucketSecurity: Rule = {
  id: 'GEN-P3',
  name: 'bucket-security',
  property: 3,
  scope: 'environment',
  title: 'S3 bucket security configuration',
  description:
    'Every bucket (except one tagged Purpose=frontend-assets) has versioning, server-side encryption and all public access blocked; a bucket without a policy that denies requests without TLS is a warning.',
  fix: 'set VersioningConfiguration.Status: Enabled, a BucketEncryption rule, and all four PublicAccessBlockConfiguration flags',
  check: (template, context) => {
    const view = environmentOf(template, context);
    const policies = view.all('AWS::S3::BucketPolicy');
    return resourcesOf(template, 'AWS::S3::Bucket')
      .filter(
        ([, r]) => !(r.Properties?.Tags ?? []).some((t: any) => t.Key === 'Purpose' && t.Value === 'frontend-assets'),
      )
      .flatMap(([id, r]) => {
        const p = r.Properties ?? {};
        const encrypted = (p.BucketEncryption?.ServerSideEncryptionConfiguration ?? []).some(
          (rule: any) => rule?.ServerSideEncryptionByDefault?.SSEAlgorithm,
        );
        const tlsOnly = policies
          .filter(
            (policy) =>
              view.resolve(policy.resource.Properties?.Bucket, 'AWS::S3::Bucket', policy.stack)?.resource === r,
          )
          .some((policy) => statementsOf(policy.resource.Properties?.PolicyDocument).some(deniesPlainHttp));
        return [
          ...(p.VersioningConfiguration?.Status === 'Enabled'
            ? []
            : [{ resource: id, message: 'versioning is not enabled' }]),
          ...(encrypted ? [] : [{ resource: id, message: 'server-side encryption is not configured' }]),
          ...(BLOCK_ALL.every((f) => isTrue(p.PublicAccessBlockConfiguration?.[f]))
            ? []
            : [{ resource: id, message: 'public access is not fully blocked' }]),
          ...(tlsOnly
            ? []
            : [
                {
                  resource: id,
                  severity: 'warning' as const,
                  message: 'no bucket policy denies requests without TLS',
                  fix: 'add an AWS::S3::BucketPolicy statement: Effect Deny, Principal "*", Action s3:*, Resource the bucket and <bucket>/*, Condition Bool aws:SecureTransport "false"',
                },
              ]),
        ];
      });
  },
};
