/** queues: SQS queues (standard and FIFO), their dead-letter queues and the function that consumes each. */
import { ids } from '../../naming/ids.js';
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { queueAlarmTypes } from './alarms.js';
import { checkQueues } from './check.js';
import { compileQueues } from './compile.js';
import { queuesDashboard } from './dashboard.js';
import { queuesGraph } from './graph.js';
import { groupRoot, normalizeQueue, queuesOf } from './model.js';
import { queueSchema } from './schema.js';
import { consumerUses, queueUsable } from './usable.js';

export const queuesSection: Section = {
  key: 'queues',
  kind: 'map',
  schema: queueSchema,
  // <environment>-<name>-dlq.fifo must fit SQS's 80 characters; compile checks the full name per environment.
  names: { pattern: KEBAB_NAME, noun: 'queue', hint: KEBAB_HINT, maxLength: 60 },
  normalize: normalizeQueue,
  check: checkQueues,
  compile: compileQueues,
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
  statefulTypes: ['AWS::SQS::Queue'],
  usable: queueUsable,
  alarmTypes: queueAlarmTypes,
  graph: queuesGraph,
  invokes: (spec) => queuesOf(spec).items.flatMap(({ value }) => (value.consumer ? [value.consumer.function] : [])),
  /**
   * A consumer receives from its queue: its role gets the `receive` statement, unless it already
   * writes `queues: {<queue>: receive | send-receive}` (which covers it). No variable: the
   * messages arrive in the event.
   */
  impliedUses: consumerUses,
  // A queue, its policy and dead-letter queue share the group of the last queue in its dead-letter chain.
  placementGroup: (spec, name) => ids.queue(groupRoot(spec, name)),
  dashboard: queuesDashboard,
};
