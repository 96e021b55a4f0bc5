/** Alarm types on queues. */
import { names } from '../../naming/ids.js';
import { byName, type Spec } from '../../spec.js';
import { metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';
import { autoDlqName, deadLetterOf, queuesOf } from './model.js';

type Ctx = Parameters<AlarmType['metrics']>[1];

/** One SQS metric of a queue (by its name in AWS), its largest value in each period. */
const sqs = (metricName: string, queueName: string, { env }: Ctx) => [
  returning(metric('value', 'AWS/SQS', metricName, { QueueName: queueName }, env.alarms.periodSeconds, 'Maximum')),
];

const physical = (spec: Spec, env: string, queue: string) =>
  names.queue(env, queue, byName(queuesOf(spec), queue)?.value.fifo === true);

/** The queue holding a queue's failed messages: its dead-letter queue (gen's `-dlq` or the one it names), or the queue itself when it has none (it is some other source's). */
export function deadLetterQueueName(spec: Spec, env: string, queue: string): string {
  const entry = byName(queuesOf(spec), queue);
  const dead = entry ? deadLetterOf(spec, entry) : { queue: 'none' };
  if (dead.queue === 'auto') return names.queue(env, autoDlqName(queue), entry!.value.fifo);
  return physical(spec, env, dead.queue === 'none' ? queue : dead.queue);
}

export const queueAlarmTypes: Record<string, AlarmType> = {
  'queue-depth': {
    watches: 'queue',
    unit: 'count',
    defaultThreshold: 100,
    about: 'messages waiting in a queue',
    metrics: (queue, ctx) =>
      sqs('ApproximateNumberOfMessagesVisible', physical(ctx.spec, ctx.env.name, queue ?? ''), ctx),
  },
  'queue-age': {
    watches: 'queue',
    unit: 'seconds',
    defaultThreshold: 300,
    about: 'age of the oldest message in a queue',
    metrics: (queue, ctx) => sqs('ApproximateAgeOfOldestMessage', physical(ctx.spec, ctx.env.name, queue ?? ''), ctx),
  },
  'dlq-not-empty': {
    watches: 'queue',
    unit: 'count',
    defaultThreshold: 1,
    about:
      "messages in the dead-letter queue of a queue (gen's <queue>-dlq or the one it names; a queue without one is watched itself, as another source's dead-letter queue)",
    metrics: (queue, ctx) =>
      sqs('ApproximateNumberOfMessagesVisible', deadLetterQueueName(ctx.spec, ctx.env.name, queue ?? ''), ctx),
  },
};
