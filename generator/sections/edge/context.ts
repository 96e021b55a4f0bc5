/** What every part of the edge's compile step needs for one environment. */
import type { Environment } from '../../environment/model.js';
import { Fn } from '../../output/cfn.js';
import { ids } from '../../naming/ids.js';
import type { Project } from '../project/model.js';
import type { LayerSpec } from '../section.js';
import type { Edge, ZoneChoice } from './model.js';

/** CloudFront's certificate (and a CLOUDFRONT-scope web ACL) must live in us-east-1. */
export const EDGE_GLOBAL_LAYER: LayerSpec = {
  name: 'edge-global',
  after: 'api',
  region: 'us-east-1',
  purpose: "the hosted zone, the site's certificate and CloudFront distribution and their alias records (us-east-1)",
};
export const EDGE_LAYER: LayerSpec = {
  name: 'edge',
  after: 'edge-global',
  purpose: "the API's certificate, custom domain, base path mapping and alias record; the site bucket's policy",
};

export interface EdgeContext {
  edge: Edge;
  env: Environment;
  project: Project;
  zone: ZoneChoice;
}

/** Output of the zone's stack and parameter of later stacks: the id of the hosted zone gen creates. */
export const ZONE_ID_OUTPUT = 'HostedZoneId';
/** Likewise for the distribution, whose id the site bucket's policy names. */
export const DISTRIBUTION_ID_OUTPUT = 'SiteDistributionId';

/** The hosted zone's id: a Ref of the one gen creates, or the id the spec gives. */
export const zoneId = (zone: ZoneChoice) => ('create' in zone ? Fn.Ref(ids.hostedZone()) : zone.id);

/** The distribution's ARN, by Fn::Sub text (its id is a Ref; a later stack gets it as a parameter). */
export const distributionArn = () =>
  `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${ids.siteDistribution()}}`;
