/**
 * GEN-G2, guardrail (breadth.md §3.14 G2). Why: while a function works on a batch, its messages are
 * invisible for the queue's visibility timeout; if the function may run longer, the messages
 * reappear and are processed twice, in parallel. Lambda refuses to create the event source mapping
 * in that case ("queue visibility timeout ... is less than function timeout"), so the stack would
 * fail at deploy time; this rule says so at build time. AWS recommends six times the function
 * timeout (plus the batching window) to leave room for retries; that is the queues section's
 * default, and the rule asks only for the minimum Lambda enforces. The queue, the mapping and the
 * function usually sit in three stacks (data, triggers, app), so the rule looks at all stacks checked
 * together and skips a pair it cannot see. Defaults are the services' own: 30 s visibility, 3 s timeout.
 */
import { consumerName, consumersOf } from '../consumers.js';
import { environmentOf, numberOf } from '../environment-view.js';
import { resourcesOf, type Rule } from '../rule.js';

export const queueVisibilityTimeout: Rule = {
  id: 'GEN-G2',
  name: 'queue-visibility-timeout',
  scope: 'environment',
  title: 'Queue visibility timeout covers its consumer',
  description:
    "A queue read by a function (AWS::Lambda::EventSourceMapping) has a visibility timeout at least the function's timeout, when queue, mapping and function are among the stacks checked together.",
  fix: "raise the queue's VisibilityTimeout to at least the function's Timeout (AWS recommends 6 times it), or shorten the function's timeout",
  check: (template, context) => {
    const view = environmentOf(template, context);
    return resourcesOf(template, 'AWS::SQS::Queue').flatMap(([id, q]) => {
      const visibility = q.Properties?.VisibilityTimeout === undefined ? 30 : numberOf(q.Properties.VisibilityTimeout);
      if (visibility === undefined) return [];
      return consumersOf(view, q).flatMap((c) => {
        const timeout =
          c.fn && (c.fn.resource.Properties?.Timeout === undefined ? 3 : numberOf(c.fn.resource.Properties.Timeout));
        return timeout !== undefined && visibility < timeout
          ? [
              {
                resource: id,
                message: `visibility timeout ${visibility} s is shorter than the ${timeout} s timeout of its consumer ${consumerName(view, c)} (${c.mapping.id})`,
              },
            ]
          : [];
      });
    });
  },
};
