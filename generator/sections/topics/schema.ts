import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

const EMAIL = {
  type: 'string',
  pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  hint: 'use an e-mail address such as alerts@example.com',
};
const PHONE = {
  type: 'string',
  pattern: '^\\+[1-9][0-9]{6,14}$',
  hint: 'use a phone number in E.164 form, such as +4930123456',
};

/** A list, or one list per environment. */
const perEnvironment = (item: JsonSchema, description: string, example: string): JsonSchema => ({
  description: `${description} A list, or one list per environment ({production: [...]}); an environment not named gets none.`,
  examples: [[example], { production: [example] }],
  if: { type: 'object' },
  then: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
    additionalProperties: { type: 'array', uniqueItems: true, items: item },
  },
  else: { type: ['array', 'object'], uniqueItems: true, items: item },
});

const names = (noun: string, section: string, example: string): JsonSchema => ({
  type: 'array',
  uniqueItems: true,
  minItems: 1,
  items: { type: 'string', pattern: KEBAB_NAME, hint: `use the name of a ${noun} from the ${section} section` },
  examples: [[example]],
});

export const topicSchema: JsonSchema = {
  type: 'object',
  description:
    'An SNS topic, always KMS-encrypted, with a policy that allows only the AWS services the spec names to publish (functions publish through their own role) and refuses requests without TLS. ' +
    'Its name in AWS is <environment>-<name>, with .fifo for a FIFO topic. Encrypted with the AWS-managed key alias/aws/sns, or with a key of its own when an AWS service publishes to it.',
  additionalProperties: false,
  properties: {
    fifo: {
      type: 'boolean',
      default: false,
      description:
        'First-in-first-out topic (name ends in .fifo; content-based deduplication); only FIFO queues subscribe.',
    },
    subscribers: {
      type: 'object',
      description: 'Who receives each message, by protocol.',
      additionalProperties: false,
      examples: [{ email: ['alerts@example.com'], function: ['notifier'], queue: ['audit-events'] }],
      properties: {
        email: perEnvironment(
          EMAIL,
          'E-mail addresses; each confirms its subscription from the message AWS sends.',
          'alerts@example.com',
        ),
        sms: perEnvironment(PHONE, 'Phone numbers that get each message as a text message.', '+4930123456'),
        function: {
          ...names('function', 'functions', 'notifier'),
          description:
            'Functions SNS invokes with each message (subscription and invoke permission in the triggers layer).',
        },
        queue: {
          ...names('queue', 'queues', 'audit-events'),
          description: "Queues SNS sends each message to (the queue's policy lets this topic send).",
        },
      },
    },
  },
};
