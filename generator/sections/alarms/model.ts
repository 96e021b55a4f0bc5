export const ALARM_TYPES = {
  'function-error-rate': { target: 'function', unit: 'percent', defaultThreshold: 5, about: 'share of a function\'s runs that fail' },
  'function-duration': { target: 'function', unit: 'milliseconds', defaultThreshold: 3000, about: 'p99 run time of a function' },
  'function-throttles': { target: 'function', unit: 'count', defaultThreshold: 1, about: 'runs of a function refused for lack of concurrency' },
  'table-throttles': { target: 'table', unit: 'count', defaultThreshold: 1, about: 'reads and writes a table refused for lack of capacity' },
  'api-5xx-rate': { target: 'api', unit: 'percent', defaultThreshold: 1, about: 'share of API requests answered with a server error' },
  'api-latency': { target: 'api', unit: 'milliseconds', defaultThreshold: 3000, about: 'p99 API response time' },
} as const;
export type AlarmType = keyof typeof ALARM_TYPES;

export interface Alarm {
  type: AlarmType;
  function?: string;
  table?: string;
  /** One value, or per environment name; an environment not named uses the type's default. */
  threshold: number | Record<string, number>;
  description?: string;
}

export function normalizeAlarm(raw: Partial<Alarm> & { type: AlarmType }): Alarm {
  return {
    type: raw.type,
    ...(raw.function !== undefined ? { function: raw.function } : {}),
    ...(raw.table !== undefined ? { table: raw.table } : {}),
    threshold: raw.threshold ?? ALARM_TYPES[raw.type].defaultThreshold,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
  };
}

export function thresholdFor(alarm: Alarm, environment: string): number {
  if (typeof alarm.threshold === 'number') return alarm.threshold;
  return alarm.threshold[environment] ?? ALARM_TYPES[alarm.type].defaultThreshold;
}
