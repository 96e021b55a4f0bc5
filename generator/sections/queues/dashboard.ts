/** Queues on the dashboard: messages waiting (automatic dead-letter queues included) and the age of the oldest message. */
import { names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { autoDlqName, deadLetterOf, queuesOf } from './model.js';

export function queuesDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const entries = queuesOf(spec).items;
  const queues = entries.flatMap((entry) => [
    names.queue(env.name, entry.name, entry.value.fifo),
    ...(deadLetterOf(spec, entry).queue === 'auto'
      ? [names.queue(env.name, autoDlqName(entry.name), entry.value.fifo)]
      : []),
  ]);
  const series = (metric: string, list: string[]) => list.map((queue) => ['AWS/SQS', metric, 'QueueName', queue]);
  return [
    { title: 'Queue messages visible', stat: 'Maximum', metrics: series('ApproximateNumberOfMessagesVisible', queues) },
    {
      title: 'Queue age of oldest message (s)',
      stat: 'Maximum',
      metrics: series('ApproximateAgeOfOldestMessage', queues),
    },
  ];
}
