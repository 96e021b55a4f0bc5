/**
 * The environment's artifact bucket, in its own stack, as `cdk bootstrap` does: made once per
 * account, region and environment; and the account's API Gateway logging role (bootstrap-account.ts),
 * made by the first environment bootstrapped in a region and left unchanged by the others.
 */
import { stableStringify } from '../output/stable-json.js';
import { accountStackName, accountTemplate } from './bootstrap-account.js';
import { answers } from './moto.js';
import { skippedLocally } from './moto-types.js';

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

/**
 * Deploys one of gen's own small stacks (bootstrap, account, GitHub roles): no parameters, never
 * protected, approved by the command that makes it.
 */
export async function bootstrapStackDeployer(
  clients: import('./target.js').Clients,
  reporter: import('./reporter.js').Reporter,
) {
  const { deployStack } = await import('./stack-deploy.js');
  return (stackName: string, body: string, tags: Record<string, string>) =>
    deployStack(
      clients,
      {
        stackName,
        body,
        template: { body },
        tags,
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

/**
 * Create or update the account stack, then the environment's bootstrap stack (its bucket is
 * retained even if the stack is deleted). A failure of the first stops before the second.
 */
export async function bootstrap(
  clients: import('./target.js').Clients,
  env: string,
  reporter: import('./reporter.js').Reporter,
) {
  const stack = await bootstrapStackDeployer(clients, reporter);
  if (clients.endpoint !== undefined && (await answers(clients.endpoint))) {
    const skipped = skippedLocally([JSON.parse(accountTemplate())]);
    reporter.info(
      `local endpoint: moto does not create ${skipped.map(([type, n]) => `${type} (${n})`).join(', ')}; its role is created, the account setting is checked by the template tests`,
    );
  }
  const account = await stack(accountStackName(), accountTemplate(), { ManagedBy: 'gen' });
  if ('reason' in account) return account;
  return stack(bootstrapStackName(env), bootstrapTemplate(env), { Environment: env, ManagedBy: 'gen' });
}
