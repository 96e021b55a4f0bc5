/**
 * cache-memory: the fullest node's DatabaseMemoryUsagePercentage (AWS/ElastiCache). Node metrics
 * carry the member cluster's id, <replication group>-001, -002..., one per node of the
 * environment, so the alarm takes the maximum over all of them (a replica fills as its primary).
 */
import { names } from '../../naming/ids.js';
import { expression, metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';
import { cacheOf, projectName } from './model.js';

export const cacheMemoryAlarm: AlarmType = {
  subject: 'the cache',
  unit: 'percent',
  defaultThreshold: 80,
  about: 'memory used by the fullest cache node, in percent of what Redis may use',
  unavailable: (spec) =>
    cacheOf(spec)
      ? undefined
      : {
          code: 'GEN388',
          message: 'watches the cache, but the spec has no cache',
          fix: 'add a cache section, or remove this alarm',
        },
  metrics: (_, { spec, env }) => {
    const group = names.cache(env.name, projectName(spec));
    const nodes = Array.from({ length: env.cache.nodes }, (_, i) =>
      metric(
        `node${i + 1}`,
        'AWS/ElastiCache',
        'DatabaseMemoryUsagePercentage',
        { CacheClusterId: `${group}-${String(i + 1).padStart(3, '0')}` },
        env.alarms.periodSeconds,
        'Maximum',
      ),
    );
    if (nodes.length === 1) return [returning(nodes[0])];
    return [...nodes, expression('fullest', `MAX([${nodes.map((n) => n.Id).join(', ')}])`, 'fullest node (%)')];
  },
};
