/**
 * The cache's part of environments/<name>.yaml: how big (the spec says what the cache is). The
 * defaults are the test environment's; production sizes up (GEN-P13 compares nodeType).
 */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface CacheEnvironmentSettings {
  nodeType: string;
  nodes: number;
  multiAz: boolean;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    cache: CacheEnvironmentSettings;
  }
}

export const cacheSettingsSchema: JsonSchema = settings('Redis cache size (used by the cache section).', {
  nodeType: {
    type: 'string',
    pattern: '^cache\\.[a-z0-9]+\\.[a-z0-9]+$',
    hint: 'use an ElastiCache node type such as cache.t3.micro',
    default: 'cache.t3.micro',
    description: 'ElastiCache node type of every node; each environment its own (GEN-P13).',
    examples: ['cache.r6g.large'],
  },
  nodes: integer(1, 6, 'Nodes of the replication group: one primary and nodes - 1 read replicas.', {
    default: 1,
    examples: [2],
  }),
  multiAz: {
    type: 'boolean',
    default: false,
    description: 'Spread the nodes over zones with automatic failover to a replica (needs nodes of 2 or more, GEN389).',
    examples: [true],
  },
});
