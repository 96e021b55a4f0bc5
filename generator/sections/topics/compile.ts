/**
 * topics -> SNS topics with their policy, key (when an AWS service publishes) and e-mail, SMS and
 * queue subscriptions in the data layer; function subscriptions and their invoke permissions in
 * the triggers layer.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { arns, ids, names, pascal } from '../../naming/ids.js';
import { accountAdministersKey, Fn, sub, keptWhenProtected } from '../../output/cfn.js';
import type { Fragment, PlacedResource } from '../../output/fragment.js';
import { byText } from '../../order.js';
import type { Entry } from '../../spec.js';
import { invokePermission, invokeTarget } from '../functions/invoke.js';
import { isFifo } from '../queues/model.js';
import { policyDocument } from '../queues/resource-policy.js';
import { grantsFor, type CompileContext, type PolicyGrant } from '../section.js';
import { inEnvironment, topicsOf, type Topic } from './model.js';
import { topicKeyAlias } from './usable.js';

/** SNS's limit on topic names, `.fifo` included. */
const MAX_NAME = 256;
/** The AWS-managed key for SNS: free of key policies to maintain, but closed to AWS services. */
export const AWS_MANAGED_KEY = 'alias/aws/sns';

const retained = <T extends object>(resource: T, env: Environment) => {
  return Object.assign(resource, keptWhenProtected(env.protected));
};

/** A key for one topic: the account administers it through IAM; each publishing service may use it for its own sources only. */
function topicKey(topicName: string, grants: PolicyGrant[], env: Environment) {
  const services = [...new Set(grants.map((g) => g.service))].sort(byText);
  return retained(
    {
      Type: 'AWS::KMS::Key',
      Properties: {
        Description: `Encrypts SNS topic ${topicName}`,
        EnableKeyRotation: true,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            accountAdministersKey(),
            ...services.map((service) => ({
              Sid: `${pascal(service.split('.')[0])}PublishesEncrypted`,
              Effect: 'Allow',
              Principal: { Service: service },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
              Condition: {
                StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
                ArnLike: { 'aws:SourceArn': grants.filter((g) => g.service === service).map((g) => g.sourceArn) },
              },
            })),
          ],
        },
      },
    },
    env,
  );
}

const subscription = (topicArn: unknown, protocol: string, endpoint: unknown) => ({
  Type: 'AWS::SNS::Subscription',
  Properties: { TopicArn: topicArn, Protocol: protocol, Endpoint: endpoint },
});

function compileTopic(
  ctx: CompileContext,
  entry: Entry<Topic>,
): { resources: PlacedResource[]; diagnostics: Diagnostic[] } {
  const { spec, env } = ctx;
  const { name, value: topic, file, path } = entry;
  const topicName = names.topic(env.name, name, topic.fifo);
  const diagnostics: Diagnostic[] =
    topicName.length > MAX_NAME
      ? [
          error(
            'GEN206',
            `topic name '${topicName}' is ${topicName.length} characters long in environment ${env.name}; SNS allows ${MAX_NAME}`,
            { file, path, at: 'key' },
            'use a shorter topic name',
          ),
        ]
      : [];
  const topicId = ids.topic(name);
  const grants = grantsFor(ctx, 'topics', name);
  const data = (logicalId: string, resource: object): PlacedResource => ({
    layer: 'data',
    logicalId,
    resource,
    group: topicId,
  });
  const resources: PlacedResource[] = [];
  if (grants.length > 0) {
    resources.push(
      data(ids.topicKey(name), topicKey(topicName, grants, env)),
      data(ids.topicKeyAlias(name), {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: topicKeyAlias(ctx, name), TargetKeyId: Fn.Ref(ids.topicKey(name)) },
      }),
    );
  }
  resources.push(
    data(
      topicId,
      retained(
        {
          Type: 'AWS::SNS::Topic',
          Properties: {
            TopicName: topicName,
            ...(topic.fifo ? { FifoTopic: true, ContentBasedDeduplication: true } : {}),
            KmsMasterKeyId: grants.length > 0 ? Fn.Ref(ids.topicKey(name)) : AWS_MANAGED_KEY,
          },
        },
        env,
      ),
    ),
    data(ids.topicPolicy(name), {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: { Topics: [Fn.Ref(topicId)], PolicyDocument: policyDocument('sns:Publish', grants, Fn.Ref(topicId)) },
    }),
  );
  for (const protocol of ['email', 'sms'] as const) {
    for (const endpoint of inEnvironment(topic.subscribers[protocol], env.name)) {
      resources.push(
        data(ids.subscription(name, protocol, endpoint), subscription(Fn.Ref(topicId), protocol, endpoint)),
      );
    }
  }
  for (const queue of topic.subscribers.queue) {
    resources.push(
      data(
        ids.subscription(name, 'queue', queue),
        subscription(Fn.Ref(topicId), 'sqs', sub(arns.queue(names.queue(env.name, queue, isFifo(spec, queue))))),
      ),
    );
  }
  // After the function exists (triggers layer); the permission first, so no early message is refused.
  const topicArn = sub(arns.topic(topicName));
  for (const fn of topic.subscribers.function) {
    const subscriptionId = ids.subscription(name, 'function', fn);
    const permissionId = ids.subscriptionPermission(name, fn);
    resources.push(
      {
        layer: 'triggers',
        logicalId: permissionId,
        group: subscriptionId,
        resource: invokePermission(spec, env, fn, 'sns.amazonaws.com', topicArn),
      },
      {
        layer: 'triggers',
        logicalId: subscriptionId,
        group: subscriptionId,
        resource: { ...subscription(topicArn, 'lambda', sub(invokeTarget(spec, env, fn))), DependsOn: [permissionId] },
      },
    );
  }
  return { resources, diagnostics };
}

export function compileTopics(ctx: CompileContext): Fragment {
  const compiled = topicsOf(ctx.spec).items.map((entry) => compileTopic(ctx, entry));
  return {
    resources: compiled.flatMap((c) => c.resources),
    outputs: [],
    artifacts: [],
    diagnostics: compiled.flatMap((c) => c.diagnostics),
  };
}

/** What topics ask of queues' policies: SNS may send to each subscribed queue, for this topic only. */
export function topicGrants({ spec, env }: CompileContext): PolicyGrant[] {
  return topicsOf(spec).items.flatMap(({ name, value }) =>
    value.subscribers.queue.map(
      (queue): PolicyGrant => ({
        section: 'queues',
        name: queue,
        sid: `topic-${name}`,
        service: 'sns.amazonaws.com',
        actions: ['sqs:SendMessage'],
        sourceArn: sub(arns.topic(names.topic(env.name, name, value.fifo))),
      }),
    ),
  );
}
