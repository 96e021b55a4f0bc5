/**
 * The cache (only in projects with a network: it lives in the private subnets, GEN385) with
 * every field, and the functions that ask for it (functions.ts: cache: true, never with
 * network: none, GEN388).
 */
import fc from 'fast-check';
import { alarm } from './alarms.js';
import { compact, opt } from './common.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const two = (n: number) => String(n).padStart(2, '0');

/** A weekly window of one to three hours, within a day (ElastiCache wants at least 60 minutes). */
const maintenanceWindow = fc
  .record({
    day: fc.constantFrom(...DAYS),
    hour: fc.integer({ min: 0, max: 20 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    hours: fc.integer({ min: 1, max: 3 }),
  })
  .map(
    ({ day, hour, minute, hours }) => `${day}:${two(hour)}:${two(minute)}-${day}:${two(hour + hours)}:${two(minute)}`,
  );

export const cache = fc
  .record({
    engine: opt(fc.constant('redis')),
    maintenanceWindow: opt(maintenanceWindow),
    snapshotRetentionDays: opt(fc.integer({ min: 1, max: 35 })),
  })
  .map(compact);

type Spec = Record<string, any>;

/**
 * A project with a network gets a cache half the time, with at least one of the functions in the
 * network asking for it (cache: true; never one written network: none, GEN388) and maybe a
 * cache-memory alarm. Applied to a finished project, so it draws after everything else.
 */
export const withCache = <P extends { spec: object }>(project: P): fc.Arbitrary<P> => {
  const spec = project.spec as Spec;
  if (!spec.network) return fc.constant(project);
  const inNetwork = Object.keys(spec.functions).filter((name) => spec.functions[name].network !== 'none');
  // Half the networks (about 12 caches of the 50 linted projects: ~80 resources more for cfn-lint).
  const withOne = fc.record({
    cache,
    users: fc.subarray(inNetwork, { minLength: Math.min(1, inNetwork.length) }),
    alarm: opt(alarm({ type: 'cache-memory' })),
  });
  return fc.oneof(fc.constant(undefined), withOne).map((drawn) => {
    if (!drawn) return project;
    const functions = Object.fromEntries(
      Object.entries(spec.functions).map(([name, f]) => [
        name,
        drawn.users.includes(name) ? { ...(f as object), cache: true } : f,
      ]),
    );
    const alarms = drawn.alarm ? { ...spec.alarms, 'alarm-cache': drawn.alarm } : spec.alarms;
    return { ...project, spec: { ...spec, cache: drawn.cache, functions, alarms } };
  });
};
