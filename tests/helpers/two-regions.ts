/**
 * A toy section whose `global` layer deploys to us-east-1 whatever the environment's region (as
 * the edge section's edge-global does), with links both ways: the us-east-1 stack receives the
 * Ref of a regional (data) resource, and a later regional stack receives the Ref of its
 * resource. `beacons: true` in a spec file turns it on. Used by the build and moto deploy tests.
 */
import { fragment, type PlacedResource } from '../../generator/output/fragment.js';
import { BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import { singleOf, type Section } from '../../generator/sections/section.js';

export const GLOBAL_REGION = 'us-east-1';

/** An SSM parameter (its Ref is its name); `value` may be a Ref to another beacon. */
const beacon = (layer: string, logicalId: string, name: string, value: unknown, sharedAs?: string): PlacedResource => ({
  layer,
  logicalId,
  ...(sharedAs ? { sharedAs } : {}),
  resource: { Type: 'AWS::SSM::Parameter', Properties: { Name: name, Type: 'String', Value: value } },
});

export const beaconsSection: Section = {
  key: 'beacons',
  kind: 'single',
  schema: { type: 'boolean', description: 'Light the beacons (a test section).', examples: [true] },
  layers: [
    { name: 'global', after: 'api', region: GLOBAL_REGION, purpose: 'beacons in us-east-1' },
    { name: 'beacons-after', after: 'global', purpose: 'beacons lit from us-east-1' },
  ],
  compile: ({ spec, env }) =>
    singleOf<boolean>(spec, 'beacons')?.value
      ? fragment([
          beacon('data', 'RegionalBeacon', `/${env.name}/beacons/regional`, 'lit', 'RegionalBeaconName'),
          beacon(
            'global',
            'GlobalBeacon',
            `/${env.name}/beacons/global`,
            { Ref: 'RegionalBeacon' },
            'GlobalBeaconName',
          ),
          beacon('beacons-after', 'LaterBeacon', `/${env.name}/beacons/later`, { Ref: 'GlobalBeacon' }),
        ])
      : fragment([]),
  graph: () => ({ layer: 'global', nodes: ['beacons_global[/beacon/]'], edges: [] }),
};

export const twoRegions = createRegistry([...BUILTIN_SECTIONS, beaconsSection]);
