import { integer, KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { OBJECT_EVENTS } from './model.js';

const ENVIRONMENT_NAME = { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' };

/** A number of days, or one per environment ({test: 7}); an environment not named keeps its objects. */
const daysPerEnvironment = (description: string): JsonSchema => ({
  description,
  examples: [30, { test: 7, production: 365 }],
  if: { type: 'object' },
  then: {
    type: 'object',
    minProperties: 1,
    propertyNames: ENVIRONMENT_NAME,
    additionalProperties: { type: 'integer', minimum: 1, maximum: 36500 },
  },
  else: {
    type: 'integer',
    minimum: 1,
    maximum: 36500,
    hint: 'write a number of days, or one per environment: { test: 7, production: 365 }',
  },
});

const name = (noun: string, section: string): JsonSchema => ({
  type: 'string',
  pattern: KEBAB_NAME,
  hint: `use the name of a ${noun} from the ${section} section`,
  description: `${noun[0].toUpperCase()}${noun.slice(1)} told about the objects (from the ${section} section).`,
  examples: ['ingest-events'],
});

const keyFilter = (where: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  description: `Only objects whose key ${where} this.`,
});

const notification: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  description: 'One destination told about objects: exactly one of queue, topic or function.',
  properties: {
    queue: name('queue', 'queues'),
    topic: name('topic', 'topics'),
    function: { ...name('function', 'functions'), examples: ['ingest'] },
    events: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: [...OBJECT_EVENTS] },
      description:
        'What happened to the object: created (any upload or copy), removed (deleted, or a delete marker added), restored (a restore from an archive storage class completed).',
      examples: [['created']],
    },
    deadLetterQueue: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a queue from the queues section',
      examples: ['ingest-dlq'],
      description:
        'For a function: standard queue that receives the events EventBridge could not deliver after every retry (required for functions; S3 itself delivers to queues and topics).',
    },
    prefix: { ...keyFilter('starts with'), examples: ['incoming/'] },
    suffix: { ...keyFilter('ends with'), examples: ['.csv'] },
  },
};

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];
const texts = (description: string, examples: unknown[], extra: JsonSchema = {}): JsonSchema => ({
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', minLength: 1 },
  description,
  examples,
  ...extra,
});

export const bucketSchema: JsonSchema = {
  type: 'object',
  description:
    'An S3 bucket. Its name in AWS is <environment>-<project>-<name>-<account id>. Always versioned, encrypted (SSE-S3), closed to the public, owned by the bucket owner and reachable over TLS only.',
  additionalProperties: false,
  properties: {
    expireAfterDays: daysPerEnvironment(
      'Delete objects this many days after they were written; one number, or one per environment (an environment not named keeps them).',
    ),
    noncurrentVersionsExpireAfterDays: integer(
      1,
      36500,
      'Delete overwritten and deleted versions this many days after they stopped being current (versioning keeps them otherwise).',
      { examples: [30] },
    ),
    cors: {
      type: 'object',
      additionalProperties: false,
      required: ['allowOrigins', 'allowMethods'],
      description: 'Browsers on these origins may call the bucket directly (presigned uploads and downloads).',
      examples: [{ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'PUT'] }],
      properties: {
        allowOrigins: texts('Origins allowed (https://app.example.com, or * for any).', [['https://app.example.com']]),
        allowMethods: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: METHODS },
          description: 'HTTP methods allowed.',
          examples: [['GET', 'PUT']],
        },
        allowHeaders: texts('Request headers allowed (* for any).', [['*']]),
        exposeHeaders: texts('Response headers the browser may read.', [['ETag']]),
        maxAgeSeconds: integer(0, 86400, 'How long a browser may cache the answer to a preflight request.', {
          examples: [3000],
        }),
      },
    },
    notify: {
      type: 'array',
      minItems: 1,
      description:
        "Who is told about objects, the bucket's single notification configuration. Queues and topics get S3's own notifications (at most one queue or topic per bucket); functions get them through EventBridge.",
      examples: [[{ queue: 'ingest-events', events: ['created'], prefix: 'incoming/', suffix: '.csv' }]],
      items: notification,
    },
  },
};
