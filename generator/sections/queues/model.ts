import { byName, type Entry, type Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

/** How a function polls a queue: an event source mapping. */
export interface Consumer {
  function: string;
  batchSize: number;
  /** Seconds Lambda gathers messages before invoking (0: none). */
  batchWindow: number;
  /** The function reports which messages failed (ReportBatchItemFailures). */
  partialFailures: boolean;
  maxConcurrency?: number;
  /** Lambda event filter patterns (at least one must match). */
  filters: object[];
}

/**
 * Where messages go after maxReceives failed receives: a queue gen adds (`<name>-dlq`), another
 * queue of the spec, or nowhere. Undefined in the model: the default (auto when consumed).
 */
export type DeadLetter = { queue: string; maxReceives: number } | { queue: 'none'; maxReceives?: undefined };

export interface Queue {
  fifo: boolean;
  retentionDays: number;
  /** Undefined: 6 × the consumer's timeout, or SQS's 30 s without a consumer. */
  visibilityTimeout?: number;
  delaySeconds: number;
  deadLetterQueue?: DeadLetter;
  consumer?: Consumer;
}

export const DEFAULT_MAX_RECEIVES = 5;
export const AUTO_DLQ_RETENTION_DAYS = 14;
/** AWS: "set the source queue's visibility timeout to at least six times the timeout that you configure on your function". */
export const VISIBILITY_PER_TIMEOUT = 6;
export const SQS_DEFAULT_VISIBILITY = 30;
export const MAX_VISIBILITY = 43200;

type RawDeadLetter = string | { queue: string; maxReceives?: number };
type RawConsumer =
  | string
  | {
      function: string;
      batchSize?: number;
      batchWindow?: number;
      partialFailures?: boolean;
      maxConcurrency?: number;
      filter?: object | object[];
    };
export interface RawQueue {
  fifo?: boolean;
  retentionDays?: number;
  visibilityTimeout?: number;
  delaySeconds?: number;
  deadLetterQueue?: RawDeadLetter;
  consumer?: RawConsumer;
}

function deadLetter(raw: RawDeadLetter): DeadLetter {
  if (raw === 'none' || (typeof raw === 'object' && raw.queue === 'none')) return { queue: 'none' };
  return typeof raw === 'string'
    ? { queue: raw, maxReceives: DEFAULT_MAX_RECEIVES }
    : { queue: raw.queue, maxReceives: raw.maxReceives ?? DEFAULT_MAX_RECEIVES };
}

function consumer(raw: RawConsumer): Consumer {
  const long = typeof raw === 'string' ? { function: raw } : raw;
  return {
    function: long.function,
    batchSize: long.batchSize ?? 10,
    batchWindow: long.batchWindow ?? 0,
    partialFailures: long.partialFailures ?? false,
    ...(long.maxConcurrency !== undefined ? { maxConcurrency: long.maxConcurrency } : {}),
    filters: long.filter === undefined ? [] : [long.filter].flat(),
  };
}

export function normalizeQueue(raw: RawQueue): Queue {
  return {
    fifo: raw.fifo ?? false,
    retentionDays: raw.retentionDays ?? 4,
    ...(raw.visibilityTimeout !== undefined ? { visibilityTimeout: raw.visibilityTimeout } : {}),
    delaySeconds: raw.delaySeconds ?? 0,
    ...(raw.deadLetterQueue !== undefined ? { deadLetterQueue: deadLetter(raw.deadLetterQueue) } : {}),
    ...(raw.consumer !== undefined ? { consumer: consumer(raw.consumer) } : {}),
  };
}

/** The queues of a spec. */
export const queuesOf = (spec: Spec) => itemsOf<Queue>(spec, 'queues');

/** The name gen gives a queue's automatic dead-letter queue (`jobs` -> `jobs-dlq`). */
export const autoDlqName = (queue: string) => `${queue}-dlq`;

/** Whether another queue of the spec names this one as its dead-letter queue. */
export const isDeadLetterQueue = (spec: Spec, name: string) =>
  queuesOf(spec).items.some((q) => q.name !== name && q.value.deadLetterQueue?.queue === name);

/**
 * The dead-letter queue a queue really has: what it says, else `auto` when a function consumes
 * it (unless it is itself another queue's dead-letter queue), else none.
 */
export function deadLetterOf(spec: Spec, entry: Entry<Queue>): DeadLetter {
  const { value: queue, name } = entry;
  if (queue.deadLetterQueue) return queue.deadLetterQueue;
  return queue.consumer && !isDeadLetterQueue(spec, name)
    ? { queue: 'auto', maxReceives: DEFAULT_MAX_RECEIVES }
    : { queue: 'none' };
}

/** The queue whose group a queue joins: a queue shares a stack with the queue it dead-letters to (the redrive policy refers to it). */
export function groupRoot(spec: Spec, name: string): string {
  const seen = new Set<string>();
  let current = name;
  for (;;) {
    seen.add(current);
    const entry = byName(queuesOf(spec), current);
    const next = entry?.value.deadLetterQueue?.queue;
    if (
      !entry ||
      next === undefined ||
      next === 'auto' ||
      next === 'none' ||
      seen.has(next) ||
      !byName(queuesOf(spec), next)
    )
      return current;
    current = next;
  }
}

/** Whether a queue (of the spec) is FIFO; false for names the spec does not define. */
export const isFifo = (spec: Spec, name: string) => byName(queuesOf(spec), name)?.value.fifo === true;
