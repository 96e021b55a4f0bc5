/** The environment's artifact bucket, in its own stack, as `cdk bootstrap` does: made once per account, region and environment. */
import { stableStringify } from '../output/stable-json.js';

export const bootstrapStackName = (env: string) => `gen-bootstrap-${env}`;
export const artifactBucketName = (env: string, account: string, region: string) =>
  `gen-artifacts-${env}-${account}-${region}`;

export function bootstrapTemplate(env: string): string {
  return (
    stableStringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: `gen artifact bucket for environment ${env}: function code and large templates`,
        Resources: {
          ArtifactBucket: {
            Type: 'AWS::S3::Bucket',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              BucketName: { 'Fn::Sub': `gen-artifacts-${env}-\${AWS::AccountId}-\${AWS::Region}` },
              VersioningConfiguration: { Status: 'Enabled' },
              BucketEncryption: {
                ServerSideEncryptionConfiguration: [
                  { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
                ],
              },
              PublicAccessBlockConfiguration: {
                BlockPublicAcls: true,
                BlockPublicPolicy: true,
                IgnorePublicAcls: true,
                RestrictPublicBuckets: true,
              },
              OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
              // Artifacts are content-addressed and immutable: old versions are only needed for rollbacks.
              LifecycleConfiguration: {
                Rules: [
                  { Id: 'expire-old-versions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
                  {
                    Id: 'abort-incomplete-uploads',
                    Status: 'Enabled',
                    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
                  },
                ],
              },
              Tags: [
                { Key: 'Environment', Value: env },
                { Key: 'ManagedBy', Value: 'gen' },
              ],
            },
          },
          ArtifactBucketPolicy: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: {
              Bucket: { Ref: 'ArtifactBucket' },
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'TlsOnly',
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: [{ 'Fn::GetAtt': ['ArtifactBucket', 'Arn'] }, { 'Fn::Sub': '${ArtifactBucket.Arn}/*' }],
                    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                  },
                ],
              },
            },
          },
        },
        Outputs: { ArtifactBucketName: { Value: { Ref: 'ArtifactBucket' } } },
      },
      2,
    ) + '\n'
  );
}

/** Create or update the bootstrap stack. Its bucket is retained even if the stack is deleted. */
export async function bootstrap(
  clients: import('./target.js').Clients,
  env: string,
  reporter: import('./reporter.js').Reporter,
) {
  const { deployStack } = await import('./stack-deploy.js');
  const body = bootstrapTemplate(env);
  return deployStack(
    clients,
    {
      stackName: bootstrapStackName(env),
      body,
      template: { body },
      tags: { Environment: env, ManagedBy: 'gen' },
      parameters: {},
      protected: false,
      approve: true,
      execute: true,
      allowReplace: [],
      waitTimeoutMs: 30 * 60_000,
    },
    reporter,
  );
}
