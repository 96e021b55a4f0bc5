/**
 * Event buses (the account's default bus or their own, with archive), rules with every match
 * field and value kind, every target kind and its delivery settings, and schedules (rate or cron,
 * time zone, window, per-environment enabled).
 */
import fc from 'fast-check';
import { compact, DEAD_LETTERS, functionsOf, type Names, opt, perEnvironment } from './common.js';

/** A list of values to match: plain values of every JSON kind, and pattern objects. */
const values = fc.array(
  fc.oneof(
    fc.constantFrom('market.data', 'Trade', '0'),
    fc.integer({ min: 0, max: 100 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom({ prefix: 'arn:' }, { exists: true }, { 'anything-but': 'x' }, { numeric: ['>', 0] }),
  ),
  { minLength: 1, maxLength: 3 },
);
const FIELDS = ['source', 'detail-type', 'account', 'region', 'resources', 'time', 'id', 'version'];
const match = fc
  .record({
    fields: fc.subarray(FIELDS, { minLength: 1 }),
    lists: fc.array(values, { minLength: FIELDS.length, maxLength: FIELDS.length }),
    detail: opt(fc.record({ symbol: values, nested: fc.record({ price: values }) })),
  })
  .map(({ fields, lists, detail }) => compact({ ...Object.fromEntries(fields.map((f, i) => [f, lists[i]])), detail }));

const delivery = {
  retries: opt(fc.integer({ min: 0, max: 185 })),
  maxEventAgeSeconds: opt(fc.integer({ min: 60, max: 86400 })),
};
const json = fc.oneof(fc.constant({ kind: 'trade' }), fc.constant('text'), fc.constant([1, 2]), fc.integer());

const rule = (n: Names) => {
  // A kind first, then one of its items: each kind is as likely, however many items it has.
  const kinds = [
    functionsOf(n).map((f) => ({ function: f })),
    [...n.queues, ...n.fifoQueues, DEAD_LETTERS].map((q) => ({ queue: q })),
    n.topics.map((t) => ({ topic: t })),
    n.workflows.map((w) => ({ workflow: w })),
  ].filter((list) => list.length > 0);
  return fc
    .record({
      description: opt(fc.constantFrom('Trades to the processor', '')),
      match,
      target: fc.constantFrom(...kinds).chain((list) => fc.constantFrom(...list)),
      input: fc.oneof(
        fc.constant(undefined),
        json.map((input) => ({ input })),
        fc.constant({ inputPath: '$.detail' }),
      ),
      ...delivery,
    })
    .map(({ target, input, ...r }) => compact({ ...r, ...target, ...input, deadLetterQueue: DEAD_LETTERS }));
};

/** Rules are spread over the buses (rule names are unique across buses). */
export const events = (n: Names) =>
  n.buses.length === 0
    ? fc.constant(undefined)
    : fc
        .record({
          buses: fc.tuple(
            ...n.buses.map(() =>
              fc.record({
                description: opt(fc.constantFrom('Trades and quotes')),
                archive: opt(fc.record({ retentionDays: opt(fc.integer({ min: 1, max: 36500 })) }).map(compact)),
              }),
            ),
          ),
          rules: fc.tuple(...n.rules.map(() => fc.tuple(fc.nat(n.buses.length - 1), rule(n)))),
        })
        .map(({ buses, rules }) =>
          Object.fromEntries(
            n.buses.map((bus, i) => {
              const own = rules.flatMap(([b, r], j) => (b === i ? [[n.rules[j], r] as const] : []));
              return [bus, compact({ ...buses[i], rules: own.length ? Object.fromEntries(own) : undefined })];
            }),
          ),
        );

const when = fc.oneof(
  fc.constantFrom('5 minutes', '1 hour', '2 days', '1 minute').map((every) => ({ every })),
  fc
    .record({
      cron: fc.constantFrom('0 2 * * ? *', '*/15 * ? * MON-FRI *', '0 8 1 * ? *'),
      timezone: opt(fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC')),
    })
    .map(compact),
);

export const schedules = (n: Names) =>
  fc
    .tuple(
      ...n.schedules.map(() =>
        fc
          .record({
            description: opt(fc.constantFrom('Nightly checks')),
            when,
            target: fc.oneof(
              fc.constantFrom(...functionsOf(n)).map((f) => ({ function: f })),
              fc.constantFrom(...n.workflows).map((w) => ({ workflow: w })),
            ),
            input: opt(json),
            window: opt(fc.constantFrom('15 minutes', '1 hour', '24 hours')),
            enabled: opt(perEnvironment(fc.boolean(), false)),
            ...delivery,
          })
          .map(({ when: w, target, ...s }) => compact({ ...s, ...target, ...w, deadLetterQueue: DEAD_LETTERS })),
      ),
    )
    .map((list) => Object.fromEntries(n.schedules.map((s, i) => [s, list[i]])));
