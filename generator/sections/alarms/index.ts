/** alarms: CloudWatch alarms on functions, tables and the API. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { checkAlarms } from './check.js';
import { compileAlarms } from './compile.js';
import { normalizeAlarm } from './model.js';
import { alarmSchema } from './schema.js';

export const alarmsSection: Section = {
  key: 'alarms',
  kind: 'map',
  schema: alarmSchema,
  names: { pattern: KEBAB_NAME, noun: 'alarm', hint: KEBAB_HINT, maxLength: 200 },
  normalize: normalizeAlarm,
  check: checkAlarms,
  compile: compileAlarms,
};
