/** Cross-references of topics: subscribers exist and can subscribe (FIFO topics deliver to FIFO queues only), environments are real. */
import { error, type Diagnostic } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import { byName, type Entry, type Spec } from '../../spec.js';
import { queuesOf } from '../queues/model.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { topicsOf, type PerEnvironment, type Topic } from './model.js';

const kind = (fifo: boolean) => (fifo ? 'a FIFO' : 'a standard');

function checkEnvironments(spec: Spec, value: PerEnvironment, file: string, path: (string | number)[]): Diagnostic[] {
  if (Array.isArray(value)) return [];
  return Object.keys(value)
    .filter((env) => !spec.environmentNames.includes(env))
    .map((env) =>
      error(
        'GEN308',
        `subscribers name environment '${env}', which has no file in environments/.${suggestion(env, spec.environmentNames)}`,
        { file, path: [...path, env], at: 'key' },
        `use one of: ${spec.environmentNames.join(', ')}`,
      ),
    );
}

function checkTopic(spec: Spec, registry: Registry, entry: Entry<Topic>): Diagnostic[] {
  const { value: topic, file, path, name } = entry;
  const at = [...path, 'subscribers'];
  const out: Diagnostic[] = [
    ...checkEnvironments(spec, topic.subscribers.email, file, [...at, 'email']),
    ...checkEnvironments(spec, topic.subscribers.sms, file, [...at, 'sms']),
  ];
  const functions = registry.section('functions');
  topic.subscribers.function.forEach((fn, i) => {
    if (functions)
      out.push(
        ...unknownReference(spec, functions, fn, `topic '${name}' delivers to`, { file, path: [...at, 'function', i] }),
      );
  });
  const queues = registry.section('queues');
  topic.subscribers.queue.forEach((queue, i) => {
    const location = { file, path: [...at, 'queue', i] };
    const target = byName(queuesOf(spec), queue);
    if (!target) {
      if (queues) out.push(...unknownReference(spec, queues, queue, `topic '${name}' delivers to`, location));
    } else if (target.value.fifo !== topic.fifo) {
      out.push(
        error(
          'GEN206',
          `topic '${name}' is ${kind(topic.fifo)} topic, but queue '${queue}' is ${kind(target.value.fifo)} queue; SNS delivers ${topic.fifo ? 'FIFO topics to FIFO queues only' : 'standard topics to standard queues only'}`,
          location,
          `subscribe ${kind(topic.fifo)} queue, or change fifo on one of them`,
        ),
      );
    }
  });
  if (topic.fifo) {
    for (const protocol of ['email', 'sms', 'function'] as const) {
      const value = topic.subscribers[protocol];
      if (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0) {
        out.push(
          error(
            'GEN206',
            `topic '${name}' is FIFO, and SNS delivers FIFO topics to SQS queues only, not to ${protocol === 'function' ? 'functions' : protocol}`,
            { file, path: [...at, protocol], at: 'key' },
            'subscribe a FIFO queue (and consume it with the function), or make the topic standard',
          ),
        );
      }
    }
  }
  return out;
}

export const checkTopics = (spec: Spec, registry: Registry): Diagnostic[] =>
  topicsOf(spec).items.flatMap((entry) => checkTopic(spec, registry, entry));
