/**
 * Alarms of every type the spec's items allow, each with or without its own period, evaluation
 * periods, statistic (where the type lets one choose), per-environment threshold and description.
 * Period × evaluation periods stays within CloudWatch's limit (gen refuses more: GEN204).
 */
import fc from 'fast-check';
import { compact, functionsOf, type Names, opt, perEnvironment } from './common.js';

const PERIODS = [10, 30, 60, 300, 900, 3600, 21600, 86400];
const STATISTICS = ['p99', 'p95', 'p90', 'p50', 'average', 'maximum'];

/** CloudWatch: period × evaluation periods at most 1 day below an hour's period, 7 days from an hour on. */
export const maxEvaluationPeriods = (period: number) =>
  Math.min(100, Math.floor((period < 3600 ? 86400 : 604800) / period));

/** Without its own period an alarm uses the environment's; 900 s allows the fewest evaluation periods (96). */
const WORST_ENVIRONMENT_PERIOD = 900;

/** Every alarm type with the item it watches, as far as the spec has such items. */
const watched = (n: Names, hasRoutes: boolean, hasRules: boolean) => [
  ...n.tables.map((table) => ({ type: 'table-throttles', table })),
  ...['queue-depth', 'queue-age', 'dlq-not-empty'].flatMap((type) =>
    [...n.queues, ...n.fifoQueues].map((queue) => ({ type, queue })),
  ),
  ...[...n.topics, ...n.fifoTopics].map((topic) => ({ type: 'topic-failed-deliveries', topic })),
  ...(hasRules
    ? ['rule-failures', 'rule-dlq-failures'].flatMap((type) => n.rules.map((rule) => ({ type, rule })))
    : []),
  ...['function-error-rate', 'function-errors', 'function-duration', 'function-throttles'].flatMap((type) =>
    functionsOf(n).map((fn) => ({ type, function: fn })),
  ),
  ...(hasRoutes ? [{ type: 'api-5xx-rate' }, { type: 'api-latency' }] : []),
  ...['workflow-failures', 'workflow-timeouts'].flatMap((type) => n.workflows.map((workflow) => ({ type, workflow }))),
];

export const alarm = (subject: Record<string, string>) =>
  fc
    .record({
      threshold: opt(
        perEnvironment(
          fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 100, noNaN: true })),
          false,
        ),
      ),
      period: opt(fc.constantFrom(...PERIODS)),
      periods: opt(fc.integer({ min: 1, max: 100 })),
      statistic: subject.type === 'function-duration' ? opt(fc.constantFrom(...STATISTICS)) : fc.constant(undefined),
      description: opt(fc.constantFrom('Page the on-call engineer', 'Check the dashboard')),
    })
    .map(({ period, periods, ...a }) => {
      // An own period the environment's evaluation periods (up to 100) could take past the limit needs its own count.
      const needsOwn = period !== undefined && maxEvaluationPeriods(period) < 100;
      const count = periods ?? (needsOwn ? 1 : undefined);
      return compact({
        ...subject,
        ...a,
        period,
        evaluationPeriods:
          count === undefined ? undefined : Math.min(count, maxEvaluationPeriods(period ?? WORST_ENVIRONMENT_PERIOD)),
      });
    });

export const alarms = (n: Names, hasRoutes: boolean, hasRules: boolean) => {
  const subjects = watched(n, hasRoutes, hasRules);
  // One duration alarm always chooses its statistic (the only type that may): six values to reach.
  const duration = fc
    .tuple(fc.constantFrom(...functionsOf(n)), fc.constantFrom(...STATISTICS))
    .chain(([fn, statistic]) => alarm({ type: 'function-duration', function: fn }).map((a) => ({ ...a, statistic })));
  return fc
    .tuple(
      duration,
      // Types first, then an item of each: every type is as likely, however many items it may watch.
      fc
        .subarray([...new Set(subjects.map((s) => s.type))], { maxLength: 5 })
        .chain((types) => fc.tuple(...types.map((type) => fc.constantFrom(...subjects.filter((s) => s.type === type)))))
        .chain((picked) => fc.tuple(...picked.map(alarm))),
    )
    .map(([first, rest]) => Object.fromEntries([first, ...rest].map((a, i) => [`alarm-${i}`, a])));
};
