/** Tables on the dashboard: capacity consumed and requests throttled. */
import { names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { tablesOf } from './model.js';

export function tablesDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const tables = tablesOf(spec).items.map((t) => names.table(env.name, t.name));
  const series = (metric: string) => tables.map((table) => ['AWS/DynamoDB', metric, 'TableName', table]);
  return [
    { title: 'Table read capacity consumed', stat: 'Sum', metrics: series('ConsumedReadCapacityUnits') },
    { title: 'Table write capacity consumed', stat: 'Sum', metrics: series('ConsumedWriteCapacityUnits') },
    { title: 'Table throttled requests', stat: 'Sum', metrics: series('ThrottledRequests') },
  ];
}
