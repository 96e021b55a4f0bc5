/** The firewall in `gen graph`: one node per web ACL, in front of what it protects (nodes the edge section draws). */
import type { Environment } from '../../../environment/model.js';
import { quote } from '../../section.js';
import { onIn, type Firewall } from './model.js';

/** Mermaid node ids of the web ACLs. */
export const FIREWALL_NODES = { site: 'edge_firewall_site', api: 'edge_firewall_api' } as const;

/** What the ACL does in this environment, in a few words. */
function summary(firewall: Firewall, env: Environment): string {
  const parts = [
    ...firewall.managedRules,
    ...(firewall.rateLimit !== undefined ? [`${firewall.rateLimit} requests/5 min/IP`] : []),
    ...(onIn(firewall.sqlInjection, env.name) ? ['SQL injection'] : []),
    ...(onIn(firewall.xss, env.name) ? ['XSS'] : []),
    ...(firewall.logs ? ['logs to S3'] : []),
  ];
  return parts.join(', ');
}

/** The node of one ACL and its edge to the node it protects (`protects`: the distribution's or the API's node id). */
export function firewallGraph(firewall: Firewall, env: Environment, scope: 'site' | 'api', protects: string) {
  const node = FIREWALL_NODES[scope];
  const kind = scope === 'site' ? 'CLOUDFRONT, us-east-1' : 'REGIONAL, API stage';
  return {
    nodes: [`${node}{{${quote(`web ACL (${kind})<br/>${summary(firewall, env)}`)}}}`],
    edges: [`${node} -- filters --> ${protects}`],
  };
}
