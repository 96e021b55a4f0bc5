/**
 * The network's part of environments/<name>.yaml: how big and where (the spec says what the
 * network is). Subnet ranges are derived from the VPC range unless written out; addressing.ts
 * checks both against what AWS accepts.
 */
import { settings, type JsonSchema } from '../../schema/json-schema.js';

export interface NetworkEnvironmentSettings {
  cidr: string;
  /** Zone names of the environment's region, or how many of its zones to use (the first ones). */
  availabilityZones: number | string[];
  singleNatGateway: boolean;
  privateSubnets?: string[];
  publicSubnets?: string[];
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    network: NetworkEnvironmentSettings;
  }
}

const CIDR = {
  type: 'string',
  pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$',
  hint: 'use a CIDR block such as 10.0.0.0/16',
};

const subnets = (which: string, example: string[]): JsonSchema => ({
  type: 'array',
  items: CIDR,
  minItems: 1,
  maxItems: 6,
  description: `Ranges of the ${which} subnets, one per availability zone in the order of availabilityZones (default: derived from cidr, see the network section).`,
  examples: [example],
});

export const networkSettingsSchema: JsonSchema = settings('Network of the environment (used by the network section).', {
  cidr: {
    ...CIDR,
    default: '10.0.0.0/16',
    description: 'VPC address range, /16 to /28; each environment its own (GEN-P13).',
    examples: ['10.1.0.0/16'],
  },
  availabilityZones: {
    type: ['integer', 'array'],
    minimum: 1,
    maximum: 6,
    items: {
      type: 'string',
      pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d[a-z]$',
      hint: 'use a zone name of the region, such as eu-central-1a',
    },
    minItems: 1,
    maxItems: 6,
    uniqueItems: true,
    default: 2,
    description:
      "Availability zones to spread over: how many (the region's first ones) or their names in the environment's region.",
    examples: [3, ['eu-central-1a', 'eu-central-1b']],
  },
  singleNatGateway: {
    type: 'boolean',
    default: true,
    description: 'One NAT gateway for every zone (cheaper) instead of one per zone (a zone outage cuts only its own).',
  },
  privateSubnets: subnets('private', ['10.1.48.0/20', '10.1.64.0/20', '10.1.80.0/20']),
  publicSubnets: subnets('public', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/20']),
});
