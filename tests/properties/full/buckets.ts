/**
 * Buckets with every field: expiry (one value or per environment), CORS, and notifications of
 * every kind S3 accepts together: at most one queue or topic (S3's own notification, standard
 * only), and functions (through EventBridge, each once, with a dead-letter queue).
 */
import fc from 'fast-check';
import { compact, DEAD_LETTERS, functionsOf, type Names, opt, perEnvironment, some } from './common.js';

const EVENTS = ['created', 'removed', 'restored'];
const days = fc.integer({ min: 1, max: 36500 });
const texts = (list: string[]) => fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: 2 });

const cors = fc
  .record({
    allowOrigins: texts(['https://app.example.com', 'https://admin.example.com', '*']),
    allowMethods: texts(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']),
    allowHeaders: opt(texts(['*', 'Content-Type', 'x-amz-meta-owner'])),
    exposeHeaders: opt(texts(['ETag', 'x-amz-version-id'])),
    maxAgeSeconds: opt(fc.integer({ min: 0, max: 86400 })),
  })
  .map(compact);

const filters = fc.record({
  events: texts(EVENTS),
  prefix: opt(fc.constantFrom('incoming/', 'a/b/', 'x')),
  suffix: opt(fc.constantFrom('.csv', '.json', 'z')),
});

const notify = (n: Names) => {
  const native = [...n.queues.map((q) => ({ queue: q })), ...n.topics.map((t) => ({ topic: t }))];
  return fc
    .record({
      native: native.length ? opt(fc.constantFrom(...native)) : fc.constant(undefined),
      functions: some(functionsOf(n)),
      // One filter per notification: the native one and one per function.
      filters: fc.array(filters, { minLength: 1 + functionsOf(n).length, maxLength: 1 + functionsOf(n).length }),
    })
    .map(({ native: target, functions, filters: f }) => [
      ...(target ? [compact({ ...target, ...f[0] })] : []),
      ...functions.map((fn, i) => compact({ function: fn, ...f[i + 1], deadLetterQueue: DEAD_LETTERS })),
    ]);
};

export const buckets = (n: Names) =>
  fc
    .tuple(
      ...n.buckets.map(() =>
        fc
          .record({
            expireAfterDays: opt(perEnvironment(days, false)),
            noncurrentVersionsExpireAfterDays: opt(days),
            cors: opt(cors),
            notify: notify(n),
          })
          .map((b) => compact({ ...b, notify: b.notify.length ? b.notify : undefined })),
      ),
    )
    .map((list) => Object.fromEntries(n.buckets.map((b, i) => [b, list[i]])));
