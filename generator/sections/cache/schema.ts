import type { JsonSchema } from '../../schema/json-schema.js';

export const cacheSchema: JsonSchema = {
  type: 'object',
  description:
    "An ElastiCache Redis replication group in the network's private subnets (sized in the environment file's cache), encrypted at rest and in transit, behind an AUTH token that Secrets Manager generates (never in a template). " +
    'Functions with cache: true reach it on port 6379 and get its address and the secret. Needs a network and the key named secrets (keys section).',
  additionalProperties: false,
  examples: [{ engine: 'redis', maintenanceWindow: 'sun:03:00-sun:04:00', snapshotRetentionDays: 7 }],
  properties: {
    engine: {
      enum: ['redis'],
      default: 'redis',
      description: 'Cache engine (Redis OSS 7.1).',
      examples: ['redis'],
    },
    maintenanceWindow: {
      type: 'string',
      pattern:
        '^(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d$',
      hint: 'use ddd:hh:mm-ddd:hh:mm in UTC, such as sun:03:00-sun:04:00',
      default: 'sun:03:00-sun:04:00',
      description: 'Weekly window (UTC, at least an hour) in which ElastiCache may patch the nodes.',
      examples: ['sun:03:00-sun:04:00'],
    },
    snapshotRetentionDays: {
      type: 'integer',
      minimum: 1,
      maximum: 35,
      default: 7,
      description:
        'Days of daily snapshots kept in protected environments (ElastiCache picks the hour, outside the maintenance window); unprotected environments keep none.',
      examples: [7],
    },
  },
};
