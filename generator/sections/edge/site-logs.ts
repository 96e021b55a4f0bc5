/**
 * edge.site.logs -> CloudFront standard logging v2: a CloudWatch Logs delivery source (the
 * distribution's ACCESS_LOGS), an S3 delivery destination (a bucket of the spec) and the delivery
 * between them, all in us-east-1 beside the distribution, as CloudFront requires. Legacy logging
 * (DistributionConfig.Logging) would need ACLs on the bucket, which gen's buckets refuse
 * (BucketOwnerEnforced); v2 writes through the bucket's policy (grants.ts), to a bucket in any region.
 */
import { arns, ids, names } from '../../naming/ids.js';
import { Fn, sub } from '../../output/cfn.js';
import type { PlacedResource } from '../../output/fragment.js';
import { distributionArn, type EdgeContext } from './context.js';
import type { Site } from './model.js';

/** Where CloudFront's delivery source lives, whatever the environment's region. */
export const LOGS_SOURCE_REGION = 'us-east-1';

export const logsSourceName = (env: string, project: string) => names.site(env, project, 'site-access');

export const logsSourceArn = (env: string, project: string) =>
  `arn:\${AWS::Partition}:logs:${LOGS_SOURCE_REGION}:\${AWS::AccountId}:delivery-source:${logsSourceName(env, project)}`;

export function siteLogs(e: EdgeContext, site: Site, layer: string): PlacedResource[] {
  if (site.logs === undefined) return [];
  const name = logsSourceName(e.env.name, e.project.name);
  const bucket = names.bucket(e.env.name, e.project.name, site.logs);
  return [
    {
      layer,
      logicalId: ids.siteLogsSource(),
      resource: {
        Type: 'AWS::Logs::DeliverySource',
        Properties: { Name: name, LogType: 'ACCESS_LOGS', ResourceArn: sub(distributionArn()) },
      },
    },
    {
      layer,
      logicalId: ids.siteLogsDestination(),
      resource: {
        Type: 'AWS::Logs::DeliveryDestination',
        Properties: { Name: name, OutputFormat: 'json', DestinationResourceArn: sub(arns.bucket(bucket)) },
      },
    },
    {
      layer,
      logicalId: ids.siteLogsDelivery(),
      resource: {
        Type: 'AWS::Logs::Delivery',
        Properties: {
          DeliverySourceName: Fn.Ref(ids.siteLogsSource()),
          DeliveryDestinationArn: Fn.GetAtt(ids.siteLogsDestination(), 'Arn'),
        },
      },
    },
  ];
}
