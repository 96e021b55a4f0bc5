/** The edge in `gen graph`: the site (-> its bucket) in edge-global, the API's domain (-> the API's box) in edge. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { EDGE_GLOBAL_LAYER, EDGE_LAYER } from './context.js';
import { firewallGraph } from './firewall/graph.js';
import { edgeOf } from './model.js';

export function edgeGraphs(spec: Spec, env: Environment): GraphPart[] {
  const edge = edgeOf(spec)?.value;
  if (!edge) return [];
  const site = edge.site;
  const name = env.domain.name ?? 'domain.name';
  const api = env.domain.api ?? 'domain.api';
  const firewall = edge.firewall;
  const siteAcl = firewall && site ? firewallGraph(firewall, env, 'site', graphNode('edge', 'site')) : undefined;
  const apiAcl = firewall && edge.api ? firewallGraph(firewall, env, 'api', 'api') : undefined;
  return [
    {
      layer: EDGE_GLOBAL_LAYER.name,
      nodes: site
        ? [`${graphNode('edge', 'site')}([${quote(`site https://${name}<br/>CloudFront`)}])`, ...(siteAcl?.nodes ?? [])]
        : [],
      edges: site
        ? [
            `${graphNode('edge', 'site')} -- ${quote('origin access control')} --> ${graphNode('buckets', site.bucket)}`,
            ...(site.logs
              ? [`${graphNode('edge', 'site')} -. ${quote('access logs')} .-> ${graphNode('buckets', site.logs)}`]
              : []),
            ...(siteAcl?.edges ?? []),
          ]
        : [],
    },
    {
      layer: EDGE_LAYER.name,
      nodes: edge.api
        ? [`${graphNode('edge', 'api')}([${quote(`API https://${api}`)}])`, ...(apiAcl?.nodes ?? [])]
        : [],
      // The api layer's box: Mermaid links to a subgraph by its id.
      edges: edge.api ? [`${graphNode('edge', 'api')} --> api`, ...(apiAcl?.edges ?? [])] : [],
    },
  ];
}
