/**
 * CloudWatch's limit on how far back an alarm looks (PutMetricAlarm): period × evaluation
 * periods at most one day for periods under an hour, seven days from an hour on. Checked per
 * environment, where an alarm's own values meet the environment's alarms settings; a template
 * beyond the limit passes cfn-lint and fails only at deploy.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import type { Entry } from '../../spec.js';
import type { Alarm } from './model.js';

const DAY = 86400;
const HOUR = 3600;

export const maxEvaluationSeconds = (period: number) => (period < HOUR ? DAY : 7 * DAY);

const duration = (seconds: number) =>
  seconds === DAY
    ? '1 day'
    : seconds < 2 * DAY
      ? `${+(seconds / HOUR).toFixed(2)} hours`
      : `${+(seconds / DAY).toFixed(2)} days`;

export function evaluationRangeProblem(
  { name, value: alarm, file, path }: Entry<Alarm>,
  env: Environment,
): Diagnostic[] {
  const period = alarm.period ?? env.alarms.periodSeconds;
  const periods = alarm.evaluationPeriods ?? env.alarms.evaluationPeriods;
  const limit = maxEvaluationSeconds(period);
  if (period * periods <= limit) return [];
  // Point at the value the alarm sets itself, else at the environment's setting.
  const own = alarm.evaluationPeriods !== undefined || alarm.period !== undefined;
  const location =
    alarm.evaluationPeriods !== undefined
      ? { file, path: [...path, 'evaluationPeriods'] }
      : alarm.period !== undefined
        ? { file, path: [...path, 'period'] }
        : { file: env.file, path: ['alarms', 'evaluationPeriods'] };
  const most = Math.floor(limit / period);
  const setting = own ? `the alarm's evaluationPeriods` : `alarms.evaluationPeriods in ${env.file}`;
  return [
    error(
      'GEN204',
      `alarm '${name}' in environment ${env.name} looks back ${periods} periods of ${period} s (${duration(period * periods)}); ` +
        `CloudWatch allows at most ${duration(limit)} for ${period < HOUR ? 'periods under an hour' : 'periods of an hour or more'}`,
      location,
      `set ${setting} to at most ${most}${period < HOUR ? ', or use a period of an hour or more' : ''}`,
    ),
  ];
}
