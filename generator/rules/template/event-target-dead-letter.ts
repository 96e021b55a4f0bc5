/**
 * GEN-G3, guardrail (breadth.md §3.14 G3). Why: EventBridge delivers to a target asynchronously and
 * retries for up to 24 hours (185 attempts by default, or the target's RetryPolicy); after that, or
 * at once for errors it does not retry (a missing permission, a deleted target), the event is
 * dropped without a trace unless the target has a dead-letter queue. EventBridge Scheduler
 * schedules deliver the same way and take the same DeadLetterConfig, so they are checked too.
 */
import { resourcesOf, type Rule } from '../rule.js';

export const eventTargetDeadLetter: Rule = {
  id: 'GEN-G3',
  name: 'event-target-dead-letter',
  scope: 'stack',
  title: 'Dead-letter queues on event targets',
  description:
    'Every target of an EventBridge rule (AWS::Events::Rule) and of a schedule (AWS::Scheduler::Schedule) has a DeadLetterConfig with an SQS queue ARN.',
  fix: 'give the target DeadLetterConfig.Arn: the ARN of an SQS queue whose policy lets events.amazonaws.com (or the schedule role) send to it',
  check: (template) => [
    ...resourcesOf(template, 'AWS::Events::Rule').flatMap(([id, r]) =>
      [r.Properties?.Targets ?? []]
        .flat()
        .filter((t: any) => !t?.DeadLetterConfig?.Arn)
        .map((t: any) => ({
          resource: id,
          message: `target '${t?.Id ?? '?'}' has no dead-letter queue (DeadLetterConfig)`,
        })),
    ),
    ...resourcesOf(template, 'AWS::Scheduler::Schedule')
      .filter(([, r]) => !r.Properties?.Target?.DeadLetterConfig?.Arn)
      .map(([id]) => ({ resource: id, message: 'its target has no dead-letter queue (DeadLetterConfig)' })),
  ],
};
