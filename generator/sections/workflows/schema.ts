import { integer, KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { COMPARISONS } from './conditions.js';

export const STATE_NAME = '^[A-Za-z][A-Za-z0-9_-]*$';
const STATE_HINT = 'use letters, digits, dashes and underscores, starting with a letter (for example: ValidateOrder)';
const stateName = (description: string, example: string): JsonSchema => ({
  type: 'string',
  pattern: STATE_NAME,
  hint: STATE_HINT,
  maxLength: 80,
  description,
  examples: [example],
});
const jsonPath = (description: string, example: string): JsonSchema => ({
  type: 'string',
  pattern: '^\\$',
  hint: 'write a JSONPath starting with $, for example $.order',
  description,
  examples: [example],
});
const errorNames: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', minLength: 1 },
  description: 'Error names matched (States.ALL: any; Lambda.ServiceException, States.Timeout, your own...).',
  examples: [['States.ALL']],
};

const retry: JsonSchema = {
  type: 'array',
  description:
    'How a function state retries errors, first matching rule wins. Default: the transient Lambda errors (Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException, Lambda.TooManyRequestsException), 3 attempts from 2 s, backoff 2.0; [] retries nothing.',
  examples: [[{ errors: ['States.Timeout'], intervalSeconds: 5, maxAttempts: 2, backoffRate: 1.5 }]],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['errors'],
    properties: {
      errors: errorNames,
      intervalSeconds: integer(1, 99999999, 'Seconds before the first retry (default 1).'),
      maxAttempts: integer(0, 99999999, 'Retries at most (default 3; 0: never).'),
      backoffRate: { type: 'number', minimum: 1, description: 'Factor the interval grows by per retry (default 2.0).' },
    },
  },
};

const catches: JsonSchema = {
  type: 'array',
  description: 'Where a function state goes on errors it did not retry away: {errors, next, resultPath}.',
  examples: [[{ errors: ['States.ALL'], next: 'HandleFailure', resultPath: '$.error' }]],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['errors', 'next'],
    properties: {
      errors: errorNames,
      next: stateName('State to go to.', 'HandleFailure'),
      resultPath: {
        type: ['string', 'null'],
        description: 'Where the error goes in the input (default $: replaces it).',
      },
    },
  },
};

/** A comparison of one value: {variable, <comparison>: value}. */
const comparison: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    variable: jsonPath('The value compared.', '$.amount'),
    ...Object.fromEntries(COMPARISONS.map((c) => [c, {}])),
  },
};

/** A choice rule: a comparison, or and/or/not of comparisons (deeper nesting needs a definition file), and where it leads. */
const rule: JsonSchema = {
  ...comparison,
  required: ['next'],
  properties: {
    ...(comparison.properties as object),
    and: { type: 'array', minItems: 1, items: comparison },
    or: { type: 'array', minItems: 1, items: comparison },
    not: comparison,
    next: stateName('State to go to when the rule matches.', 'Approve'),
  },
};

const state: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'One state, of the kind its key says: function (invoke a Lambda function), pass, wait, choice, succeed or fail.',
  properties: {
    comment: { type: 'string', maxLength: 1024, description: 'What the state does.', examples: ['Checks limits'] },
    function: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a function from the functions section',
      description:
        'Invoke this function (Task arn:aws:states:::lambda:invoke, its `live` alias where provisioned concurrency applies) and wait for its result.',
      examples: ['transaction-validation'],
    },
    payload: {
      description:
        'What a function state sends: a JSONPath into the state input ($.order), or an object whose keys ending in .$ take JSONPaths. Default: the whole input ($).',
      examples: ['$.order', { 'orderId.$': '$.id', source: 'workflow' }],
      if: { type: 'string' },
      then: { type: 'string', pattern: '^\\$', hint: 'write a JSONPath starting with $, or an object' },
      else: { type: 'object' },
    },
    resultSelector: {
      type: 'object',
      description:
        "Shapes a function state's result before resultPath (the invoke result is {Payload, StatusCode, ...}).",
      examples: [{ 'result.$': '$.Payload' }],
    },
    resultPath: {
      type: ['string', 'null'],
      description: 'Where the result goes in the input (default $: replaces it; null: discards it).',
      examples: ['$.validationResult'],
    },
    retry,
    catch: catches,
    timeoutSeconds: integer(1, 99999999, 'Fail a function state with States.Timeout after this many seconds.', {
      examples: [60],
    }),
    pass: {
      type: 'boolean',
      const: true,
      description: 'A pass state: passes its input on (or result).',
      examples: [true],
    },
    result: { description: 'Fixed output of a pass state (any JSON value).', examples: [{ status: 'accepted' }] },
    wait: {
      description:
        'A wait state: seconds, or {secondsPath}, {timestamp} or {timestampPath} (exactly one) saying until when.',
      examples: [30, { timestampPath: '$.notBefore' }],
      if: { type: 'object' },
      then: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
        properties: {
          secondsPath: jsonPath('Seconds to wait, from the input.', '$.delay'),
          timestamp: {
            type: 'string',
            description: 'Wait until this time (ISO 8601).',
            examples: ['2026-01-01T00:00:00Z'],
          },
          timestampPath: jsonPath('Wait until the time in the input.', '$.notBefore'),
        },
      },
      else: { type: 'integer', minimum: 0, maximum: 99999999 },
    },
    choice: {
      type: 'array',
      minItems: 1,
      description: `A choice state: rules tried in order, each {variable, <comparison>: value, next}, {and|or: [comparisons], next} or {not: comparison, next} (deeper nesting: a definition file). Comparisons: ${COMPARISONS.join(', ')}.`,
      examples: [[{ variable: '$.amount', numericGreaterThan: 10000, next: 'ManualReview' }]],
      items: rule,
    },
    default: stateName('Where a choice state goes when no rule matches.', 'Approve'),
    succeed: {
      type: 'boolean',
      const: true,
      description: 'A succeed state: the execution ends well.',
      examples: [true],
    },
    fail: {
      description: 'A fail state: the execution fails, with this error and cause.',
      examples: [
        true,
        { error: 'TransactionProcessingFailed', cause: 'Transaction processing failed after all retries' },
      ],
      if: { type: 'object' },
      then: {
        type: 'object',
        additionalProperties: false,
        properties: {
          error: { type: 'string', maxLength: 256, description: 'Error name.', examples: ['OrderRejected'] },
          cause: { type: 'string', maxLength: 32768, description: 'Why, in words.', examples: ['Limit exceeded'] },
        },
      },
      else: { type: 'boolean', const: true },
    },
    next: stateName('The state that follows (function, pass and wait states: next or end).', 'FraudDetection'),
    end: { type: 'boolean', const: true, description: 'The execution ends after this state.', examples: [true] },
  },
};

export const workflowSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    "A workflow: a Step Functions state machine named <environment>-<name>, logging to /aws/vendedlogs/states/<environment>-<name> (the environment's retention), traced with X-Ray, run by a role that may invoke exactly the functions its states name. Either start and states (the short form), or definition (a state-language file).",
  properties: {
    type: {
      enum: ['standard', 'express'],
      default: 'standard',
      description:
        'standard: up to a year, exactly once, execution history kept 90 days; express: up to 5 minutes, at least once, high volume, history only in the logs.',
    },
    comment: {
      type: 'string',
      maxLength: 1024,
      description: 'What the workflow does.',
      examples: ['Validates and screens a transaction'],
    },
    logs: {
      enum: ['off', 'errors', 'all'],
      default: 'errors',
      description:
        'What executions log: off, errors (level ERROR), or all (level ALL, with execution data: inputs and outputs).',
    },
    tracing: { type: 'boolean', default: true, description: 'X-Ray tracing of executions.' },
    start: stateName('The first state (short form).', 'ValidateTransaction'),
    states: {
      type: 'object',
      minProperties: 1,
      description:
        'The states by name (short form); each says its kind with one key: function, pass, wait, choice, succeed or fail.',
      examples: [{ Validate: { function: 'validate', next: 'Done' }, Done: { succeed: true } }],
      propertyNames: { pattern: STATE_NAME, maxLength: 80, hint: STATE_HINT },
      additionalProperties: state,
    },
    definition: {
      type: 'string',
      pattern: '^[^/].*\\.(json|asl\\.ya?ml)$',
      hint: 'name a .json file, or a YAML file ending in .asl.yaml, relative to spec/',
      description:
        "Escape: a full Amazon States Language file relative to spec/ (.json, or .asl.yaml, which the spec scan skips), for Parallel, Map and other integrations. ${function:<name>} stands for a function's ARN; the role may invoke the functions named so.",
      examples: ['workflows/backfill.asl.yaml'],
    },
  },
};
