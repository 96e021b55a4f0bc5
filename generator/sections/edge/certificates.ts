/**
 * Certificates derived from domain.*: DNS-validated through the zone (ACM writes its validation
 * record there itself when DomainValidationOptions names the zone), so a stack waits until the
 * record resolves: on a zone just created, until its name servers are delegated.
 */
import type { PlacedResource } from '../../output/fragment.js';
import { type EdgeContext, zoneId } from './context.js';

export function certificate(e: EdgeContext, layer: string, logicalId: string, domain: string): PlacedResource {
  return {
    layer,
    logicalId,
    resource: {
      Type: 'AWS::CertificateManager::Certificate',
      Properties: {
        DomainName: domain,
        ValidationMethod: 'DNS',
        DomainValidationOptions: [{ DomainName: domain, HostedZoneId: zoneId(e.zone) }],
      },
    },
  };
}
