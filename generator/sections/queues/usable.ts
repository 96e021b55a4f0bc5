/**
 * What functions may do with a queue: `queues: {jobs: send}` (send, receive, send-receive).
 * Each grants exactly those SQS actions on the queue's ARN and sets QUEUE_<NAME> to its URL.
 * Queues are encrypted with SQS-managed keys (SSE-SQS), so no KMS permission is needed.
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import type { ImpliedUse, Reference, Usable } from '../section.js';
import { isFifo, queuesOf } from './model.js';

const SEND = ['sqs:SendMessage'];
/** What a poller needs: Lambda's event source mapping uses ReceiveMessage, DeleteMessage and GetQueueAttributes; code may also extend a message's visibility. */
const RECEIVE = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];
export const QUEUE_ACCESS = ['send', 'receive', 'send-receive'] as const;
export type QueueAccess = (typeof QUEUE_ACCESS)[number];

export const actionsFor = (access: QueueAccess): string[] =>
  access === 'send' ? SEND : access === 'receive' ? RECEIVE : [...RECEIVE, ...SEND].sort();

/** The queue's name in one environment, `.fifo` included. */
export const queueName = (spec: Spec, env: string, name: string) => names.queue(env, name, isFifo(spec, name));

export const queueUsable: Usable = {
  service: 'sqs',
  access: { enum: [...QUEUE_ACCESS] },
  description:
    "Queues the code uses and how: send, receive or send-receive; `{access, variable}` renames the variable. Each becomes a QUEUE_<NAME> variable (the queue URL) and exactly these SQS permissions. A queue's consumer needs nothing here.",
  example: { jobs: 'send', results: { access: 'receive', variable: 'RESULTS_URL' } },
  variable: (name) => names.variable('QUEUE', name),
  holds: 'the URL of queue',
  value: (name, { spec, env }) => sub(arns.queueUrl(queueName(spec, env.name, name))),
  statements: ({ name, access }: Reference, { spec, env }) => [
    {
      Sid: `Queue${pascal(name)}${pascal(String(access))}`,
      Effect: 'Allow',
      Action: actionsFor(access as QueueAccess),
      Resource: [sub(arns.queue(queueName(spec, env.name, name)))],
    },
  ],
};

/** Each consumer receives from its queue, unless the function already writes an access that covers receiving. */
export const consumerUses = (spec: Spec): ImpliedUse[] =>
  queuesOf(spec).items.flatMap(({ name, value }) => {
    if (!value.consumer) return [];
    const written = byName(functionsOf(spec), value.consumer.function)?.value.uses.queues?.find((r) => r.name === name);
    if (written && actionsFor(written.access as QueueAccess).includes('sqs:ReceiveMessage')) return [];
    return [{ function: value.consumer.function, section: 'queues', name, access: 'receive' }];
  });
