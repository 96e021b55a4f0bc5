/**
 * Cross-references of buckets: every notification names one existing target S3 can deliver to,
 * and the notification configuration is one S3 accepts (no two overlapping rules for one event).
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import {
  checkDeadLetterQueue,
  checkEnvironmentNames,
  exactlyOneTarget,
  isFifo,
  TARGET_KINDS,
  unknownTarget,
} from '../events/targets.js';
import { names } from '../../naming/ids.js';
import { physicalNameProblem } from '../project/limits.js';
import { projectOf } from '../project/model.js';
import type { Registry } from '../section.js';
import { bucketsOf, isNative, type Bucket, type Notification } from './model.js';

/** S3's overlap: one prefix starts the other and one suffix ends the other (an absent filter matches every key). */
const overlaps = (a: Notification, b: Notification) => {
  const prefixes = [a.prefix ?? '', b.prefix ?? ''];
  const suffixes = [a.suffix ?? '', b.suffix ?? ''];
  return (
    (prefixes[0].startsWith(prefixes[1]) || prefixes[1].startsWith(prefixes[0])) &&
    (suffixes[0].endsWith(suffixes[1]) || suffixes[1].endsWith(suffixes[0]))
  );
};

const describe = (n: Notification) =>
  `${n.target!.kind} '${n.target!.name}'${n.prefix !== undefined ? ` prefix '${n.prefix}'` : ''}${n.suffix !== undefined ? ` suffix '${n.suffix}'` : ''}`;

function checkNotifications(spec: Spec, registry: Registry, entry: Entry<Bucket>): Diagnostic[] {
  const { name: bucket, value, file, path } = entry;
  const out: Diagnostic[] = [];
  const at = (i: number, ...rest: (string | number)[]) => ({ file, path: [...path, 'notify', i, ...rest] });
  let native: Notification | undefined;
  value.notify.forEach((n, i) => {
    const one = exactlyOneTarget(n.written, TARGET_KINDS, `notification ${i + 1} of bucket '${bucket}'`, at(i));
    out.push(...one);
    if (one.length > 0 || !n.target) return;
    const { kind, name } = n.target;
    const unknown = unknownTarget(spec, registry, n.target, `bucket '${bucket}' notifies`, at(i, kind));
    out.push(...unknown);
    if (kind === 'function' && n.deadLetterQueue === undefined) {
      out.push(
        error(
          'GEN202',
          `notification ${i + 1} of bucket '${bucket}' (function '${name}') has no deadLetterQueue; events EventBridge cannot deliver would be dropped without a trace`,
          at(i),
          'add deadLetterQueue: <a standard queue> to the notification',
        ),
      );
    } else if (kind !== 'function' && n.deadLetterQueue !== undefined) {
      out.push(
        error(
          'GEN206',
          `notification ${i + 1} of bucket '${bucket}' notifies ${kind} '${name}' directly: S3 has no dead-letter queue for it`,
          { ...at(i, 'deadLetterQueue'), at: 'key' },
          'remove deadLetterQueue (it applies to functions, which are told through EventBridge)',
        ),
      );
    } else if (n.deadLetterQueue !== undefined) {
      out.push(
        ...checkDeadLetterQueue(
          spec,
          registry,
          n.deadLetterQueue,
          `bucket '${bucket}' sends undeliverable events for function '${name}' to`,
          at(i, 'deadLetterQueue'),
        ),
      );
    }
    if (unknown.length === 0 && kind !== 'function' && isFifo(spec, kind === 'queue' ? 'queues' : 'topics', name)) {
      out.push(
        error(
          'GEN321',
          `bucket '${bucket}' notifies FIFO ${kind} '${name}', but S3 delivers notifications only to standard queues and topics`,
          at(i, kind),
          `notify a standard ${kind}, or a function that forwards to '${name}'`,
        ),
      );
    }
    if (isNative(n)) {
      // DependsOn works within one stack only, and the bucket can share a stack with one queue or topic (its placement group).
      if (native && (native.target!.kind !== kind || native.target!.name !== name)) {
        out.push(
          error(
            'GEN321',
            `bucket '${bucket}' notifies ${native.target!.kind} '${native.target!.name}' and ${kind} '${name}'; gen lets S3 notify one queue or topic per bucket`,
            at(i, kind),
            `notify one topic and subscribe the queues to it, or notify a function`,
          ),
        );
      }
      native ??= n;
    }
    value.notify.slice(0, i).forEach((earlier, j) => {
      if (!earlier.target) return;
      const sameFunction = kind === 'function' && earlier.target.kind === 'function' && earlier.target.name === name;
      const shared = n.events.filter((e) => earlier.events.includes(e));
      if (sameFunction) {
        out.push(
          error(
            'GEN319',
            `bucket '${bucket}' notifies function '${name}' twice (notifications ${j + 1} and ${i + 1})`,
            at(i, 'function'),
            'write one notification for the function, with every event it needs',
          ),
        );
      } else if (isNative(n) && isNative(earlier) && shared.length > 0 && overlaps(n, earlier)) {
        out.push(
          error(
            'GEN319',
            `notification ${i + 1} of bucket '${bucket}' (${describe(n)}) overlaps notification ${j + 1} (${describe(earlier)}) for ${shared.join(', ')} objects; S3 refuses overlapping notifications`,
            at(i),
            'give them prefixes or suffixes that cannot match the same key, or different events',
          ),
        );
      }
    });
  });
  return out;
}

/** An account id is 12 characters, like this placeholder: names are measured as AWS will see them. */
const ACCOUNT = '<account-id>';

/** The bucket's name and its notification rules' names fit AWS's limits in every environment. */
function checkNames(spec: Spec, entry: Entry<Bucket>): Diagnostic[] {
  const project = projectOf(spec)?.value.name;
  if (project === undefined) return [];
  const bucket = physicalNameProblem(
    'bucket',
    entry.name,
    spec.environmentNames,
    (env) => names.bucket(env, project, entry.name).replace('${AWS::AccountId}', ACCOUNT),
    { max: 63, what: 'S3 bucket names (<environment>-<project>-<name>-<account id>)' },
  );
  const rules = entry.value.notify.flatMap((n, i) => {
    if (n.target?.kind !== 'function') return [];
    const fn = n.target.name;
    const long = physicalNameProblem(
      'notification rule',
      `${entry.name}-${fn}`,
      spec.environmentNames,
      (env) => names.bucketNotifyRule(env, entry.name, fn),
      { max: 64, what: 'EventBridge rule names (<environment>-<bucket>-<function>)' },
    );
    return long
      ? [
          error(
            'GEN320',
            long.message,
            { file: entry.file, path: [...entry.path, 'notify', i, 'function'] },
            `${long.fix}: rename the bucket or the function`,
          ),
        ]
      : [];
  });
  return [
    ...(bucket ? [error('GEN320', bucket.message, { file: entry.file, path: entry.path, at: 'key' }, bucket.fix)] : []),
    ...rules,
  ];
}

function checkBucket(spec: Spec, registry: Registry, entry: Entry<Bucket>): Diagnostic[] {
  return [
    ...checkNames(spec, entry),
    ...checkNotifications(spec, registry, entry),
    ...checkEnvironmentNames(spec, entry.value.expireAfterDays, 'expireAfterDays', {
      file: entry.file,
      path: [...entry.path, 'expireAfterDays'],
    }),
  ];
}

export const checkBuckets = (spec: Spec, registry: Registry): Diagnostic[] =>
  bucketsOf(spec).items.flatMap((entry) => checkBucket(spec, registry, entry));
