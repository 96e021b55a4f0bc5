/** Topics on the dashboard: messages published, and notifications SNS failed to deliver. */
import { names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { topicsOf } from './model.js';

export function topicsDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const topics = topicsOf(spec).items.map((t) => names.topic(env.name, t.name, t.value.fifo));
  const series = (metric: string) => topics.map((topic) => ['AWS/SNS', metric, 'TopicName', topic]);
  return [
    { title: 'Topic messages published', stat: 'Sum', metrics: series('NumberOfMessagesPublished') },
    { title: 'Topic notifications failed', stat: 'Sum', metrics: series('NumberOfNotificationsFailed') },
  ];
}
