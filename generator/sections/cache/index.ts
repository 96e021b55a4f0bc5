/** cache: an ElastiCache Redis replication group in the network, reached by the functions that ask for it. */
import type { Section } from '../section.js';
import { cacheMemoryAlarm } from './alarm.js';
import { checkCache } from './check.js';
import { compileCache } from './compile.js';
import { cacheUses, configureFunction } from './function-config.js';
import { cacheGraph } from './graph.js';
import { normalizeCache } from './model.js';
import { cacheSchema } from './schema.js';
import { cacheSettingsSchema } from './settings.js';

export const cacheSection: Section = {
  key: 'cache',
  kind: 'single',
  schema: cacheSchema,
  normalize: normalizeCache,
  check: checkCache,
  compile: compileCache,
  // Its data (Snapshot on delete when protected), and the AUTH token's secret: never removed or replaced without a flag naming them.
  statefulTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::SecretsManager::Secret'],
  environment: cacheSettingsSchema,
  configureFunction,
  impliedUses: cacheUses,
  alarmTypes: { 'cache-memory': cacheMemoryAlarm },
  graph: cacheGraph,
};
