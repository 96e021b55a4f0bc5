import { integer, KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { usableKey, type Registry, type Usable } from '../section.js';
import { handlerOrImage, imageSchema } from './image-schema.js';
import { DEFAULT_RUNTIME, RUNTIMES } from './runtimes.js';

const VARIABLE = {
  pattern: '^(?!AWS_)[A-Za-z][A-Za-z0-9_]+$',
  hint: 'use two or more letters, digits and underscores, starting with a letter; names starting with AWS_ are reserved',
};

/** `functions.<name>.<section key>`: items of that section by name, each an access or `{access, variable}`. */
const referencesSchema = (key: string, noun: string, usable: Usable): JsonSchema => ({
  type: 'object',
  description: usable.description,
  propertyNames: { pattern: KEBAB_NAME, hint: `use the name of a ${noun} from the ${key} section` },
  additionalProperties: {
    if: { type: 'object' },
    then: {
      type: 'object',
      additionalProperties: false,
      required: ['access'],
      properties: {
        access: usable.access,
        variable: {
          type: 'string',
          ...VARIABLE,
          description: 'Name of the environment variable that carries it (instead of the default).',
          examples: ['ORDERS_TABLE'],
        },
      },
    },
    else: usable.access,
  },
  examples: [usable.example],
});

export const functionSchema = (registry: Registry): JsonSchema => ({
  type: 'object',
  description: 'A Lambda function. Its name in AWS is <environment>-<name>.',
  additionalProperties: false,
  // A function runs a handler (zip) or a container image, never both (image-schema.ts).
  ...handlerOrImage,
  properties: {
    handler: {
      type: 'string',
      pattern: '^handlers/[A-Za-z0-9_./-]+\\.[A-Za-z_$][A-Za-z0-9_$]*$',
      hint: 'write handlers/<file>.<function>, for example handlers/orders.handler for handlers/orders.mjs exporting handler',
      description:
        'Code to run (every function without image has one): handlers/<file>.<function>; the file is handlers/<file>.mjs, .js, .cjs or .ts (Node.js runtimes) or handlers/<file>.py (Python runtimes; its folder is shipped, with the packages of a requirements.txt beside it).',
      examples: ['handlers/orders.handler'],
    },
    image: imageSchema,
    memory: integer(128, 10240, "Memory in MB (CPU grows with it). Default: the environment's functions.memory.", {
      examples: [512],
    }),
    timeout: integer(1, 900, "Seconds before a run is stopped. Default: the environment's functions.timeout.", {
      examples: [30],
    }),
    runtime: {
      enum: Object.keys(RUNTIMES),
      default: DEFAULT_RUNTIME,
      description: 'Lambda runtime (Node.js or Python); gen warns a year before AWS deprecates it.',
      examples: ['python3.13'],
    },
    architecture: {
      enum: ['arm64', 'x86_64'],
      default: 'arm64',
      description: 'Processor: arm64 (Graviton, cheaper) or x86_64.',
    },
    reservedConcurrency: integer(0, 10000, 'Most copies that may run at once (also guarantees that many).', {
      examples: [10],
    }),
    provisionedConcurrency: integer(
      1,
      10000,
      'Copies kept warm, in environments with functions.provisionedConcurrency: true.',
      { examples: [2] },
    ),
    environment: {
      type: 'object',
      description:
        'Environment variables given to the code: one value, or one per environment ({test: a, production: b}, naming every environment).',
      propertyNames: VARIABLE,
      additionalProperties: {
        if: { type: 'object' },
        then: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
          additionalProperties: { type: ['string', 'number', 'boolean'] },
        },
        else: { type: ['string', 'number', 'boolean'] },
      },
      examples: [{ LOG_LEVEL: 'info', STAGE: { test: 'test', production: 'prod' } }],
    },
    deadLetterQueue: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a queue from the queues section',
      description:
        'Queue that receives the events of asynchronous invocations (events, S3, SNS) that failed every retry.',
      examples: ['orders-dlq'],
    },
    network: {
      enum: ['private', 'none'],
      description:
        "Where the function runs once the spec has a network: private (default: the network's private subnets and the functions' security group) or none (outside it; GEN-P4 warns).",
      examples: ['none'],
    },
    cache: {
      type: 'boolean',
      default: false,
      description:
        "The code talks to the cache section's Redis: CACHE_ENDPOINT (host:port, TLS) and CACHE_AUTH_SECRET (the name of the secret holding the AUTH token) variables, GetSecretValue on that secret, and port 6379 from the functions' security group to the cache's.",
      examples: [true],
    },
    ...Object.fromEntries(
      registry.usable.map((s) => [usableKey(s), referencesSchema(s.key, s.names?.noun ?? s.key, s.usable)]),
    ),
  },
});
