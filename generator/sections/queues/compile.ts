/**
 * queues -> SQS queues with their policies (and automatic dead-letter queues) in the data layer,
 * and each consumer's event source mapping in the triggers layer.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { arns, ids, names } from '../../naming/ids.js';
import { Fn, sub, keptWhenProtected } from '../../output/cfn.js';
import type { Fragment, PlacedResource } from '../../output/fragment.js';
import { byName, type Entry, type Spec } from '../../spec.js';
import { invokeName } from '../functions/invoke.js';
import { functionsOf } from '../functions/model.js';
import { grantsFor, type CompileContext } from '../section.js';
import {
  AUTO_DLQ_RETENTION_DAYS,
  autoDlqName,
  deadLetterOf,
  groupRoot,
  MAX_VISIBILITY,
  queuesOf,
  SQS_DEFAULT_VISIBILITY,
  VISIBILITY_PER_TIMEOUT,
  type Consumer,
  type Queue,
} from './model.js';
import { policyDocument } from './resource-policy.js';

/** SQS's limit on queue names, `.fifo` included. */
const MAX_NAME = 80;
const DAY = 86400;

/** The consumer's timeout in this environment: its own, else the environment's default. */
export function consumerTimeout(spec: Spec, env: Environment, consumer: Consumer): number {
  return byName(functionsOf(spec), consumer.function)?.value.timeout ?? env.functions.timeout;
}

/** The visibility timeout a queue gets: its own, else 6 × its consumer's timeout (at most SQS's 12 hours), else SQS's 30 s. */
export function visibilityOf(spec: Spec, env: Environment, queue: Queue): number {
  if (queue.visibilityTimeout !== undefined) return queue.visibilityTimeout;
  return queue.consumer
    ? Math.min(VISIBILITY_PER_TIMEOUT * consumerTimeout(spec, env, queue.consumer), MAX_VISIBILITY)
    : SQS_DEFAULT_VISIBILITY;
}

const retained = <T extends object>(resource: T, env: Environment) => {
  // In-flight messages outlive a stack in protected environments.
  return Object.assign(resource, keptWhenProtected(env.protected));
};

function queueResource(name: string, fifo: boolean, properties: Record<string, unknown>, env: Environment) {
  return retained(
    {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: names.queue(env.name, name, fifo),
        ...(fifo ? { FifoQueue: true, ContentBasedDeduplication: true } : {}),
        SqsManagedSseEnabled: true,
        ...properties,
      },
    },
    env,
  );
}

const queuePolicy = (ctx: CompileContext, item: string | undefined, queueId: string) => ({
  Type: 'AWS::SQS::QueuePolicy',
  Properties: {
    Queues: [Fn.Ref(queueId)],
    PolicyDocument: policyDocument(
      'sqs:*',
      item === undefined ? [] : grantsFor(ctx, 'queues', item),
      Fn.GetAtt(queueId, 'Arn'),
    ),
  },
});

function eventSourceMapping(spec: Spec, env: Environment, name: string, queue: Queue, consumer: Consumer) {
  return {
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: {
      EventSourceArn: sub(arns.queue(names.queue(env.name, name, queue.fifo))),
      FunctionName: invokeName(spec, env, consumer.function),
      Enabled: true,
      BatchSize: consumer.batchSize,
      // Written even when 0, so removing a window resets it; FIFO queues have none.
      ...(queue.fifo ? {} : { MaximumBatchingWindowInSeconds: consumer.batchWindow }),
      ...(consumer.partialFailures ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
      ...(consumer.maxConcurrency !== undefined
        ? { ScalingConfig: { MaximumConcurrency: consumer.maxConcurrency } }
        : {}),
      ...(consumer.filters.length > 0
        ? { FilterCriteria: { Filters: consumer.filters.map((f) => ({ Pattern: JSON.stringify(f) })) } }
        : {}),
    },
  };
}

function compileQueue(
  ctx: CompileContext,
  entry: Entry<Queue>,
): { resources: PlacedResource[]; diagnostics: Diagnostic[] } {
  const { spec, env } = ctx;
  const { name, value: queue, file, path } = entry;
  const diagnostics: Diagnostic[] = [];
  const dead = deadLetterOf(spec, entry);
  const queueId = ids.queue(name);
  // A queue shares a stack with the queue it dead-letters to: its redrive policy refers to it, and SQS refuses a target that does not exist yet.
  const group = ids.queue(groupRoot(spec, name));
  const placed = (layer: string, logicalId: string, resource: object): PlacedResource => ({
    layer,
    logicalId,
    resource,
    group,
  });

  const longest = names.queue(env.name, dead.queue === 'auto' ? autoDlqName(name) : name, queue.fifo);
  if (longest.length > MAX_NAME) {
    diagnostics.push(
      error(
        'GEN206',
        `queue name '${longest}' is ${longest.length} characters long in environment ${env.name}; SQS allows ${MAX_NAME}`,
        { file, path, at: 'key' },
        'use a shorter queue name',
      ),
    );
  }
  const visibility = visibilityOf(spec, env, queue);
  if (queue.consumer && queue.visibilityTimeout !== undefined) {
    const timeout = consumerTimeout(spec, env, queue.consumer);
    if (queue.visibilityTimeout < timeout) {
      diagnostics.push(
        error(
          'GEN318',
          `visibilityTimeout ${queue.visibilityTimeout} s of queue '${name}' is below the ${timeout} s timeout of its consumer '${queue.consumer.function}' ` +
            `in environment ${env.name}: Lambda refuses the mapping, and a message would be received again while it is still being processed`,
          { file, path: [...path, 'visibilityTimeout'] },
          `set visibilityTimeout to at least ${timeout} (AWS advises ${Math.min(VISIBILITY_PER_TIMEOUT * timeout, MAX_VISIBILITY)}, 6 × the timeout), remove it to get that, or shorten the function's timeout`,
        ),
      );
    }
  }

  const resources: PlacedResource[] = [];
  const deadId = dead.queue === 'none' ? undefined : ids.queue(dead.queue === 'auto' ? autoDlqName(name) : dead.queue);
  resources.push(
    placed(
      'data',
      queueId,
      queueResource(
        name,
        queue.fifo,
        {
          MessageRetentionPeriod: queue.retentionDays * DAY,
          VisibilityTimeout: visibility,
          ...(queue.delaySeconds > 0 ? { DelaySeconds: queue.delaySeconds } : {}),
          ...(deadId
            ? { RedrivePolicy: { deadLetterTargetArn: Fn.GetAtt(deadId, 'Arn'), maxReceiveCount: dead.maxReceives } }
            : {}),
        },
        env,
      ),
    ),
  );
  resources.push(placed('data', ids.queuePolicy(name), queuePolicy(ctx, name, queueId)));
  if (dead.queue === 'auto') {
    const auto = autoDlqName(name);
    resources.push(
      placed(
        'data',
        ids.queue(auto),
        queueResource(auto, queue.fifo, { MessageRetentionPeriod: AUTO_DLQ_RETENTION_DAYS * DAY }, env),
      ),
      placed('data', ids.queuePolicy(auto), queuePolicy(ctx, undefined, ids.queue(auto))),
    );
  }
  if (queue.consumer) {
    const id = ids.eventSource(queue.consumer.function, name);
    // Its own group in the triggers layer: created after the function and its role, which must already allow receiving.
    resources.push({
      layer: 'triggers',
      logicalId: id,
      resource: eventSourceMapping(spec, env, name, queue, queue.consumer),
    });
  }
  return { resources, diagnostics };
}

export function compileQueues(ctx: CompileContext): Fragment {
  const compiled = queuesOf(ctx.spec).items.map((entry) => compileQueue(ctx, entry));
  return {
    resources: compiled.flatMap((c) => c.resources),
    outputs: [],
    artifacts: [],
    diagnostics: compiled.flatMap((c) => c.diagnostics),
  };
}
