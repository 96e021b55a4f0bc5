/**
 * The statements every function's role has (its own logs, tracing) and its trust policy. What
 * it may do with other sections' items comes from those sections (Section.usable.statements).
 */
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

export function logStatement(logGroupName: string) {
  return {
    Sid: 'Logs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [sub(`${arns.logGroup(logGroupName)}:*`)],
  };
}

/** X-Ray has no resource-level permissions: AWS documents `*` as the only resource. */
export const TRACING_STATEMENT = {
  Sid: 'Tracing',
  Effect: 'Allow',
  Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
  Resource: '*',
};

export const ASSUME_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** ARN of the queue a function's failed asynchronous events go to (queues are named, so any stack can point at one). */
export function deadLetterQueueArn(spec: Spec, env: string, queue: string) {
  const fifo = itemsOf<{ fifo?: boolean }>(spec, 'queues').items.find((q) => q.name === queue)?.value.fifo === true;
  return sub(arns.queue(names.queue(env, queue, fifo)));
}
