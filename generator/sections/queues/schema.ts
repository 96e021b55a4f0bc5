import { integer, KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { DEFAULT_MAX_RECEIVES, MAX_VISIBILITY } from './model.js';

const QUEUE_NAME = { pattern: KEBAB_NAME, hint: 'use auto, none, or the name of a queue from the queues section' };
const FUNCTION_NAME = { pattern: KEBAB_NAME, hint: 'use the name of a function from the functions section' };

const maxReceives = integer(1, 1000, 'Receives of a message before it moves to the dead-letter queue.', {
  default: DEFAULT_MAX_RECEIVES,
});

const deadLetterQueue: JsonSchema = {
  description:
    'Where a message goes after failing maxReceives times. auto (the default for a consumed queue): a queue <name>-dlq that keeps messages 14 days, after 5 receives; ' +
    "the name of another queue of the spec; {queue, maxReceives}; or none. A queue that is another queue's dead-letter queue gets none by default.",
  examples: ['auto', 'jobs-failed', { queue: 'jobs-failed', maxReceives: 3 }, 'none'],
  if: { type: 'object' },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['queue'],
    properties: {
      queue: {
        type: 'string',
        ...QUEUE_NAME,
        description: 'auto, or the name of a queue of the spec.',
        examples: ['auto', 'jobs-failed'],
      },
      maxReceives,
    },
  },
  else: { type: ['string', 'object'], ...QUEUE_NAME },
};

const filterPattern: JsonSchema = {
  type: 'object',
  minProperties: 1,
  description: 'A Lambda event filter pattern on the message (body, attributes...).',
  examples: [{ body: { type: ['trade'] } }],
};

const consumer: JsonSchema = {
  description:
    'The function that processes the messages, through a Lambda event source mapping. The name of a function, or {function, batchSize, ...}. ' +
    'Its role gets sqs:ReceiveMessage, DeleteMessage, ChangeMessageVisibility and GetQueueAttributes on this queue.',
  examples: ['ingest', { function: 'ingest', batchSize: 10, batchWindow: 5, partialFailures: true }],
  if: { type: 'object' },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['function'],
    properties: {
      function: { type: 'string', ...FUNCTION_NAME, description: 'Name of the function.', examples: ['ingest'] },
      batchSize: integer(
        1,
        10000,
        'Most messages per invocation: up to 10, up to 10000 with a batchWindow of 1 or more (FIFO queues: up to 10).',
        { default: 10 },
      ),
      batchWindow: integer(
        0,
        300,
        'Seconds Lambda gathers messages before invoking the function (not for FIFO queues).',
        { default: 0 },
      ),
      partialFailures: {
        type: 'boolean',
        default: false,
        description:
          'The function returns the messages that failed (ReportBatchItemFailures); only those go back to the queue.',
      },
      maxConcurrency: integer(
        2,
        1000,
        "Most concurrent invocations this queue causes (default: no limit but the function's).",
        { examples: [50] },
      ),
      filter: {
        description:
          'Only messages matching this Lambda event filter pattern (or one of up to 5 patterns) invoke the function; the others are deleted.',
        examples: [{ body: { type: ['trade'] } }],
        if: { type: 'array' },
        then: { type: 'array', minItems: 1, maxItems: 5, items: filterPattern },
        else: filterPattern,
      },
    },
  },
  else: { type: ['string', 'object'], ...FUNCTION_NAME },
};

export const queueSchema: JsonSchema = {
  type: 'object',
  description:
    'An SQS queue, always encrypted (SSE-SQS) and TLS-only. Its name in AWS is <environment>-<name>, with .fifo for a FIFO queue.',
  additionalProperties: false,
  properties: {
    fifo: {
      type: 'boolean',
      default: false,
      description: 'First-in-first-out, exactly-once queue (name ends in .fifo; content-based deduplication).',
    },
    retentionDays: integer(1, 14, 'Days a message is kept before SQS deletes it.', { default: 4 }),
    visibilityTimeout: integer(
      0,
      MAX_VISIBILITY,
      "Seconds a received message stays hidden from other receivers. Default: 6 × the consumer's timeout (AWS's advice), or 30 without a consumer; never below the consumer's timeout (GEN318).",
      { examples: [180] },
    ),
    delaySeconds: integer(0, 900, 'Seconds every new message waits before it can be received.', { default: 0 }),
    deadLetterQueue,
    consumer,
  },
};
