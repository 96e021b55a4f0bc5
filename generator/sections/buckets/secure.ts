/**
 * What every bucket gen writes has, whoever owns it (the buckets section, the firewall's log
 * buckets): versioned, encrypted (SSE-S3), closed to the public, owned by the bucket owner (no
 * ACLs), kept when the environment is protected; its policy starts by refusing plain HTTP.
 * These are rule GEN-P3's settings, so a section writing a bucket here cannot miss one.
 */
import { keptWhenProtected, sub } from '../../output/cfn.js';
import { S3Bucket } from './cfn.js';

/** The bucket under its physical name (an Fn::Sub text), with the section's own properties after the secure ones. */
export const secureBucket = (physicalName: string, isProtected: boolean, properties: Record<string, unknown>) =>
  Object.assign(
    new S3Bucket({
      BucketName: sub(physicalName) as never,
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      ...properties,
    } as never),
    keptWhenProtected(isProtected),
  );

/** The first statement of every bucket policy: no request without TLS, from anyone, on the bucket and its objects. */
export const denyInsecureTransport = (resources: unknown[]) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: resources,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
