import type { Spec } from '../../spec.js';
import { itemsOf, type Registry } from '../section.js';

export interface Alarm {
  /** One of the alarm types the sections define (Section.alarmTypes). */
  type: string;
  /** Items named in the alarm, by key (function, table, ...); the type says which one it watches. */
  targets: Record<string, string>;
  /** One value, or per environment name; an environment not named uses the type's default. */
  threshold: number | Record<string, number>;
  description?: string;
  /** This alarm's own evaluation, instead of the environment's alarms settings. */
  period?: number;
  evaluationPeriods?: number;
  statistic?: string;
}

/** Keys an alarm may name an item with: what some alarm type watches. */
export const watchKeys = (registry: Registry): string[] => [
  ...new Set([...registry.alarmTypes.values()].flatMap(({ type }) => (type.watches ? [type.watches] : []))),
];

export function normalizeAlarm(
  raw: Record<string, unknown> & { type: string },
  _name: string,
  registry: Registry,
): Alarm {
  const type = registry.alarmTypes.get(raw.type)!.type;
  return {
    type: raw.type,
    targets: Object.fromEntries(
      watchKeys(registry)
        .filter((key) => typeof raw[key] === 'string')
        .map((key) => [key, raw[key] as string]),
    ),
    threshold: (raw.threshold as Alarm['threshold'] | undefined) ?? type.defaultThreshold,
    ...(raw.description !== undefined ? { description: raw.description as string } : {}),
    ...(raw.period !== undefined ? { period: raw.period as number } : {}),
    ...(raw.evaluationPeriods !== undefined ? { evaluationPeriods: raw.evaluationPeriods as number } : {}),
    ...(raw.statistic !== undefined ? { statistic: raw.statistic as string } : {}),
  };
}

export function thresholdFor(alarm: Alarm, environment: string, defaultThreshold: number): number {
  if (typeof alarm.threshold === 'number') return alarm.threshold;
  return alarm.threshold[environment] ?? defaultThreshold;
}

/** The alarms of a spec. */
export const alarmsOf = (spec: Spec) => itemsOf<Alarm>(spec, 'alarms');
