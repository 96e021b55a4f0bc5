/** Queues (standard and FIFO, every dead-letter and consumer form) and topics (every subscriber kind). */
import fc from 'fast-check';
import { compact, DEAD_LETTERS, functionsOf, type Names, opt, perEnvironment, some } from './common.js';

const filterPattern = fc.constantFrom(
  { body: { type: ['trade'] } },
  { attributes: { MessageGroupId: [{ exists: true }] } },
);

/** A consumer; a consumed queue's visibility timeout stays above any function timeout (900 s at most). */
const consumer = (n: Names, fifo: boolean) =>
  fc.constantFrom(...functionsOf(n)).chain((fn) =>
    fc.oneof(
      fc.constant(fn),
      fc
        .record({
          window: fifo ? fc.constant(undefined) : opt(fc.integer({ min: 0, max: 300 })),
          batchSize: opt(fc.integer({ min: 1, max: fifo ? 10 : 10000 })),
          partialFailures: opt(fc.boolean()),
          maxConcurrency: opt(fc.integer({ min: 2, max: 1000 })),
          filter: opt(fc.oneof(filterPattern, fc.uniqueArray(filterPattern, { minLength: 1, maxLength: 2 }))),
        })
        // Lambda takes more than 10 messages from a standard queue only with a batching window.
        .map(({ window, ...c }) =>
          compact({ function: fn, ...c, batchWindow: (c.batchSize ?? 0) > 10 ? Math.max(1, window ?? 1) : window }),
        ),
    ),
  );

const deadLetterQueue = (fifo: boolean) =>
  opt(
    fc.oneof(
      fc.constantFrom('auto', 'none', ...(fifo ? [] : [DEAD_LETTERS])),
      fc
        .record({
          queue: fc.constantFrom('auto', ...(fifo ? [] : [DEAD_LETTERS])),
          maxReceives: opt(fc.integer({ min: 1, max: 1000 })),
        })
        .map(compact),
    ),
  );

const queue = (n: Names, fifo: boolean) =>
  fc
    .record({
      retentionDays: opt(fc.integer({ min: 1, max: 14 })),
      delaySeconds: opt(fc.integer({ min: 0, max: 900 })),
      deadLetterQueue: deadLetterQueue(fifo),
      consumer: opt(consumer(n, fifo)),
      visibility: opt(fc.integer({ min: 900, max: 43200 })),
      lowVisibility: fc.integer({ min: 0, max: 899 }),
    })
    .map(({ visibility, lowVisibility, ...q }) =>
      compact({
        ...(fifo ? { fifo: true } : {}),
        ...q,
        visibilityTimeout: q.consumer ? visibility : (visibility ?? lowVisibility),
      }),
    );

export const queues = (n: Names) =>
  fc
    .tuple(
      fc.tuple(...n.queues.map(() => queue(n, false))),
      fc.tuple(...n.fifoQueues.map(() => queue(n, true))),
      fc.option(fc.constant({ retentionDays: 14, fifo: false }), { nil: undefined }),
    )
    .map(([standard, fifo, dead]) => ({
      [DEAD_LETTERS]: dead ?? {},
      ...Object.fromEntries(n.queues.map((q, i) => [q, standard[i]])),
      ...Object.fromEntries(n.fifoQueues.map((q, i) => [q, fifo[i]])),
    }));

const emails = fc.uniqueArray(fc.constantFrom('ops@example.com', 'dev@example.org', 'a.b@example.net'), {
  minLength: 1,
  maxLength: 2,
});
const phones = fc.uniqueArray(fc.constantFrom('+4930123456', '+14155550100'), { minLength: 1, maxLength: 2 });

const standardTopic = (n: Names) =>
  fc
    .record({
      email: opt(perEnvironment(emails, false)),
      sms: opt(perEnvironment(phones, false)),
      function: opt(some(functionsOf(n), 1)),
      queue: opt(some(n.queues, 1)),
      writesFifo: fc.boolean(),
    })
    .map(({ writesFifo, ...s }) => compact({ fifo: writesFifo ? false : undefined, subscribers: compact(s) }));

const fifoTopic = (n: Names) =>
  (n.fifoQueues.length ? opt(some(n.fifoQueues, 1)) : fc.constant(undefined)).map((queue) =>
    compact({ fifo: true, subscribers: queue ? { queue } : undefined }),
  );

export const topics = (n: Names) =>
  fc
    .tuple(fc.tuple(...n.topics.map(() => standardTopic(n))), fc.tuple(...n.fifoTopics.map(() => fifoTopic(n))))
    .map(([standard, fifo]) => ({
      ...Object.fromEntries(n.topics.map((t, i) => [t, standard[i]])),
      ...Object.fromEntries(n.fifoTopics.map((t, i) => [t, fifo[i]])),
    }));
