/**
 * Where a web ACL logs: a bucket of its own in the ACL's region (the site's ACL lives in
 * us-east-1, the API's in the environment's region). WAF's documentation asks for a bucket in
 * the ACL's account named aws-waf-logs-*, and names us-east-1 for CloudFront ACLs' log groups and
 * Firehose streams; a bucket beside each ACL meets every such constraint without relying on
 * cross-region delivery. The bucket follows GEN-P3 (buckets/secure.ts) and keeps logs for the
 * environment's logRetentionDays.
 *
 * WAF delivers to S3 through CloudWatch Logs' log delivery (delivery.logs.amazonaws.com). Without
 * a policy admitting it, WAF would write one into the bucket itself, which CloudFormation would
 * then overwrite with ours: so ours admits it, from this account's log deliveries only, and the
 * logging configuration waits for the policy (DependsOn).
 */
import { arns, ids, names, type FirewallScope } from '../../../naming/ids.js';
import { Fn, sub } from '../../../output/cfn.js';
import type { PlacedResource } from '../../../output/fragment.js';
import { lifecycle } from '../../buckets/compile.js';
import { denyInsecureTransport, secureBucket } from '../../buckets/secure.js';
import type { CompileContext } from '../../section.js';

/** Headers that carry credentials (bearer tokens, session cookies): kept out of the logs. */
const REDACTED_HEADERS = ['authorization', 'cookie'];

function bucketPolicy(bucketName: string) {
  const arn = arns.bucket(bucketName);
  const fromThisAccount = {
    StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
    ArnLike: { 'aws:SourceArn': sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:*') },
  };
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport([sub(arn), sub(`${arn}/*`)]),
      {
        Sid: 'WafLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: sub(`${arn}/AWSLogs/\${AWS::AccountId}/*`),
        Condition: {
          ...fromThisAccount,
          StringEquals: { ...fromThisAccount.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
        },
      },
      {
        Sid: 'WafLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: sub(arn),
        Condition: fromThisAccount,
      },
    ],
  };
}

/** The log bucket, its policy and the ACL's logging configuration, in the ACL's layer. */
export function aclLogging(
  ctx: CompileContext,
  project: string,
  scope: FirewallScope,
  layer: string,
): PlacedResource[] {
  const { env } = ctx;
  const bucketName = names.firewallLogsBucket(env.name, project, scope);
  const retention = env.logRetentionDays;
  return [
    {
      layer,
      logicalId: ids.firewallLogsBucket(scope),
      // A deleted log file stays restorable (as an old version) for as long as logs are kept.
      resource: secureBucket(
        bucketName,
        env.protected,
        lifecycle({ expireAfterDays: retention, noncurrentVersionsExpireAfterDays: retention }, env.name),
      ),
    },
    {
      layer,
      logicalId: ids.firewallLogsBucketPolicy(scope),
      resource: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: Fn.Ref(ids.firewallLogsBucket(scope)), PolicyDocument: bucketPolicy(bucketName) },
      },
    },
    {
      layer,
      logicalId: ids.webAclLogging(scope),
      resource: {
        Type: 'AWS::WAFv2::LoggingConfiguration',
        DependsOn: [ids.firewallLogsBucketPolicy(scope)],
        Properties: {
          ResourceArn: Fn.GetAtt(ids.webAcl(scope), 'Arn'),
          LogDestinationConfigs: [sub(arns.bucket(bucketName))],
          RedactedFields: REDACTED_HEADERS.map((Name) => ({ SingleHeader: { Name } })),
        },
      },
    },
  ];
}
