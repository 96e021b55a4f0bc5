/**
 * edge.firewall -> AWS WAF for one environment:
 * - the site: a CLOUDFRONT-scope web ACL in the edge-global layer (us-east-1, where CloudFront
 *   requires it), in the distribution's placement group: the distribution's WebACLId takes the
 *   ACL's ARN, which only GetAtt gives (the ARN ends in an id WAF generates), and GetAtt does not
 *   cross stacks;
 * - the API: a REGIONAL web ACL in the edge layer, associated with the API stage by ARN (the REST
 *   API's id arrives from the api layer's stack as a link parameter);
 * - per ACL, when logs are on, a log bucket and the logging configuration (logs.ts).
 */
import { ids, names, type FirewallScope } from '../../../naming/ids.js';
import { Fn, sub } from '../../../output/cfn.js';
import { inGroup, type PlacedResource } from '../../../output/fragment.js';
import { projectOf } from '../../project/model.js';
import { EDGE_GLOBAL_LAYER, EDGE_LAYER } from '../context.js';
import type { CompileContext } from '../../section.js';
import { aclLogging } from './logs.js';
import { onIn, type Firewall } from './model.js';
import { aclRules, visibility } from './rules.js';

/** What the firewall protects in this spec. */
export interface FirewallTargets {
  /** The site's CloudFront distribution: its placement group, which the site's ACL joins. */
  site?: { group: string };
  /** The REST API (routes) at the environment's API domain. */
  api?: boolean;
}

/** The site ACL's ARN, for the distribution's WebACLId (same stack: the ACL joins the distribution's group). */
export const siteWebAclArn = () => Fn.GetAtt(ids.webAcl('Site'), 'Arn');

function webAcl(ctx: CompileContext, firewall: Firewall, project: string, scope: FirewallScope) {
  const { env } = ctx;
  const name = names.webAcl(env.name, project, scope);
  return {
    Type: 'AWS::WAFv2::WebACL',
    Properties: {
      Name: name,
      Scope: scope === 'Site' ? 'CLOUDFRONT' : 'REGIONAL',
      Description: `${scope === 'Site' ? 'CloudFront distribution of the site' : 'API stage'}, ${env.name}`,
      DefaultAction: { Allow: {} },
      Rules: aclRules(
        {
          managedRules: firewall.managedRules,
          sqlInjection: onIn(firewall.sqlInjection, env.name),
          xss: onIn(firewall.xss, env.name),
          ...(firewall.rateLimit !== undefined ? { rateLimit: firewall.rateLimit } : {}),
        },
        name,
      ),
      VisibilityConfig: visibility(name),
    },
  };
}

function protect(
  ctx: CompileContext,
  firewall: Firewall,
  project: string,
  scope: FirewallScope,
  layer: string,
): PlacedResource[] {
  return [
    { layer, logicalId: ids.webAcl(scope), resource: webAcl(ctx, firewall, project, scope) },
    ...(firewall.logs ? aclLogging(ctx, project, scope, layer) : []),
  ];
}

/** The stage's ARN as WAF takes it: the API id by Ref (a parameter of this stack), the stage named after the environment. */
const stageArn = (env: string) =>
  sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${${ids.api()}}/stages/${env}`);

export function compileFirewall(ctx: CompileContext, firewall: Firewall, targets: FirewallTargets): PlacedResource[] {
  const project = projectOf(ctx.spec)?.value.name;
  if (project === undefined) return [];
  const site = targets.site
    ? inGroup(targets.site.group, protect(ctx, firewall, project, 'Site', EDGE_GLOBAL_LAYER.name))
    : [];
  const api = targets.api
    ? inGroup(ids.webAcl('Api'), [
        ...protect(ctx, firewall, project, 'Api', EDGE_LAYER.name),
        {
          layer: EDGE_LAYER.name,
          logicalId: ids.webAclAssociation('Api'),
          resource: {
            Type: 'AWS::WAFv2::WebACLAssociation',
            Properties: { WebACLArn: Fn.GetAtt(ids.webAcl('Api'), 'Arn'), ResourceArn: stageArn(ctx.env.name) },
          },
        },
      ])
    : [];
  return [...site, ...api];
}
