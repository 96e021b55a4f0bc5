/** Cross-references of queues: consumers and dead-letter queues exist and fit the queue (FIFO or not), no dead-letter loops. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { byName, type Entry, type Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { autoDlqName, deadLetterOf, queuesOf, type Queue } from './model.js';

/** Lambda's limit on one filter pattern. */
const MAX_PATTERN_CHARS = 4096;

function checkConsumer(spec: Spec, registry: Registry, entry: Entry<Queue>): Diagnostic[] {
  const { value: queue, file, path, name } = entry;
  const consumer = queue.consumer;
  if (!consumer) return [];
  const at = (...keys: string[]) => ({ file, path: [...path, 'consumer', ...keys] });
  const out: Diagnostic[] = [];
  const functions = registry.section('functions');
  if (functions)
    out.push(...unknownReference(spec, functions, consumer.function, `queue '${name}' is consumed by`, at('function')));
  if (queue.fifo && consumer.batchSize > 10) {
    out.push(
      error(
        'GEN204',
        `batchSize ${consumer.batchSize} is more than 10, the most Lambda takes from a FIFO queue`,
        at('batchSize'),
        'use a batchSize of 10 or fewer',
      ),
    );
  }
  if (queue.fifo && consumer.batchWindow > 0) {
    out.push(
      error(
        'GEN206',
        `queue '${name}' is FIFO, and Lambda has no batching window for FIFO queues`,
        at('batchWindow'),
        'remove batchWindow',
      ),
    );
  }
  if (!queue.fifo && consumer.batchSize > 10 && consumer.batchWindow === 0) {
    out.push(
      error(
        'GEN204',
        `batchSize ${consumer.batchSize} is more than 10, which Lambda allows only with a batching window`,
        at('batchSize'),
        'set batchWindow to 1 or more seconds, or use a batchSize of 10 or fewer',
      ),
    );
  }
  consumer.filters.forEach((filter, i) => {
    const length = JSON.stringify(filter).length;
    if (length > MAX_PATTERN_CHARS) {
      out.push(
        error(
          'GEN206',
          `filter pattern is ${length} characters long; Lambda takes at most ${MAX_PATTERN_CHARS}`,
          at(...(consumer.filters.length > 1 ? ['filter', String(i)] : ['filter'])),
          'shorten the pattern, or split it into several patterns',
        ),
      );
    }
  });
  return out;
}

function checkDeadLetter(spec: Spec, registry: Registry, entry: Entry<Queue>): Diagnostic[] {
  const { value: queue, file, path, name } = entry;
  const dead = deadLetterOf(spec, entry);
  const location = { file, path: [...path, 'deadLetterQueue'] };
  if (dead.queue === 'none') return [];
  if (dead.queue === 'auto') {
    const auto = autoDlqName(name);
    if (!queuesOf(spec).names.has(auto)) return [];
    return [
      error(
        'GEN306',
        `queue '${name}' gets a dead-letter queue '${auto}' from gen, but the spec defines a queue '${auto}' too`,
        queue.deadLetterQueue ? location : { file, path, at: 'key' as const },
        `write deadLetterQueue: ${auto} to use that queue, or rename it`,
      ),
    ];
  }
  const target = byName(queuesOf(spec), dead.queue);
  if (!target)
    return unknownReference(
      spec,
      registry.section('queues')!,
      dead.queue,
      `queue '${name}' sends failed messages to`,
      location,
    );
  if (dead.queue === name)
    return [
      error('GEN206', `queue '${name}' is its own dead-letter queue`, location, 'name another queue, or write auto'),
    ];
  if (target.value.fifo !== queue.fifo) {
    const kind = (fifo: boolean) => (fifo ? 'a FIFO queue' : 'a standard queue');
    return [
      error(
        'GEN206',
        `queue '${name}' is ${kind(queue.fifo)}, but its dead-letter queue '${dead.queue}' is ${kind(target.value.fifo)}; SQS needs both of one kind`,
        location,
        `use ${kind(queue.fifo)} as the dead-letter queue, or write auto`,
      ),
    ];
  }
  // A loop (a -> b -> a) would pass failed messages around forever, and has no creation order. Each queue in it reports it.
  const chain = [name];
  for (let current: Entry<Queue> | undefined = target; current; ) {
    chain.push(current.name);
    const next: string | undefined = current.value.deadLetterQueue?.queue;
    if (next === name) {
      return [
        error(
          'GEN206',
          `dead-letter queues form a loop: ${[...chain, name].join(' -> ')}`,
          location,
          'end the chain in a queue without a dead-letter queue (deadLetterQueue: none)',
        ),
      ];
    }
    if (next === undefined || next === 'auto' || next === 'none' || chain.includes(next)) break;
    current = byName(queuesOf(spec), next);
  }
  return [];
}

export const checkQueues = (spec: Spec, registry: Registry): Diagnostic[] =>
  queuesOf(spec).items.flatMap((entry) => [
    ...checkConsumer(spec, registry, entry),
    ...checkDeadLetter(spec, registry, entry),
  ]);
