/** Queues in `gen graph`: one node per queue (and automatic dead-letter queue) in the data layer; consumers and dead letters as edges. */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { autoDlqName, deadLetterOf, queuesOf } from './model.js';

const node = (name: string, label: string) => `${graphNode('queues', name)}>${quote(label)}]`;

export function queuesGraph(spec: Spec, env: Environment): GraphPart {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const entry of queuesOf(spec).items) {
    const { name, value: queue } = entry;
    nodes.push(
      node(
        name,
        `${names.queue(env.name, name, queue.fifo)}<br/>SQS${queue.fifo ? ' FIFO' : ''}, ${queue.retentionDays} d`,
      ),
    );
    const dead = deadLetterOf(spec, entry);
    if (dead.queue === 'auto')
      nodes.push(
        node(autoDlqName(name), `${names.queue(env.name, autoDlqName(name), queue.fifo)}<br/>SQS dead letters, 14 d`),
      );
    if (dead.queue !== 'none')
      edges.push(
        `${graphNode('queues', name)} -. after ${dead.maxReceives} receives .-> ${graphNode('queues', dead.queue === 'auto' ? autoDlqName(name) : dead.queue)}`,
      );
    if (queue.consumer)
      edges.push(
        `${graphNode('queues', name)} -- batches of ${queue.consumer.batchSize} --> ${graphNode('functions', queue.consumer.function)}`,
      );
  }
  return { layer: 'data', nodes, edges };
}
