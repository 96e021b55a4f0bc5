/** Alias records in the zone, each placed with its target (the distribution, the API's domain name). */
import type { PlacedResource } from '../../output/fragment.js';
import { type EdgeContext, zoneId } from './context.js';

/** The hosted zone id every CloudFront distribution's alias target has (Route 53 docs, AliasTarget). */
export const CLOUDFRONT_ZONE_ID = 'Z2FDTNDATAQYW2';

export function aliasRecord(
  e: EdgeContext,
  at: { layer: string; logicalId: string },
  name: string,
  type: 'A' | 'AAAA',
  target: { dnsName: unknown; zoneId: unknown },
): PlacedResource {
  return {
    ...at,
    resource: {
      Type: 'AWS::Route53::RecordSet',
      Properties: {
        HostedZoneId: zoneId(e.zone),
        Name: name,
        Type: type,
        AliasTarget: { DNSName: target.dnsName, HostedZoneId: target.zoneId, EvaluateTargetHealth: false },
      },
    },
  };
}
