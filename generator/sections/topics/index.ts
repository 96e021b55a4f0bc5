/** topics: SNS topics, encrypted, with the publishers the spec names and their subscribers (e-mail, SMS, functions, queues). */
import { ids } from '../../naming/ids.js';
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { topicAlarmTypes } from './alarms.js';
import { checkTopics } from './check.js';
import { compileTopics, topicGrants } from './compile.js';
import { topicsDashboard } from './dashboard.js';
import { topicsGraph } from './graph.js';
import { normalizeTopic, topicsOf } from './model.js';
import { topicSchema } from './schema.js';
import { topicUsable } from './usable.js';

export const topicsSection: Section = {
  key: 'topics',
  kind: 'map',
  schema: topicSchema,
  names: { pattern: KEBAB_NAME, noun: 'topic', hint: KEBAB_HINT, maxLength: 200 },
  normalize: normalizeTopic,
  check: checkTopics,
  compile: compileTopics,
  layers: [
    {
      name: 'data',
      purpose: 'stateful data (tables, queues, topics); never replaced or deleted without an explicit flag',
    },
    {
      name: 'triggers',
      after: 'app',
      purpose:
        'what connects sources to functions (event source mappings, subscriptions, rules, schedules) and their invoke permissions',
    },
  ],
  // A topic's confirmed subscriptions (an e-mail subscriber would have to confirm again), and its key.
  statefulTypes: ['AWS::SNS::Topic', 'AWS::KMS::Key'],
  usable: topicUsable,
  alarmTypes: topicAlarmTypes,
  graph: topicsGraph,
  invokes: (spec) => topicsOf(spec).items.flatMap(({ value }) => value.subscribers.function),
  grants: topicGrants,
  // A topic's key, policy and e-mail, SMS and queue subscriptions share the topic's group.
  placementGroup: (_spec, name) => ids.topic(name),
  dashboard: topicsDashboard,
};
