/** Workflows on the dashboard: executions started and failed, per state machine. */
import { arns, names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { workflowsOf } from './model.js';

export function workflowsDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  // The dashboard body is one Fn::Sub, so the ARN's ${AWS::Region} and the like are filled in.
  const machines = workflowsOf(spec).items.map(({ name }) => arns.stateMachine(names.stateMachine(env.name, name)));
  const series = (metric: string) => machines.map((arn) => ['AWS/States', metric, 'StateMachineArn', arn]);
  return [
    { title: 'Workflow executions started', stat: 'Sum', metrics: series('ExecutionsStarted') },
    { title: 'Workflow executions failed', stat: 'Sum', metrics: series('ExecutionsFailed') },
  ];
}
