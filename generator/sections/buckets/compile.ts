/**
 * buckets -> S3 buckets and their policies in the data layer; notifications to functions as
 * EventBridge rules in the triggers layer.
 *
 * A bucket has one notification configuration. Queues and topics get S3's own notifications: S3
 * checks at once that it may deliver, so the bucket waits (DependsOn) for the queue's or topic's
 * policy, which holds the statement this section asks for (grants), and shares its placement
 * group so both land in one stack. Functions are told through EventBridge: the bucket only turns
 * EventBridge on, and a rule on the default bus (after the functions exist) invokes them, so the
 * bucket never refers to a function and no cycle between bucket, permission and function exists.
 */
import { arns, ids, names, pascal } from '../../naming/ids.js';
import { Fn, sub } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import type { Entry } from '../../spec.js';
import { invokePermission, invokeTarget } from '../functions/invoke.js';
import { inEnvironment, queueArn, SECTION_OF, targetId, topicArn } from '../events/targets.js';
import { projectOf } from '../project/model.js';
import { grantsFor, type CompileContext, type PolicyGrant } from '../section.js';
import { EventsRule, S3BucketPolicy } from './cfn.js';
import { bucketsOf, isNative, type Bucket, type Notification, type ObjectEvent } from './model.js';
import { denyInsecureTransport, secureBucket } from './secure.js';

/** S3's own event names and EventBridge's detail types for each kind of object event. */
const S3_EVENTS: Record<ObjectEvent, string> = {
  created: 's3:ObjectCreated:*',
  removed: 's3:ObjectRemoved:*',
  restored: 's3:ObjectRestore:Completed',
};
const DETAIL_TYPES: Record<ObjectEvent, string> = {
  created: 'Object Created',
  removed: 'Object Deleted',
  restored: 'Object Restore Completed',
};

/** Days incomplete multipart uploads are kept: their parts cost storage and are never visible. */
const ABORT_UPLOADS_AFTER_DAYS = 7;

export const bucketName = (ctx: CompileContext, bucket: string) =>
  names.bucket(ctx.env.name, projectOf(ctx.spec)!.value.name, bucket);
export const bucketArn = (ctx: CompileContext, bucket: string) => arns.bucket(bucketName(ctx, bucket));

/**
 * The queue or topic a bucket notifies natively, with the policy it waits for and the placement
 * group it joins (the owning section's, when it says; else the queue's or topic's own ID).
 */
function nativeTarget(ctx: CompileContext, bucket: Bucket) {
  const n = bucket.notify.find(isNative);
  if (!n) return undefined;
  const { kind, name } = n.target!;
  const owner = ctx.registry.section(SECTION_OF[kind]);
  const group = (fallback: string) => owner?.placementGroup?.(ctx.spec, name) ?? fallback;
  return kind === 'queue'
    ? { kind, name, policy: ids.queuePolicy(name), group: group(ids.queue(name)) }
    : { kind, name, policy: ids.topicPolicy(name), group: group(ids.topic(name)) };
}

/**
 * Statements needed in queues' and topics' policies: S3 sends or publishes, only for this bucket;
 * EventBridge sends what it could not deliver to a function, only for that notification's rule.
 */
export function bucketGrants(ctx: CompileContext): PolicyGrant[] {
  return bucketsOf(ctx.spec).items.flatMap(({ name, value }): PolicyGrant[] => {
    const target = nativeTarget(ctx, value);
    const native: PolicyGrant[] = target
      ? [
          {
            section: target.kind === 'queue' ? 'queues' : 'topics',
            name: target.name,
            sid: `Bucket${pascal(name)}Notifications`,
            service: 's3.amazonaws.com',
            actions: [target.kind === 'queue' ? 'sqs:SendMessage' : 'sns:Publish'],
            sourceArn: sub(bucketArn(ctx, name)),
            before: [target.policy],
          },
        ]
      : [];
    const deadLetters = value.notify.flatMap((n): PolicyGrant[] =>
      n.target?.kind === 'function' && n.deadLetterQueue !== undefined
        ? [
            {
              section: 'queues',
              name: n.deadLetterQueue,
              sid: `Bucket${pascal(name)}${pascal(n.target.name)}DeadLetters`,
              service: 'events.amazonaws.com',
              actions: ['sqs:SendMessage'],
              sourceArn: sub(arns.rule('default', names.bucketNotifyRule(ctx.env.name, name, n.target.name))),
            },
          ]
        : [],
    );
    return [...native, ...deadLetters];
  });
}

const keyFilter = (n: Notification) => {
  const rules = [
    ...(n.prefix !== undefined ? [{ Name: 'prefix', Value: n.prefix }] : []),
    ...(n.suffix !== undefined ? [{ Name: 'suffix', Value: n.suffix }] : []),
  ];
  return rules.length > 0 ? { Filter: { S3Key: { Rules: rules } } } : {};
};

function notificationConfiguration(ctx: CompileContext, bucket: Bucket) {
  const { spec, env } = ctx;
  const native = (kind: 'queue' | 'topic') =>
    bucket.notify
      .filter((n) => n.target?.kind === kind)
      .flatMap((n) =>
        n.events.map((event) => ({
          Event: S3_EVENTS[event],
          ...(kind === 'queue'
            ? { Queue: queueArn(spec, env.name, n.target!.name) }
            : { Topic: topicArn(spec, env.name, n.target!.name) }),
          ...keyFilter(n),
        })),
      );
  const queues = native('queue');
  const topics = native('topic');
  const eventBridge = bucket.notify.some((n) => n.target?.kind === 'function');
  if (queues.length === 0 && topics.length === 0 && !eventBridge) return {};
  return {
    NotificationConfiguration: {
      ...(queues.length > 0 ? { QueueConfigurations: queues } : {}),
      ...(topics.length > 0 ? { TopicConfigurations: topics } : {}),
      ...(eventBridge ? { EventBridgeConfiguration: { EventBridgeEnabled: true } } : {}),
    },
  };
}

/** Lifecycle rules of a bucket in one environment (also the firewall's log buckets, written as a Bucket). */
export function lifecycle(bucket: Pick<Bucket, 'expireAfterDays' | 'noncurrentVersionsExpireAfterDays'>, env: string) {
  const expire = inEnvironment(bucket.expireAfterDays, env);
  const noncurrent = bucket.noncurrentVersionsExpireAfterDays;
  return {
    LifecycleConfiguration: {
      Rules: [
        {
          Id: 'abort-incomplete-uploads',
          Status: 'Enabled',
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: ABORT_UPLOADS_AFTER_DAYS },
        },
        ...(expire !== undefined ? [{ Id: 'expire-objects', Status: 'Enabled', ExpirationInDays: expire }] : []),
        // With the old versions gone, a delete marker is all that is left of an object: remove it too.
        ...(noncurrent !== undefined
          ? [
              {
                Id: 'expire-noncurrent-versions',
                Status: 'Enabled',
                NoncurrentVersionExpiration: { NoncurrentDays: noncurrent },
                ExpiredObjectDeleteMarker: true,
              },
            ]
          : []),
      ],
    },
  };
}

const cors = (bucket: Bucket) =>
  bucket.cors
    ? {
        CorsConfiguration: {
          CorsRules: [
            {
              AllowedOrigins: bucket.cors.allowOrigins,
              AllowedMethods: bucket.cors.allowMethods,
              ...(bucket.cors.allowHeaders ? { AllowedHeaders: bucket.cors.allowHeaders } : {}),
              ...(bucket.cors.exposeHeaders ? { ExposedHeaders: bucket.cors.exposeHeaders } : {}),
              ...(bucket.cors.maxAgeSeconds !== undefined ? { MaxAge: bucket.cors.maxAgeSeconds } : {}),
            },
          ],
        },
      }
    : {};

/**
 * The layer the bucket's policy moves to when a grant's source is created in a later layer (the
 * last such layer, when several), else undefined: the policy stays beside the bucket.
 */
function policyLayer(ctx: CompileContext, name: string): string | undefined {
  const layers = grantsFor(ctx, 'buckets', name).flatMap((g) => (g.layer ? [g.layer] : []));
  if (layers.length === 0) return undefined;
  const order = ctx.registry.layers.map((l) => l.name);
  return layers.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
}

/** TLS only for everyone, then what other sections asked for (a service, from one source, in this account). */
function policyDocument(ctx: CompileContext, name: string) {
  const arn = bucketArn(ctx, name);
  const resources = [sub(arn), sub(`${arn}/*`)];
  const grants = grantsFor(ctx, 'buckets', name);
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(resources),
      ...grants.map((grant) => ({
        Sid: pascal(grant.sid),
        Effect: 'Allow',
        Principal: { Service: grant.service },
        Action: [...grant.actions].sort(),
        Resource: resources,
        Condition: {
          StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
          ArnLike: { 'aws:SourceArn': grant.sourceArn },
        },
      })),
    ],
  };
}

/** The default-bus rule that invokes one function for this bucket's objects. */
function functionRule(ctx: CompileContext, bucket: string, n: Notification): PlacedResource[] {
  const { spec, env } = ctx;
  const fn = n.target!.name;
  const ruleName = names.bucketNotifyRule(env.name, bucket, fn);
  const escape = (text: string) => text.replace(/[\\*]/g, (c) => `\\${c}`);
  const key =
    n.prefix !== undefined && n.suffix !== undefined
      ? { wildcard: `${escape(n.prefix)}*${escape(n.suffix)}` }
      : n.prefix !== undefined
        ? { prefix: n.prefix }
        : n.suffix !== undefined
          ? { suffix: n.suffix }
          : undefined;
  const rule = new EventsRule({
    Name: ruleName,
    Description: `Objects of bucket ${bucket} (${n.events.join(', ')}) to function ${fn}`,
    EventBusName: 'default',
    State: 'ENABLED',
    EventPattern: {
      source: ['aws.s3'],
      'detail-type': n.events.map((e) => DETAIL_TYPES[e]),
      detail: { bucket: { name: [sub(bucketName(ctx, bucket))] }, ...(key ? { object: { key: [key] } } : {}) },
    },
    Targets: [
      {
        Id: targetId(fn),
        Arn: sub(invokeTarget(spec, env, fn)),
        ...(n.deadLetterQueue !== undefined
          ? { DeadLetterConfig: { Arn: queueArn(spec, env.name, n.deadLetterQueue) } }
          : {}),
      },
    ],
  });
  return inGroup(ids.bucketNotifyRule(bucket, fn), [
    { layer: 'triggers', logicalId: ids.bucketNotifyRule(bucket, fn), resource: rule },
    {
      layer: 'triggers',
      logicalId: ids.bucketNotifyPermission(bucket, fn),
      resource: invokePermission(spec, env, fn, 'events.amazonaws.com', sub(arns.rule('default', ruleName))),
    },
  ]);
}

function compileBucket(ctx: CompileContext, entry: Entry<Bucket>): PlacedResource[] {
  const { env } = ctx;
  const { name, value: bucket } = entry;
  const physical = bucketName(ctx, name);
  const target = nativeTarget(ctx, bucket);
  const resource = secureBucket(physical, env.protected, {
    ...lifecycle(bucket, env.name),
    ...cors(bucket),
    ...notificationConfiguration(ctx, bucket),
  });
  if (target) resource.dependsOn(target.policy);
  const later = policyLayer(ctx, name);
  // Bucket and policy refer to each other by Ref; a bucket notifying a queue or topic joins its group (one stack, so DependsOn holds).
  const data = inGroup(target?.group ?? ids.bucket(name), [
    { layer: 'data', logicalId: ids.bucket(name), resource },
    ...(later
      ? []
      : [
          {
            layer: 'data',
            logicalId: ids.bucketPolicy(name),
            resource: new S3BucketPolicy({
              Bucket: Fn.Ref(ids.bucket(name)),
              PolicyDocument: policyDocument(ctx, name),
            }),
          },
        ]),
  ]);
  // A grant whose source comes later (a CloudFront distribution): the whole policy follows it, naming the bucket by its name.
  const moved: PlacedResource[] = later
    ? [
        {
          layer: later,
          logicalId: ids.bucketPolicy(name),
          resource: new S3BucketPolicy({ Bucket: sub(physical) as never, PolicyDocument: policyDocument(ctx, name) }),
        },
      ]
    : [];
  const triggers = bucket.notify.flatMap((n) => (n.target?.kind === 'function' ? functionRule(ctx, name, n) : []));
  return [...data, ...moved, ...triggers];
}

export function compileBuckets(ctx: CompileContext): Fragment {
  if (!projectOf(ctx.spec)) return fragment([]);
  return fragment(bucketsOf(ctx.spec).items.flatMap((entry) => compileBucket(ctx, entry)));
}
