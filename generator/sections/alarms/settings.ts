/** The alarms' part of environments/<name>.yaml: how metrics are evaluated. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface AlarmSettings {
  periodSeconds: number;
  evaluationPeriods: number;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    alarms: AlarmSettings;
  }
}

export const alarmSettingsSchema: JsonSchema = settings('How alarms evaluate their metrics.', {
  periodSeconds: {
    type: 'integer',
    enum: [10, 30, 60, 300, 900, 3600],
    default: 60,
    description: 'Length of one evaluation period.',
  },
  evaluationPeriods: integer(
    1,
    100,
    'Periods in breach before the alarm fires; periodSeconds × evaluationPeriods at most 1 day (86400) for periods under an hour (GEN204).',
    { default: 3 },
  ),
});
