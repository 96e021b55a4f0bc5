/**
 * edge -> per environment: the hosted zone (zone.ts), the CloudFront site (site.ts, with its
 * certificate, records and logs) and the API's custom domain (api-domain.ts). Each part returns
 * its resources; this file only checks the environment's names and puts the parts together.
 */
import { fragment, type Fragment } from '../../output/fragment.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { apiDomainResources } from './api-domain.js';
import type { EdgeContext } from './context.js';
import { checkDomains } from './domains.js';
import { edgeOf, zoneIn } from './model.js';
import { routesOf } from '../routes/model.js';
import { ids } from '../../naming/ids.js';
import { compileFirewall } from './firewall/compile.js';
import { siteResources } from './site.js';
import { hostedZone, nameServersOutput } from './zone.js';

export function compileEdge(ctx: CompileContext): Fragment {
  const { spec, env } = ctx;
  const edge = edgeOf(spec)?.value;
  const project = projectOf(spec)?.value;
  const zone = edge && zoneIn(edge, env.name);
  // No zone for this environment: the check reports it (GEN391).
  if (!edge || !project || !zone) return fragment([]);
  const diagnostics = checkDomains(edge, env);
  if (diagnostics.length > 0) return { ...fragment([]), diagnostics };
  const e: EdgeContext = { edge, env, project, zone };
  // The site's ACL joins the distribution's group: its WebACLId reads the ACL's ARN (site.ts).
  const firewall = edge.firewall
    ? compileFirewall(ctx, edge.firewall, {
        ...(edge.site ? { site: { group: ids.siteDistribution() } } : {}),
        api: edge.api && routesOf(spec).items.length > 0,
      })
    : [];
  return fragment([...hostedZone(e), ...siteResources(e), ...apiDomainResources(e), ...firewall], nameServersOutput(e));
}
