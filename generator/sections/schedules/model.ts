import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

export interface Schedule {
  description?: string;
  /** Exactly one of every and cron, in a spec the checks accept. */
  every?: { value: number; unit: 'minute' | 'hour' | 'day' };
  cron?: string;
  timezone?: string;
  /** Exactly one of function and workflow, in a spec the checks accept. */
  function?: string;
  workflow?: string;
  input?: unknown;
  retries?: number;
  maxEventAgeSeconds?: number;
  deadLetterQueue?: string;
  /** Minutes Scheduler may start late; absent: on time. */
  windowMinutes?: number;
  /** One value, or per environment name (an environment not named runs it). */
  enabled: boolean | Record<string, boolean>;
}

export interface RawSchedule extends Omit<Schedule, 'every' | 'windowMinutes' | 'enabled'> {
  every?: string;
  window?: string;
  enabled?: Schedule['enabled'];
}

/** "5 minutes" -> {5, minute}; "1 hour" -> {1, hour}. */
const amount = (text: string) => {
  const [value, unit] = text.split(' ');
  return { value: Number(value), unit: unit.replace(/s$/, '') as 'minute' | 'hour' | 'day' };
};

const MINUTES = { minute: 1, hour: 60, day: 1440 };

export function normalizeSchedule(raw: RawSchedule): Schedule {
  const { every, window, enabled, ...rest } = raw;
  const windowAmount = window === undefined ? undefined : amount(window);
  return {
    ...rest,
    ...(every !== undefined ? { every: amount(every) } : {}),
    ...(windowAmount ? { windowMinutes: windowAmount.value * MINUTES[windowAmount.unit] } : {}),
    enabled: enabled ?? true,
  };
}

/** The schedules of a spec. */
export const schedulesOf = (spec: Spec) => itemsOf<Schedule>(spec, 'schedules');

/** The expression Scheduler runs: rate(1 hour), rate(5 minutes) (singular only for one), or cron(...). */
export const expressionOf = (s: Schedule) =>
  s.every ? `rate(${s.every.value} ${s.every.unit}${s.every.value === 1 ? '' : 's'})` : `cron(${s.cron})`;

export const enabledIn = (s: Schedule, env: string) =>
  typeof s.enabled === 'boolean' ? s.enabled : (s.enabled[env] ?? true);
