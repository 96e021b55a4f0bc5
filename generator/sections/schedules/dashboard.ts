/** Schedules on the dashboard: Scheduler's invocation attempts and target errors for the project's schedule group. */
import { names } from '../../naming/ids.js';
import { projectOf } from '../project/model.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { schedulesOf } from './model.js';

export function schedulesDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const project = projectOf(spec);
  if (schedulesOf(spec).items.length === 0 || !project) return [];
  const group = names.scheduleGroup(env.name, project.value.name);
  const series = (metric: string) => [['AWS/Scheduler', metric, 'ScheduleGroup', group]];
  return [
    { title: 'Schedule invocations', stat: 'Sum', metrics: series('InvocationAttemptCount') },
    { title: 'Schedule target errors', stat: 'Sum', metrics: series('TargetErrorCount') },
  ];
}
