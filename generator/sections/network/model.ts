import type { Spec } from '../../spec.js';
import { byName } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { singleOf } from '../section.js';

/** nat: public subnets, an internet gateway and NAT gateways give private functions a way out; none: endpoints only. */
export type Internet = 'nat' | 'none';

export interface Egress {
  port: number;
  to: string;
  protocol: 'tcp' | 'udp';
  description?: string;
}

export interface Network {
  internet: Internet;
  /** Endpoint services, sorted. */
  endpoints: string[];
  egress: Egress[];
}

export interface RawNetwork {
  internet?: Internet;
  endpoints?: string[];
  egress?: (Omit<Egress, 'protocol'> & { protocol?: Egress['protocol'] })[];
}

export function normalizeNetwork(raw: RawNetwork): Network {
  return {
    internet: raw.internet ?? 'nat',
    endpoints: [...(raw.endpoints ?? [])].sort(),
    egress: (raw.egress ?? []).map((e) => ({ ...e, protocol: e.protocol ?? 'tcp' })),
  };
}

/** The network block, when a spec file defines one. */
export const networkOf = (spec: Spec) => singleOf<Network>(spec, 'network');

/** Whether a function runs in the network's private subnets: the spec has a network and the function did not opt out. */
export const runsInNetwork = (spec: Spec, fn: string) =>
  networkOf(spec) !== undefined && byName(functionsOf(spec), fn)?.value.network !== 'none';
