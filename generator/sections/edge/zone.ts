/**
 * edge.zone: create -> the environment's Route 53 hosted zone for domain.name, in edge-global
 * (Route 53 is global; the site's records beside it). It holds records people and other systems
 * rely on, and a new zone gets new name servers (the delegation at the registrar breaks), so it is
 * stateful: kept when the environment is protected, never moved between stacks.
 */
import { ids } from '../../naming/ids.js';
import { Fn, keptWhenProtected } from '../../output/cfn.js';
import type { PlacedOutput, PlacedResource } from '../../output/fragment.js';
import { platformTags } from '../../output/tags.js';
import { EDGE_GLOBAL_LAYER, type EdgeContext, ZONE_ID_OUTPUT } from './context.js';

export function hostedZone(e: EdgeContext): PlacedResource[] {
  if (!('create' in e.zone)) return [];
  return [
    {
      layer: EDGE_GLOBAL_LAYER.name,
      logicalId: ids.hostedZone(),
      sharedAs: ZONE_ID_OUTPUT,
      sharedType: 'AWS::Route53::HostedZone::Id',
      resource: {
        Type: 'AWS::Route53::HostedZone',
        ...keptWhenProtected(e.env.protected),
        Properties: {
          Name: e.env.domain.name,
          HostedZoneConfig: {
            Comment: `${e.env.name} ${e.project.name}: delegate these name servers at the parent zone`,
          },
          // Route 53 takes tags under its own key, so output/tags.ts does not add them.
          HostedZoneTags: platformTags(e.project, e.env),
        },
      },
    },
  ];
}

/** The zone's name servers, which the user delegates to once (registrar or parent zone). */
export const nameServersOutput = (e: EdgeContext): PlacedOutput[] =>
  'create' in e.zone
    ? [
        {
          layer: EDGE_GLOBAL_LAYER.name,
          group: ids.hostedZone(),
          name: 'NameServers',
          description: `Name servers of ${e.env.domain.name}: delegate the domain to them once`,
          value: Fn.Join(',', Fn.GetAtt(ids.hostedZone(), 'NameServers') as never),
        },
      ]
    : [];
