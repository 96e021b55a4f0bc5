import { integer, KEBAB_HINT, KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

/** A list of values to match, or of EventBridge pattern objects ({prefix: ...}, {anything-but: ...}, {numeric: [...]}). */
const values = (description: string, examples: unknown[]): JsonSchema => ({
  type: 'array',
  minItems: 1,
  items: { type: ['string', 'number', 'boolean', 'null', 'object'] },
  description,
  examples,
});

/** The event fields EventBridge matches on; `detail` nests the event's own fields. */
const matchSchema: JsonSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  description:
    "An EventBridge event pattern, written as in EventBridge: each field a list of values (any one matches) or pattern objects; detail nests the event's own fields.",
  examples: [{ source: ['market.data'], 'detail-type': ['Trade Execution'] }],
  properties: {
    source: values('Sources to match.', [['market.data']]),
    'detail-type': values('Detail types to match.', [['Trade Execution', 'Trade Update']]),
    detail: {
      type: 'object',
      minProperties: 1,
      description:
        "Fields of the event's detail, nested as in the event; each leaf a list of values or pattern objects.",
      examples: [{ symbol: ['AAPL'], price: [{ numeric: ['>', 0] }] }],
    },
    account: values('Accounts to match.', [['123456789012']]),
    region: values('Regions to match.', [['eu-central-1']]),
    resources: values('Resource ARNs to match.', [[{ prefix: 'arn:aws:s3:::' }]]),
    time: values('Event times to match.', [[{ prefix: '2026-' }]]),
    id: values('Event ids to match.', [[{ exists: true }]]),
    version: values('Event versions to match.', [['0']]),
  },
};

const target = (noun: string, section: string, example: string): JsonSchema => ({
  type: 'string',
  pattern: KEBAB_NAME,
  hint: `use the name of a ${noun} from the ${section} section`,
  description: `${noun[0].toUpperCase()}${noun.slice(1)} that receives the matched events (exactly one of function, queue, topic, workflow).`,
  examples: [example],
});

const ruleSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['match', 'deadLetterQueue'],
  description: 'A rule: events matching a pattern go to one target.',
  properties: {
    description: {
      type: 'string',
      maxLength: 512,
      description: 'What the rule is for.',
      examples: ['Trades to the processor'],
    },
    match: matchSchema,
    function: target('function', 'functions', 'market-processor'),
    queue: target('queue', 'queues', 'trade-events'),
    topic: target('topic', 'topics', 'risk-alerts'),
    workflow: {
      ...target('workflow', 'workflows', 'trade-lifecycle'),
      description:
        'Workflow started with each matched event as its input (exactly one of function, queue, topic, workflow); the rule gets a role that may start exactly this workflow.',
    },
    input: { description: 'Constant input sent instead of the event (any JSON value).', examples: [{ kind: 'trade' }] },
    inputPath: {
      type: 'string',
      pattern: '^\\$',
      hint: 'write a JSONPath starting with $, for example $.detail',
      maxLength: 256,
      description: 'The part of the event sent instead of all of it (JSONPath).',
      examples: ['$.detail'],
    },
    retries: integer(0, 185, 'Delivery attempts after the first fails (EventBridge default: 185).', { examples: [2] }),
    maxEventAgeSeconds: integer(60, 86400, 'Stop retrying an event this old (EventBridge default: 86400, a day).', {
      examples: [3600],
    }),
    deadLetterQueue: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a queue from the queues section',
      description:
        'Standard queue that receives the events that could not be delivered after every retry (required: without one they are dropped without a trace).',
      examples: ['market-data-dlq'],
    },
  },
};

export const busSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    "An EventBridge event bus and its rules. A bus named default is the account's own bus (gen adds rules to it, never creates it); any other is created as <environment>-<name>.",
  properties: {
    description: {
      type: 'string',
      maxLength: 512,
      description: 'What the bus carries.',
      examples: ['Trades and quotes from the market data feeds'],
    },
    archive: {
      type: 'object',
      additionalProperties: false,
      description: "Keep the bus's events so they can be replayed.",
      examples: [{ retentionDays: 7 }],
      properties: { retentionDays: integer(1, 36500, 'Days events are kept (default: forever).', { examples: [7] }) },
    },
    rules: {
      type: 'object',
      description: 'Rules by name; each is <environment>-<name> in AWS. Rule names are unique across all buses.',
      examples: [
        { 'trade-events': { match: { 'detail-type': ['Trade Execution'] }, function: 'market-processor', retries: 2 } },
      ],
      propertyNames: { pattern: KEBAB_NAME, maxLength: 50, hint: KEBAB_HINT },
      additionalProperties: ruleSchema,
    },
  },
};
