/** Functions on the dashboard: invocations, errors, p99 duration and throttles, every function in each graph. */
import { names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { functionsOf } from './model.js';

export function functionsDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const fns = functionsOf(spec).items.map((f) => names.function(env.name, f.name));
  const series = (metric: string) => fns.map((fn) => ['AWS/Lambda', metric, 'FunctionName', fn]);
  return [
    { title: 'Function invocations', stat: 'Sum', metrics: series('Invocations') },
    { title: 'Function errors', stat: 'Sum', metrics: series('Errors') },
    { title: 'Function duration (p99, ms)', stat: 'p99', metrics: series('Duration') },
    { title: 'Function throttles', stat: 'Sum', metrics: series('Throttles') },
  ];
}
