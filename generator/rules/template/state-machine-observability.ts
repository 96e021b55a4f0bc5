/**
 * GEN-G6, guardrail, a warning (breadth.md §3.14: "state machines log to a group with the
 * environment retention and trace"). Why: an Express execution leaves no history but its logs,
 * and a Standard one keeps history only 90 days; without a log destination (or with level OFF)
 * a failed execution cannot be investigated, and without X-Ray its calls to functions cannot be
 * followed. The log group's retention is GEN-P12's. A warning, since a workflow may turn logging
 * (`logs: off`) or tracing (`tracing: false`) off on purpose.
 */
import { resourcesOf, type Rule } from '../rule.js';

export const stateMachineObservability: Rule = {
  id: 'GEN-G6',
  name: 'state-machine-observability',
  scope: 'stack',
  severity: 'warning',
  title: 'State machine logging and tracing',
  description:
    'Every Step Functions state machine logs (a level other than OFF) to a CloudWatch log group, and has X-Ray tracing enabled. A warning, not an error.',
  fix: 'set LoggingConfiguration {Level: ERROR or ALL, Destinations: [{CloudWatchLogsLogGroup: {LogGroupArn}}]} and TracingConfiguration {Enabled: true} (in gen: logs errors or all, tracing true)',
  check: (template) =>
    resourcesOf(template, 'AWS::StepFunctions::StateMachine').flatMap(([id, r]) => {
      const logging = r.Properties?.LoggingConfiguration;
      const level = logging?.Level ?? 'OFF';
      const destination = [logging?.Destinations ?? []].flat()[0]?.CloudWatchLogsLogGroup?.LogGroupArn;
      return [
        ...(level === 'OFF' || !destination
          ? [
              {
                resource: id,
                message: level === 'OFF' ? 'logs nothing (level OFF)' : `logs at level ${level} but to no log group`,
              },
            ]
          : []),
        ...(r.Properties?.TracingConfiguration?.Enabled !== true
          ? [{ resource: id, message: 'is not traced (X-Ray)' }]
          : []),
      ];
    }),
};
