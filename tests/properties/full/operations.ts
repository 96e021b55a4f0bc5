/**
 * Backup (all tables, some excluded, or a list), budget alerts (unique percent and kind), the
 * time-series databases, and their environment settings (schedules, lock, a copy to another
 * region's vault).
 */
import fc from 'fast-check';
import { compact, type Names, opt, some } from './common.js';

export const backup = (n: Names) =>
  fc.oneof(
    // Excluding every table would select none (GEN375): leave the first one in.
    fc
      .record({ all: opt(fc.constant('all')), exclude: some(n.tables.slice(1)) })
      .map(({ all, exclude }) => compact({ tables: all, exclude: exclude.length ? exclude : undefined })),
    some(n.tables, 1).map((tables) => ({ tables })),
  );

const alerts = fc
  .uniqueArray(
    fc.record({
      at: fc.oneof(fc.constantFrom(0.1, 50, 80, 100, 1000), fc.double({ min: 0.1, max: 1000, noNaN: true })),
      of: opt(fc.constantFrom('actual', 'forecasted')),
    }),
    {
      minLength: 1,
      maxLength: 5,
      // `of` defaults to actual: an alert without it is the same as one saying actual (GEN377).
      selector: (a) => `${a.at} ${a.of ?? 'actual'}`,
    },
  )
  .map((list) => ({ alerts: list.map(compact) }));

export const budget = opt(fc.oneof(fc.constant({}), alerts));

export const timeseries = (n: Names) =>
  fc
    .tuple(
      ...n.timeseries.map(() =>
        fc.uniqueArray(fc.constantFrom('price-data', 'volume-data', 'ticks'), { minLength: 1, maxLength: 2 }),
      ),
    )
    .map((list) => Object.fromEntries(n.timeseries.map((db, i) => [db, { tables: list[i] }])));

export const backupSettings = fc
  .record({
    schedules: fc.subarray(['hourly', 'daily'], { minLength: 1 }),
    retentionDays: fc.integer({ min: 1, max: 36500 }),
    lock: fc.boolean(),
    copyTo: opt(fc.constant('arn:aws:backup:eu-west-1:123456789012:backup-vault:production-dr')),
  })
  .map(compact);
