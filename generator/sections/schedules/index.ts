/** schedules: EventBridge Scheduler schedules (rate or cron, time zones, retries, per-environment enable) that invoke functions or start workflows. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import { TRIGGERS_LAYER } from '../events/targets.js';
import type { Section } from '../section.js';
import { checkSchedules } from './check.js';
import { compileSchedules } from './compile.js';
import { schedulesDashboard } from './dashboard.js';
import { schedulesGraph } from './graph.js';
import { normalizeSchedule, schedulesOf } from './model.js';
import { scheduleSchema } from './schema.js';

export const schedulesSection: Section = {
  key: 'schedules',
  kind: 'map',
  schema: scheduleSchema,
  // <environment>-<name> must fit Scheduler's 64 characters; checked per environment.
  names: { pattern: KEBAB_NAME, noun: 'schedule', hint: KEBAB_HINT, maxLength: 50 },
  normalize: normalizeSchedule,
  check: checkSchedules,
  compile: compileSchedules,
  layers: [TRIGGERS_LAYER],
  invokes: (spec) =>
    schedulesOf(spec).items.flatMap(({ value }) => (value.function !== undefined ? [value.function] : [])),
  graph: schedulesGraph,
  dashboard: schedulesDashboard,
};
