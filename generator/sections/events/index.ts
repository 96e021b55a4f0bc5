/** events: EventBridge buses (the account's default bus, or ones gen creates), their archives and rules. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { eventAlarmTypes } from './alarms.js';
import { checkEvents } from './check.js';
import { compileEvents, ruleGrants } from './compile.js';
import { eventsDashboard } from './dashboard.js';
import { eventsGraph } from './graph.js';
import { busesOf, normalizeBus } from './model.js';
import { busSchema } from './schema.js';
import { DATA_LAYER, TRIGGERS_LAYER } from './targets.js';
import { busUsable } from './usable.js';

export const eventsSection: Section = {
  key: 'events',
  kind: 'map',
  schema: busSchema,
  names: { pattern: KEBAB_NAME, noun: 'bus', hint: KEBAB_HINT, maxLength: 100 },
  normalize: normalizeBus,
  check: checkEvents,
  compile: compileEvents,
  layers: [DATA_LAYER, TRIGGERS_LAYER],
  // Producers outside the project address a bus by name; replacing it would lose their events.
  statefulTypes: ['AWS::Events::EventBus'],
  usable: busUsable,
  alarmTypes: eventAlarmTypes,
  grants: ruleGrants,
  invokes: (spec) =>
    busesOf(spec).items.flatMap((bus) =>
      bus.value.rules.flatMap(({ value }) => (value.target?.kind === 'function' ? [value.target.name] : [])),
    ),
  graph: eventsGraph,
  dashboard: eventsDashboard,
};
