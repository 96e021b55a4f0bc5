/**
 * What event rules, schedules and bucket notifications deliver to, named in the spec: functions
 * (through functions/invoke.ts), queues and topics of other sections. Queues and topics are
 * addressed by name (their ARNs are built from names, so any stack can point at them) and are
 * asked for their resource-policy statements through Section.grants; nothing here imports another
 * section's compile step.
 */
import { error, type Diagnostic, type Location } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import { itemsOf, type LayerSpec, type Registry } from '../section.js';

/** Layers the event sections put resources in; every section declaring one gives the same place and words. */
export const DATA_LAYER: LayerSpec = {
  name: 'data',
  purpose: 'stateful data (tables); never replaced or deleted without an explicit flag',
};
export const TRIGGERS_LAYER: LayerSpec = {
  name: 'triggers',
  after: 'app',
  purpose: 'what connects sources to functions: event rules, schedules, event source mappings and their permissions',
};

export type TargetKind = 'function' | 'queue' | 'topic' | 'workflow';
/** What bucket notifications deliver to. */
export const TARGET_KINDS: readonly TargetKind[] = ['function', 'queue', 'topic'];
/** What event rules deliver to: a workflow too (EventBridge starts an execution with the rule's role). */
export const RULE_TARGET_KINDS: readonly TargetKind[] = [...TARGET_KINDS, 'workflow'];
/** The section each kind of target is an item of. */
export const SECTION_OF: Record<TargetKind, string> = {
  function: 'functions',
  queue: 'queues',
  topic: 'topics',
  workflow: 'workflows',
};

export interface Target {
  kind: TargetKind;
  name: string;
}

/** The one target an item names with `function:`, `queue:` or `topic:` (undefined when it names none; checks report that). */
export function targetOf(
  raw: Partial<Record<TargetKind, string>>,
  kinds: readonly TargetKind[] = TARGET_KINDS,
): Target | undefined {
  const kind = kinds.find((k) => raw[k] !== undefined);
  return kind ? { kind, name: raw[kind]! } : undefined;
}

/** Exactly one of `kinds` is written: a diagnostic for none or several. */
export function exactlyOneTarget(
  raw: Partial<Record<TargetKind, string>>,
  kinds: readonly TargetKind[],
  what: string,
  location: Location,
): Diagnostic[] {
  const written = kinds.filter((k) => raw[k] !== undefined);
  if (written.length === 1) return [];
  const list = kinds.join(', ');
  return written.length === 0
    ? [
        error(
          'GEN202',
          `${what} names no target`,
          location,
          `add one of: ${list} (the name of the item it delivers to)`,
        ),
      ]
    : [
        error(
          'GEN206',
          `${what} names ${written.join(' and ')}; it delivers to exactly one target`,
          { ...location, path: [...location.path, written[1]], at: 'key' },
          `keep one of ${written.join(', ')}`,
        ),
      ];
}

/** Whether a queue or topic is FIFO (read from its own section's items; false when it is not defined). */
export const isFifo = (spec: Spec, section: 'queues' | 'topics', name: string): boolean =>
  itemsOf<{ fifo?: boolean }>(spec, section).items.find((item) => item.name === name)?.value.fifo === true;

export const queueName = (spec: Spec, env: string, queue: string) =>
  names.queue(env, queue, isFifo(spec, 'queues', queue));
export const queueArn = (spec: Spec, env: string, queue: string) => sub(arns.queue(queueName(spec, env, queue)));
export const topicArn = (spec: Spec, env: string, topic: string) =>
  sub(arns.topic(names.topic(env, topic, isFifo(spec, 'topics', topic))));

/**
 * A reference to another section's item must name one: did-you-mean when it does not, and a
 * clear message when the section is not part of gen at all (a registry without queues).
 */
export function unknownTarget(
  spec: Spec,
  registry: Registry,
  target: Target,
  who: string,
  location: Location,
): Diagnostic[] {
  const section = registry.section(SECTION_OF[target.kind]);
  if (section) return unknownReference(spec, section, target.name, who, location);
  return [
    error(
      'GEN312',
      `${who} ${target.kind} '${target.name}', but this gen has no ${SECTION_OF[target.kind]} section`,
      location,
      `deliver to a ${TARGET_KINDS.filter((k) => registry.section(SECTION_OF[k])).join(' or ')} instead`,
    ),
  ];
}

/** A queue that EventBridge or Scheduler may use as a dead-letter queue: it must exist and be a standard queue. */
export function checkDeadLetterQueue(
  spec: Spec,
  registry: Registry,
  queue: string,
  who: string,
  location: Location,
): Diagnostic[] {
  const unknown = unknownTarget(spec, registry, { kind: 'queue', name: queue }, who, location);
  if (unknown.length > 0) return unknown;
  return isFifo(spec, 'queues', queue)
    ? [
        error(
          'GEN321',
          `${who} queue '${queue}', a FIFO queue; EventBridge delivers failed events only to standard queues`,
          location,
          'name a standard (non-FIFO) queue',
        ),
      ]
    : [];
}

/** Per-environment values name environments that exist. */
export function checkEnvironmentNames(spec: Spec, value: unknown, what: string, location: Location): Diagnostic[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value)
    .filter((env) => !spec.environmentNames.includes(env))
    .map((env) =>
      error(
        'GEN308',
        `${what} names environment '${env}', which has no file in environments/.${suggestion(env, spec.environmentNames)}`,
        { ...location, path: [...location.path, env], at: 'key' },
        `use one of: ${spec.environmentNames.join(', ')}`,
      ),
    );
}

/** A value written once or per environment, in one environment (undefined: the environment is not named). */
export const inEnvironment = <T>(value: T | Record<string, T> | undefined, env: string): T | undefined =>
  value !== null && typeof value === 'object' ? (value as Record<string, T>)[env] : value;

/** EventBridge target ids: 1-64 of letters, digits, dot, dash, underscore (spec names always fit the characters). */
export const targetId = (name: string) => name.slice(0, 64);
