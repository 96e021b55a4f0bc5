/**
 * Escape-hatch resources in every layer with every deletion policy, some depending on another
 * resource of their stack (DependsOn works within one stack only).
 */
import fc from 'fast-check';
import { compact, opt } from './common.js';

const LAYERS = ['data', 'app', 'triggers', 'api', 'monitoring'];
const POLICIES = ['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate'];

/** A type whose DeletionPolicy may be Snapshot, and one of the types gen tags; each valid with few properties. */
const kinds = {
  parameter: (i: number) => ({
    type: 'AWS::SSM::Parameter',
    properties: { Type: 'String', Value: `v${i}`, Description: 'from the escape hatch' },
  }),
  volume: () => ({
    type: 'AWS::EC2::Volume',
    properties: { AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, Size: 1, Encrypted: true },
  }),
};

/** The network layer only exists with a network. */
export const resources = (hasNetwork: boolean) =>
  opt(
    fc
      .array(
        fc.record({
          layer: fc.constantFrom(...LAYERS, ...(hasNetwork ? ['network'] : [])),
          policy: opt(fc.constantFrom(...POLICIES)),
          dependent: fc.boolean(),
        }),
        { minLength: 1, maxLength: 2 },
      )
      .map((list) =>
        Object.fromEntries(
          list.flatMap(({ layer, policy, dependent }, i) => {
            const own = policy === 'Snapshot' ? kinds.volume() : kinds.parameter(i);
            const id = `Extra${i}`;
            return [
              [id, compact({ layer, ...own, deletionPolicy: policy })],
              ...(dependent ? [[`${id}After`, { layer, ...kinds.parameter(i), dependsOn: [id] }]] : []),
            ];
          }),
        ),
      ),
  );
