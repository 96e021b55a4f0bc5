/**
 * GEN-G9, guardrail, a warning (breadth.md §3.4 and §3.14: "a consumed queue without a DLQ is a
 * warning, since `deadLetterQueue: none` is allowed"). Why: a message its consumer keeps failing on
 * returns to the queue after every visibility timeout and is retried until the retention period
 * ends, then deleted without a trace, while it keeps the function busy. A redrive policy moves it
 * to a dead-letter queue after maxReceiveCount attempts, where it can be inspected and replayed.
 * Lambda's on-failure destinations do not apply to SQS sources, so the queue's RedrivePolicy is
 * the only place for it. A queue that is itself a dead-letter queue (of a queue, an event target, a
 * schedule or a function) is exempt: it is the end of the line. The mapping may be in another stack.
 */
import { consumerName, consumersOf } from '../consumers.js';
import { environmentOf, jsonProperty, type EnvironmentView } from '../environment-view.js';
import { resourcesOf, type CfnResource, type Rule } from '../rule.js';

/** Every queue the environment's resources name as a dead-letter queue. */
function deadLetterQueues(view: EnvironmentView): Set<CfnResource> {
  const named = (type: string, arnOf: (properties: Record<string, any>) => unknown[]) =>
    view.all(type).flatMap((from) => arnOf(from.resource.Properties ?? {}).map((arn) => ({ from, arn })));
  const targets = [
    ...named('AWS::SQS::Queue', (p) => [jsonProperty(p.RedrivePolicy)?.deadLetterTargetArn]),
    ...named('AWS::Events::Rule', (p) => [p.Targets ?? []].flat().map((t: any) => t?.DeadLetterConfig?.Arn)),
    ...named('AWS::Scheduler::Schedule', (p) => [p.Target?.DeadLetterConfig?.Arn]),
    ...named('AWS::Lambda::Function', (p) => [p.DeadLetterConfig?.TargetArn]),
    ...named('AWS::Lambda::EventInvokeConfig', (p) => [p.DestinationConfig?.OnFailure?.Destination]),
  ];
  return new Set(
    targets.flatMap(({ from, arn }) => {
      const queue = arn ? view.resolve(arn, 'AWS::SQS::Queue', from.stack) : undefined;
      return queue ? [queue.resource] : [];
    }),
  );
}

export const consumedQueueDeadLetter: Rule = {
  id: 'GEN-G9',
  name: 'consumed-queue-dead-letter',
  scope: 'environment',
  severity: 'warning',
  title: 'Dead-letter queues on consumed queues',
  description:
    'A queue read by a function (AWS::Lambda::EventSourceMapping) has a RedrivePolicy with a dead-letter queue, unless it is a dead-letter queue itself. A warning, not an error.',
  fix: 'give the queue RedrivePolicy {deadLetterTargetArn, maxReceiveCount} (in gen: leave deadLetterQueue at auto or name a queue)',
  check: (template, context) => {
    const view = environmentOf(template, context);
    const terminal = deadLetterQueues(view);
    return resourcesOf(template, 'AWS::SQS::Queue')
      .filter(([, q]) => !jsonProperty(q.Properties?.RedrivePolicy)?.deadLetterTargetArn && !terminal.has(q))
      .flatMap(([id, q]) =>
        consumersOf(view, q)
          .slice(0, 1)
          .map((c) => ({
            resource: id,
            message: `is read by ${consumerName(view, c)} (${c.mapping.id}) but has no dead-letter queue (RedrivePolicy)`,
          })),
      );
  },
};
