/** tables: DynamoDB tables with keys, indexes and expiry. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { tablesDashboard } from './dashboard.js';
import { tableAlarmTypes } from './alarms.js';
import { checkTableKeys, checkTableName } from './check.js';
import { compileTables } from './compile.js';
import { tablesGraph } from './graph.js';
import { normalizeTable, tablesOf } from './model.js';
import { tableSchema } from './schema.js';
import { tableSettingsSchema } from './settings.js';
import { tableUsable } from './usable.js';

export const tablesSection: Section = {
  key: 'tables',
  kind: 'map',
  schema: tableSchema,
  names: { pattern: KEBAB_NAME, noun: 'table', hint: KEBAB_HINT, maxLength: 200, unknown: 'GEN301' },
  normalize: normalizeTable,
  check: (spec) => tablesOf(spec).items.flatMap((entry) => [...checkTableKeys(entry), ...checkTableName(spec, entry)]),
  compile: compileTables,
  layers: [{ name: 'data', purpose: 'stateful data (tables); never replaced or deleted without an explicit flag' }],
  statefulTypes: ['AWS::DynamoDB::Table'],
  environment: tableSettingsSchema,
  usable: tableUsable,
  alarmTypes: tableAlarmTypes,
  graph: tablesGraph,
  dashboard: tablesDashboard,
};
