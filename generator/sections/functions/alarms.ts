/** Alarm types on functions. */
import { names } from '../../naming/ids.js';
import { expression, metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';

type Ctx = Parameters<AlarmType['metrics']>[1];
/** The statistic as CloudWatch spells it: average -> Average, p99 stays p99. */
const cloudWatchStatistic = (s: string) => (/^p\d/.test(s) ? s : s[0].toUpperCase() + s.slice(1));
const lambda = (fn: string | undefined, { env }: Ctx) => ({
  dimensions: { FunctionName: names.function(env.name, fn ?? '') },
  period: env.alarms.periodSeconds,
});

export const functionAlarmTypes: Record<string, AlarmType> = {
  'function-error-rate': {
    watches: 'function',
    unit: 'percent',
    defaultThreshold: 5,
    about: "share of a function's runs that fail",
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [
        metric('errors', 'AWS/Lambda', 'Errors', dimensions, period, 'Sum'),
        metric('invocations', 'AWS/Lambda', 'Invocations', dimensions, period, 'Sum'),
        expression('rate', 'IF(invocations > 0, 100 * errors / invocations, 0)', 'Error rate (%)'),
      ];
    },
  },
  'function-errors': {
    watches: 'function',
    unit: 'count',
    defaultThreshold: 1,
    about: 'runs of a function that failed, per period',
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [returning(metric('errors', 'AWS/Lambda', 'Errors', dimensions, period, 'Sum'))];
    },
  },
  'function-duration': {
    watches: 'function',
    unit: 'milliseconds',
    defaultThreshold: 3000,
    about: 'p99 run time of a function',
    describe: (statistic) => `${statistic} run time of a function`,
    statistics: ['p99', 'p95', 'p90', 'p50', 'average', 'maximum'],
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [
        returning(
          metric('duration', 'AWS/Lambda', 'Duration', dimensions, period, cloudWatchStatistic(ctx.statistic ?? 'p99')),
        ),
      ];
    },
  },
  'function-throttles': {
    watches: 'function',
    unit: 'count',
    defaultThreshold: 1,
    about: 'runs of a function refused for lack of concurrency',
    metrics: (fn, ctx) => {
      const { dimensions, period } = lambda(fn, ctx);
      return [returning(metric('throttles', 'AWS/Lambda', 'Throttles', dimensions, period, 'Sum'))];
    },
  },
};
