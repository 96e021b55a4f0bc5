/** Alarm types on the API as a whole (there is one per project). */
import { names } from '../../naming/ids.js';
import { expression, metric, returning } from '../alarm-metrics.js';
import { projectOf } from '../project/model.js';
import type { AlarmType } from '../section.js';
import { routesOf } from './model.js';

type Ctx = Parameters<AlarmType['metrics']>[1];
const api = ({ spec, env }: Ctx) => ({
  dimensions: { ApiName: names.api(env.name, projectOf(spec)?.value.name ?? ''), Stage: env.name },
  period: env.alarms.periodSeconds,
});
const noRoutes: AlarmType['unavailable'] = (spec) =>
  routesOf(spec).names.size > 0
    ? undefined
    : {
        code: 'GEN310',
        message: 'watches the API, but the spec has no routes',
        fix: 'add routes, or remove this alarm',
      };

export const apiAlarmTypes: Record<string, AlarmType> = {
  'api-5xx-rate': {
    subject: 'the API',
    unit: 'percent',
    defaultThreshold: 1,
    about: 'share of API requests answered with a server error',
    unavailable: noRoutes,
    metrics: (_, ctx) => {
      const { dimensions, period } = api(ctx);
      return [
        metric('errors', 'AWS/ApiGateway', '5XXError', dimensions, period, 'Average'),
        expression('rate', '100 * errors', '5xx rate (%)'),
      ];
    },
  },
  'api-latency': {
    subject: 'the API',
    unit: 'milliseconds',
    defaultThreshold: 3000,
    about: 'p99 API response time',
    unavailable: noRoutes,
    metrics: (_, ctx) => {
      const { dimensions, period } = api(ctx);
      return [returning(metric('latency', 'AWS/ApiGateway', 'Latency', dimensions, period, 'p99'))];
    },
  },
};
