/** The metric (or metric-math expression) each alarm type watches. */
import { names } from '../../naming/ids.js';
import type { Environment } from '../../environment/model.js';
import type { Alarm } from './model.js';

const stat = (id: string, namespace: string, metric: string, dimensions: Record<string, string>, period: number, statistic: string) => ({
  Id: id,
  ReturnData: false,
  MetricStat: {
    Metric: { Namespace: namespace, MetricName: metric, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
    Period: period,
    Stat: statistic,
  },
});
const expression = (id: string, text: string, label: string) => ({ Id: id, Expression: text, Label: label, ReturnData: true });
const returning = <T extends { ReturnData: boolean }>(metric: T): T => ({ ...metric, ReturnData: true });

export function alarmMetrics(alarm: Alarm, env: Environment, apiName: string) {
  const period = env.alarms.periodSeconds;
  const fn = { FunctionName: names.function(env.name, alarm.function ?? '') };
  const api = { ApiName: apiName, Stage: env.name };
  switch (alarm.type) {
    case 'function-error-rate': return [
      stat('errors', 'AWS/Lambda', 'Errors', fn, period, 'Sum'),
      stat('invocations', 'AWS/Lambda', 'Invocations', fn, period, 'Sum'),
      expression('rate', 'IF(invocations > 0, 100 * errors / invocations, 0)', 'Error rate (%)'),
    ];
    case 'function-duration': return [returning(stat('duration', 'AWS/Lambda', 'Duration', fn, period, 'p99'))];
    case 'function-throttles': return [returning(stat('throttles', 'AWS/Lambda', 'Throttles', fn, period, 'Sum'))];
    case 'table-throttles': {
      const table = { TableName: names.table(env.name, alarm.table ?? '') };
      return [
        stat('reads', 'AWS/DynamoDB', 'ReadThrottleEvents', table, period, 'Sum'),
        stat('writes', 'AWS/DynamoDB', 'WriteThrottleEvents', table, period, 'Sum'),
        expression('throttles', 'FILL(reads, 0) + FILL(writes, 0)', 'Throttled requests'),
      ];
    }
    case 'api-5xx-rate': return [
      stat('errors', 'AWS/ApiGateway', '5XXError', api, period, 'Average'),
      expression('rate', '100 * errors', '5xx rate (%)'),
    ];
    case 'api-latency': return [returning(stat('latency', 'AWS/ApiGateway', 'Latency', api, period, 'p99'))];
  }
}
