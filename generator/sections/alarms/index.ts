/** alarms: CloudWatch alarms on what the other sections define (types from Section.alarmTypes). */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { checkAlarms } from './check.js';
import { compileAlarms } from './compile.js';
import { alarmsGraph } from './graph.js';
import { normalizeAlarm } from './model.js';
import { alarmSchema } from './schema.js';
import { alarmSettingsSchema } from './settings.js';

export const alarmsSection: Section = {
  key: 'alarms',
  kind: 'map',
  schema: alarmSchema,
  names: { pattern: KEBAB_NAME, noun: 'alarm', hint: KEBAB_HINT, maxLength: 200 },
  normalize: normalizeAlarm,
  check: checkAlarms,
  compile: compileAlarms,
  layers: [{ name: 'monitoring', after: 'api', purpose: 'alarms and the encrypted alarm topic' }],
  // The alarm topic (its confirmed subscriptions) and the key that encrypts it.
  statefulTypes: ['AWS::SNS::Topic', 'AWS::KMS::Key'],
  environment: alarmSettingsSchema,
  graph: (spec, _env, registry) => alarmsGraph(spec, registry),
};
