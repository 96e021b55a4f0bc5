/** network: the private network functions run in (VPC, subnets per zone, NAT, endpoints, security groups). */
import { ids } from '../../naming/ids.js';
import { functionsOf } from '../functions/model.js';
import type { Section } from '../section.js';
import { checkNetwork } from './check.js';
import { compileNetwork } from './compile.js';
import { configureFunction } from './function-config.js';
import { networkGraph } from './graph.js';
import { networkOf, normalizeNetwork } from './model.js';
import { networkSchema } from './schema.js';
import { networkSettingsSchema } from './settings.js';

export const networkSection: Section = {
  key: 'network',
  kind: 'single',
  schema: networkSchema,
  normalize: normalizeNetwork,
  check: checkNetwork,
  compile: compileNetwork,
  layers: [
    {
      name: 'network',
      before: 'data',
      purpose: 'the VPC, subnets, NAT and endpoints, and the security groups functions run in',
    },
  ],
  // Every function's network interfaces live in the subnets: placement never moves them to another stack.
  // They hold no data: the deploy guard lets a changed range replace a subnet (gen diff shows it).
  pinnedTypes: ['AWS::EC2::VPC', 'AWS::EC2::Subnet'],
  environment: networkSettingsSchema,
  graph: networkGraph,
  configureFunction,
  // A function kept out of the network: GEN-P4's warning about it points at its `network: none`.
  locate: (spec, logicalId) => {
    if (!networkOf(spec)) return undefined;
    const fn = functionsOf(spec).items.find((f) => ids.function(f.name) === logicalId);
    return fn?.value.network === 'none' ? { file: fn.file, path: [...fn.path, 'network'] } : undefined;
  },
};
