/**
 * What the edge needs in buckets' policies: CloudFront (this distribution only) reads the site's
 * bucket, a statement that moves the bucket's policy to the edge layer, after the distribution
 * exists, since it names the distribution's id; CloudWatch Logs (this delivery source only) writes
 * the access logs into the logs bucket, named by a deterministic ARN, so that policy stays put.
 */
import { sub } from '../../output/cfn.js';
import { projectOf } from '../project/model.js';
import type { CompileContext, PolicyGrant } from '../section.js';
import { distributionArn, EDGE_LAYER } from './context.js';
import { edgeOf } from './model.js';
import { logsSourceArn } from './site-logs.js';

export function edgeGrants({ spec, env }: CompileContext): PolicyGrant[] {
  const site = edgeOf(spec)?.value.site;
  const project = projectOf(spec)?.value.name;
  if (!site || project === undefined) return [];
  return [
    {
      section: 'buckets',
      name: site.bucket,
      sid: 'site-distribution-reads',
      service: 'cloudfront.amazonaws.com',
      actions: ['s3:GetObject'],
      sourceArn: sub(distributionArn()),
      layer: EDGE_LAYER.name,
    },
    ...(site.logs !== undefined
      ? [
          {
            section: 'buckets',
            name: site.logs,
            sid: 'site-access-logs',
            service: 'delivery.logs.amazonaws.com',
            actions: ['s3:PutObject'],
            sourceArn: sub(logsSourceArn(env.name, project)),
          },
        ]
      : []),
  ];
}
