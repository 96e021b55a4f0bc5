/** edge: the hosted zone, certificates, CloudFront site and API custom domain of each environment. */
import type { Section } from '../section.js';
import { checkEdge } from './check.js';
import { compileEdge } from './compile.js';
import { EDGE_GLOBAL_LAYER, EDGE_LAYER } from './context.js';
import { edgeGrants } from './grants.js';
import { edgeGraphs } from './graph.js';
import { normalizeEdge } from './model.js';
import { edgeSchema } from './schema.js';

export const edgeSection: Section = {
  key: 'edge',
  kind: 'single',
  schema: edgeSchema,
  normalize: normalizeEdge,
  check: checkEdge,
  compile: compileEdge,
  layers: [EDGE_GLOBAL_LAYER, EDGE_LAYER],
  // The zone (its records and delegation) and the firewall's log buckets (aws-waf-logs-*).
  statefulTypes: ['AWS::Route53::HostedZone', 'AWS::S3::Bucket'],
  grants: edgeGrants,
  graph: edgeGraphs,
};
