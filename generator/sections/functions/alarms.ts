/** Alarm types on functions. */
import { names } from '../../naming/ids.js';
import { expression, metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';

type Ctx = Parameters<AlarmType['metrics']>[1];
const lambda = (fn: string | undefined, { env }: Ctx) => ({ dimensions: { FunctionName: names.function(env.name, fn ?? '') }, period: env.alarms.periodSeconds });

export const functionAlarmTypes: Record<string, AlarmType> = {
  'function-error-rate': {
    watches: 'function', unit: 'percent', defaultThreshold: 5, about: 'share of a function\'s runs that fail',
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [
        metric('errors', 'AWS/Lambda', 'Errors', dimensions, period, 'Sum'),
        metric('invocations', 'AWS/Lambda', 'Invocations', dimensions, period, 'Sum'),
        expression('rate', 'IF(invocations > 0, 100 * errors / invocations, 0)', 'Error rate (%)'),
      ];
    },
  },
  'function-duration': {
    watches: 'function', unit: 'milliseconds', defaultThreshold: 3000, about: 'p99 run time of a function',
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [returning(metric('duration', 'AWS/Lambda', 'Duration', dimensions, period, 'p99'))];
    },
  },
  'function-throttles': {
    watches: 'function', unit: 'count', defaultThreshold: 1, about: 'runs of a function refused for lack of concurrency',
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [returning(metric('throttles', 'AWS/Lambda', 'Throttles', dimensions, period, 'Sum'))];
    },
  },
};
