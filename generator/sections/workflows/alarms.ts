/** Alarm types on workflows: executions that failed, or timed out (AWS/States, by state machine ARN). */
import { metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';
import { stateMachineArn } from './start.js';

const executions = (metricName: string, about: string): AlarmType => ({
  watches: 'workflow',
  unit: 'count',
  defaultThreshold: 1,
  about,
  metrics: (workflow, { env }) => [
    returning(
      metric(
        'value',
        'AWS/States',
        metricName,
        { StateMachineArn: stateMachineArn(env.name, workflow ?? '') as never },
        env.alarms.periodSeconds,
        'Sum',
      ),
    ),
  ],
});

export const workflowAlarmTypes: Record<string, AlarmType> = {
  'workflow-failures': executions('ExecutionsFailed', 'executions of a workflow that failed'),
  'workflow-timeouts': executions('ExecutionsTimedOut', 'executions of a workflow that timed out'),
};
