/**
 * Event buses in `gen graph`: one node per bus in the data layer (the account's default bus too,
 * marked as such), and each rule as an edge from its bus to its target, named after the rule.
 */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { busesOf, DEFAULT_BUS } from './model.js';
import { SECTION_OF } from './targets.js';

export const eventsGraph = (spec: Spec, env: Environment): GraphPart => {
  const buses = busesOf(spec).items;
  return {
    layer: 'data',
    nodes: buses.map(
      ({ name }) =>
        `${graphNode('events', name)}[/${quote(name === DEFAULT_BUS ? "default bus (the account's)" : `bus ${names.eventBus(env.name, name)}`)}/]`,
    ),
    edges: buses.flatMap((bus) =>
      bus.value.rules.flatMap(({ name, value }) => [
        ...(value.target
          ? [
              `${graphNode('events', bus.name)} -- ${quote(`rule ${name}`)} --> ${graphNode(SECTION_OF[value.target.kind], value.target.name)}`,
            ]
          : []),
        ...(value.deadLetterQueue !== undefined
          ? [
              `${graphNode('events', bus.name)} -. ${quote(`${name} failed`)} .-> ${graphNode('queues', value.deadLetterQueue)}`,
            ]
          : []),
      ]),
    ),
  };
};
