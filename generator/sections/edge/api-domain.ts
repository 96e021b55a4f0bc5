/**
 * edge.api -> in the edge layer (the environment's region, where a regional API is): the API's
 * certificate, its API Gateway domain name (regional, TLS 1.2), the mapping of the whole domain to
 * the environment's stage, and the alias record. The REST API's id comes from the api stack as a
 * link parameter; the stage is named after the environment (routes section).
 */
import { ids } from '../../naming/ids.js';
import { Fn } from '../../output/cfn.js';
import { inGroup, type PlacedResource } from '../../output/fragment.js';
import { certificate } from './certificates.js';
import { EDGE_LAYER, type EdgeContext } from './context.js';
import { aliasRecord } from './records.js';

const LAYER = EDGE_LAYER.name;

export function apiDomainResources(e: EdgeContext): PlacedResource[] {
  if (!e.edge.api) return [];
  const api = e.env.domain.api!;
  const at = (logicalId: string) => ({ layer: LAYER, logicalId });
  return inGroup(ids.apiDomainName(), [
    certificate(e, LAYER, ids.apiCertificate(), api),
    {
      ...at(ids.apiDomainName()),
      resource: {
        Type: 'AWS::ApiGateway::DomainName',
        Properties: {
          DomainName: api,
          RegionalCertificateArn: Fn.Ref(ids.apiCertificate()),
          EndpointConfiguration: { Types: ['REGIONAL'] },
          SecurityPolicy: 'TLS_1_2',
        },
      },
    },
    {
      ...at(ids.apiBasePathMapping()),
      resource: {
        Type: 'AWS::ApiGateway::BasePathMapping',
        Properties: { DomainName: Fn.Ref(ids.apiDomainName()), RestApiId: Fn.Ref(ids.api()), Stage: e.env.name },
      },
    },
    // A only: a regional API Gateway domain name answers over IPv4 unless made dual-stack.
    aliasRecord(e, at(ids.apiRecord()), api, 'A', {
      dnsName: Fn.GetAtt(ids.apiDomainName(), 'RegionalDomainName'),
      zoneId: Fn.GetAtt(ids.apiDomainName(), 'RegionalHostedZoneId'),
    }),
  ]);
}
