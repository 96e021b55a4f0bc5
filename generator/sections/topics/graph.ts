/** Topics in `gen graph`: one node per topic in the data layer, an edge to each function and queue it delivers to. */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { inEnvironment, topicsOf } from './model.js';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function topicsGraph(spec: Spec, env: Environment): GraphPart {
  const topics = topicsOf(spec).items;
  return {
    layer: 'data',
    nodes: topics.map(({ name, value }) => {
      const people = [
        ['e-mail address', inEnvironment(value.subscribers.email, env.name).length],
        ['phone number', inEnvironment(value.subscribers.sms, env.name).length],
      ] as const;
      const reach = people.filter(([, n]) => n > 0).map(([noun, n]) => count(n, noun));
      return `${graphNode('topics', name)}{{${quote([`${names.topic(env.name, name, value.fifo)}`, `SNS${value.fifo ? ' FIFO' : ''}, KMS-encrypted`, ...reach].join('<br/>'))}}}`;
    }),
    edges: topics.flatMap(({ name, value }) => [
      ...value.subscribers.function.map(
        (fn) => `${graphNode('topics', name)} -- subscribes --> ${graphNode('functions', fn)}`,
      ),
      ...value.subscribers.queue.map(
        (queue) => `${graphNode('topics', name)} -- subscribes --> ${graphNode('queues', queue)}`,
      ),
    ]),
  };
}
