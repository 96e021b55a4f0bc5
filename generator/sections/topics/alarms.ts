/** Alarm types on topics. */
import { byName } from '../../spec.js';
import { names } from '../../naming/ids.js';
import { metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';
import { topicsOf } from './model.js';

export const topicAlarmTypes: Record<string, AlarmType> = {
  'topic-failed-deliveries': {
    watches: 'topic',
    unit: 'count',
    defaultThreshold: 1,
    about: 'messages of a topic SNS could not deliver to a subscriber',
    metrics: (topic, { spec, env }) => {
      const topicName = names.topic(env.name, topic ?? '', byName(topicsOf(spec), topic ?? '')?.value.fifo === true);
      return [
        returning(
          metric(
            'failed',
            'AWS/SNS',
            'NumberOfNotificationsFailed',
            { TopicName: topicName },
            env.alarms.periodSeconds,
            'Sum',
          ),
        ),
      ];
    },
  },
};
