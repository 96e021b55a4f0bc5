/** edge: the hosted zone, certificates, CloudFront site and API custom domain of each environment. */
import { ids } from '../../naming/ids.js';
import type { Section } from '../section.js';
import { checkEdge } from './check.js';
import { compileEdge } from './compile.js';
import { EDGE_GLOBAL_LAYER, EDGE_LAYER } from './context.js';
import { edgeGrants } from './grants.js';
import { edgeGraphs } from './graph.js';
import { edgeOf, normalizeEdge } from './model.js';
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
  // Rule findings on the distribution (GEN-G4: no web ACL without a firewall) point at edge.site,
  // those on a web ACL (GEN-G5: no logging) at edge.firewall.
  locate: (spec, logicalId) => {
    const entry = edgeOf(spec);
    const key =
      logicalId === ids.siteDistribution()
        ? 'site'
        : [ids.webAcl('Site'), ids.webAcl('Api')].includes(logicalId)
          ? 'firewall'
          : undefined;
    return entry && key ? { file: entry.file, path: [...entry.path, key], at: 'key' } : undefined;
  },
};
