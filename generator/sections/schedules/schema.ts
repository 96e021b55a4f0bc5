import { integer, KEBAB_NAME, perEnvironmentSwitch, type JsonSchema } from '../../schema/json-schema.js';

export const RATE = '^[1-9][0-9]{0,4} (minute|minutes|hour|hours|day|days)$';
export const WINDOW = '^[1-9][0-9]{0,3} (minute|minutes|hour|hours)$';

export const scheduleSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['deadLetterQueue'],
  description:
    'A schedule (EventBridge Scheduler) that invokes a function: every so often, or at cron times. Its name in AWS is <environment>-<name>, in the schedule group <environment>-<project>.',
  properties: {
    description: {
      type: 'string',
      maxLength: 512,
      description: 'What the schedule is for.',
      examples: ['Nightly data quality checks'],
    },
    every: {
      type: 'string',
      pattern: RATE,
      hint: 'write a number and a unit: 5 minutes, 1 hour, 2 days',
      description: 'Run at this interval (exactly one of every, cron).',
      examples: ['5 minutes'],
    },
    cron: {
      type: 'string',
      minLength: 1,
      maxLength: 256,
      description:
        'Run at these times: six EventBridge cron fields, minutes hours day-of-month month day-of-week year (one of the two days is ?).',
      examples: ['0 2 * * ? *'],
    },
    timezone: {
      type: 'string',
      minLength: 1,
      maxLength: 50,
      description: 'Time zone of cron times (IANA name; daylight saving time is followed). Default: UTC.',
      examples: ['Europe/Berlin'],
    },
    function: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a function from the functions section',
      description: 'Function invoked (exactly one of function, workflow).',
      examples: ['quality'],
    },
    workflow: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a workflow from the workflows section',
      description:
        "Workflow started, with input as its input (exactly one of function, workflow); the schedule's role may start exactly this workflow.",
      examples: ['data-backfill'],
    },
    input: {
      description: 'Constant event the function receives (any JSON value). Default: no payload.',
      examples: [{ check: 'all' }],
    },
    retries: integer(0, 185, 'Invocation attempts after the first fails (Scheduler default: 185).', { examples: [2] }),
    maxEventAgeSeconds: integer(60, 86400, 'Stop retrying an invocation this old (Scheduler default: 86400, a day).', {
      examples: [3600],
    }),
    deadLetterQueue: {
      type: 'string',
      pattern: KEBAB_NAME,
      hint: 'use the name of a queue from the queues section',
      description:
        'Standard queue that receives the invocations that failed every retry (required: without one they are dropped without a trace).',
      examples: ['ops-dlq'],
    },
    window: {
      type: 'string',
      pattern: WINDOW,
      hint: 'write a number and a unit: 15 minutes, 1 hour (at most 24 hours)',
      description:
        'Let Scheduler start up to this much later, to spread load (flexible time window). Default: exactly on time.',
      examples: ['15 minutes'],
    },
    enabled: perEnvironmentSwitch(
      'Whether the schedule runs: one value, or one per environment ({test: false}; an environment not named runs it).',
      true,
      { test: false },
    ),
  },
};
