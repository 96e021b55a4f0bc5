/**
 * What functions may do with a bus: `buses: {market-data-bus: publish}` puts events on it
 * (events:PutEvents on exactly its ARN), and BUS_<NAME> holds the bus's name (`default` for the
 * account's bus). Functions write `buses`, not `events`: they use a bus, not the section.
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Reference, Usable } from '../section.js';

export const busUsable: Usable = {
  service: 'events',
  key: 'buses',
  access: { enum: ['publish'] },
  description:
    'Event buses the code puts events on: publish; `{access, variable}` renames the variable. Each becomes a BUS_<NAME> variable holding the bus name, and events:PutEvents on that bus only.',
  example: { 'market-data-bus': 'publish' },
  variable: (name) => names.variable('BUS', name),
  holds: 'the name of bus',
  value: (name, { env }) => names.eventBus(env.name, name),
  statements: ({ name }: Reference, { env }) => [
    {
      Sid: `Bus${pascal(name)}`,
      Effect: 'Allow',
      Action: ['events:PutEvents'],
      Resource: [sub(arns.eventBus(names.eventBus(env.name, name)))],
    },
  ],
};
