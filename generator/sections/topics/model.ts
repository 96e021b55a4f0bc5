import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

/** A list, or one list per environment (`{production: [...]}`); an environment not named gets none. */
export type PerEnvironment = string[] | Record<string, string[]>;

export interface Subscribers {
  email: PerEnvironment;
  sms: PerEnvironment;
  /** Functions SNS invokes with each message. */
  function: string[];
  /** Queues SNS sends each message to. */
  queue: string[];
}

export interface Topic {
  fifo: boolean;
  subscribers: Subscribers;
}

export const PROTOCOLS = ['email', 'sms', 'function', 'queue'] as const;

export interface RawTopic {
  fifo?: boolean;
  subscribers?: Partial<Subscribers>;
}

export function normalizeTopic(raw: RawTopic): Topic {
  const s = raw.subscribers ?? {};
  return {
    fifo: raw.fifo ?? false,
    subscribers: {
      email: s.email ?? [],
      sms: s.sms ?? [],
      function: [...new Set(s.function ?? [])],
      queue: [...new Set(s.queue ?? [])],
    },
  };
}

/** The values that apply in one environment. */
export const inEnvironment = (value: PerEnvironment, env: string): string[] =>
  Array.isArray(value) ? value : (value[env] ?? []);

/** Every value, whatever the environment (for counts and checks). */
export const anyEnvironment = (value: PerEnvironment): string[] =>
  Array.isArray(value) ? value : Object.values(value).flat();

/** The topics of a spec. */
export const topicsOf = (spec: Spec) => itemsOf<Topic>(spec, 'topics');
