/** The network in `gen graph`: the VPC, a node per zone with its subnet ranges, a node per endpoint. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { planSubnets } from './addressing.js';
import { endpointType } from './endpoints.js';
import { networkOf } from './model.js';
import { zonesOf } from './zones.js';

export function networkGraph(spec: Spec, env: Environment): GraphPart {
  const network = networkOf(spec)?.value;
  if (!network) return { layer: 'network', nodes: [], edges: [] };
  const { subnets } = planSubnets(env, network.internet, zonesOf(env).zones);
  const vpc = graphNode('network', 'vpc');
  const nat = env.network.singleNatGateway ? 'one NAT gateway' : 'a NAT gateway per zone';
  const zone = (key: string) => graphNode('network', `zone-${key}`);
  const endpoint = (service: string) => graphNode('network', `endpoint-${service}`);
  return {
    layer: 'network',
    nodes: [
      `${vpc}[(${quote(`VPC ${env.network.cidr}<br/>${network.internet === 'nat' ? `internet through ${nat}` : 'no internet'}`)})]`,
      ...subnets.map(
        (s) =>
          `${zone(s.zone.key)}[${quote([s.zone.label, `private ${s.private}`, ...(s.public ? [`public ${s.public}`] : [])].join('<br/>'))}]`,
      ),
      ...network.endpoints.map(
        (service) =>
          `${endpoint(service)}{{${quote(`${service} endpoint<br/>${endpointType(service).toLowerCase()}`)}}}`,
      ),
    ],
    edges: [
      ...subnets.map((s) => `${vpc} --- ${zone(s.zone.key)}`),
      ...network.endpoints.map((service) => `${vpc} --- ${endpoint(service)}`),
    ],
  };
}
