/** The API on the dashboard: requests, errors and latency of the stage. */
import { names } from '../../naming/ids.js';
import { projectOf } from '../project/model.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { routesOf } from './model.js';

export function apiDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const project = projectOf(spec);
  if (!project || routesOf(spec).items.length === 0) return [];
  const api = (metric: string) => [
    'AWS/ApiGateway',
    metric,
    'ApiName',
    names.api(env.name, project.value.name),
    'Stage',
    env.name,
  ];
  return [
    { title: 'API requests and errors', stat: 'Sum', metrics: [api('Count'), api('4XXError'), api('5XXError')] },
    { title: 'API latency (p99, ms)', stat: 'p99', metrics: [api('Latency'), api('IntegrationLatency')] },
  ];
}
