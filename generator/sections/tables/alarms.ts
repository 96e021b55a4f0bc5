/** Alarm types on tables. */
import { names } from '../../naming/ids.js';
import { expression, metric } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';

export const tableAlarmTypes: Record<string, AlarmType> = {
  'table-throttles': {
    watches: 'table',
    unit: 'count',
    defaultThreshold: 1,
    about: 'reads and writes a table refused for lack of capacity',
    metrics: (table, { env }) => {
      const dimensions = { TableName: names.table(env.name, table ?? '') };
      const period = env.alarms.periodSeconds;
      return [
        metric('reads', 'AWS/DynamoDB', 'ReadThrottleEvents', dimensions, period, 'Sum'),
        metric('writes', 'AWS/DynamoDB', 'WriteThrottleEvents', dimensions, period, 'Sum'),
        expression('throttles', 'FILL(reads, 0) + FILL(writes, 0)', 'Throttled requests'),
      ];
    },
  },
};
