import type { Spec } from '../../spec.js';
import { targetOf, type Target, type TargetKind } from '../events/targets.js';
import { itemsOf } from '../section.js';

export const OBJECT_EVENTS = ['created', 'removed', 'restored'] as const;
export type ObjectEvent = (typeof OBJECT_EVENTS)[number];

/** One destination told about objects. */
export interface Notification {
  /** Absent only in a spec the checks refuse (no target written). */
  target?: Target;
  /** Every target key written, for the check that exactly one is. */
  written: Partial<Record<TargetKind, string>>;
  events: ObjectEvent[];
  prefix?: string;
  suffix?: string;
  /** Functions only: where EventBridge puts events it could not deliver. */
  deadLetterQueue?: string;
}

export interface Cors {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAgeSeconds?: number;
}

export interface Bucket {
  /** Days, or days per environment name (an environment not named keeps its objects). */
  expireAfterDays?: number | Record<string, number>;
  noncurrentVersionsExpireAfterDays?: number;
  cors?: Cors;
  notify: Notification[];
}

interface RawNotification extends Partial<Record<TargetKind, string>> {
  events: ObjectEvent[];
  prefix?: string;
  suffix?: string;
  deadLetterQueue?: string;
}
export interface RawBucket {
  expireAfterDays?: Bucket['expireAfterDays'];
  noncurrentVersionsExpireAfterDays?: number;
  cors?: Cors;
  notify?: RawNotification[];
}

export function normalizeBucket(raw: RawBucket): Bucket {
  return {
    ...(raw.expireAfterDays !== undefined ? { expireAfterDays: raw.expireAfterDays } : {}),
    ...(raw.noncurrentVersionsExpireAfterDays !== undefined
      ? { noncurrentVersionsExpireAfterDays: raw.noncurrentVersionsExpireAfterDays }
      : {}),
    ...(raw.cors !== undefined ? { cors: raw.cors } : {}),
    // List order is the user's: notifications keep it (it is stable, and S3 keeps no order of its own).
    notify: (raw.notify ?? []).map((n) => {
      const written = Object.fromEntries(
        (['function', 'queue', 'topic'] as const).filter((k) => n[k] !== undefined).map((k) => [k, n[k]]),
      );
      const target = targetOf(n);
      return {
        ...(target ? { target } : {}),
        written,
        events: [...n.events],
        ...(n.prefix !== undefined ? { prefix: n.prefix } : {}),
        ...(n.suffix !== undefined ? { suffix: n.suffix } : {}),
        ...(n.deadLetterQueue !== undefined ? { deadLetterQueue: n.deadLetterQueue } : {}),
      };
    }),
  };
}

/** The buckets of a spec. */
export const bucketsOf = (spec: Spec) => itemsOf<Bucket>(spec, 'buckets');

/** Notifications S3 delivers itself (queues, topics); functions are told through EventBridge. */
export const isNative = (n: Notification) => n.target !== undefined && n.target.kind !== 'function';
