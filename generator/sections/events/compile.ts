/**
 * events -> event buses (and archives) in the data layer; each rule with its one target and the
 * permission to invoke a function in the triggers layer, after every target exists. Queues and
 * topics targeted, and dead-letter queues, get their policy statements from their own sections
 * (grants): events.amazonaws.com may send, only for this rule's ARN.
 */
import { arns, ids, names, pascal } from '../../naming/ids.js';
import { Fn, sub, keptWhenProtected } from '../../output/cfn.js';
import { fragment, inGroup, type Fragment, type PlacedResource } from '../../output/fragment.js';
import type { Entry } from '../../spec.js';
import { invokePermission, invokeTarget } from '../functions/invoke.js';
import type { CompileContext, PolicyGrant } from '../section.js';
import { startRole, stateMachineArn } from '../workflows/start.js';
import { EventBus, EventsArchive, EventsRule } from './cfn.js';
import { busesOf, DEFAULT_BUS, type Bus, type Rule } from './model.js';
import { isFifo, queueArn, targetId, topicArn } from './targets.js';

export const ruleArn = (env: string, bus: string, rule: string) =>
  sub(arns.rule(names.eventBus(env, bus), names.rule(env, rule)));

/** What a rule's target and dead-letter queue need in their policies: events.amazonaws.com, for this rule only. */
export function ruleGrants({ spec, env }: CompileContext): PolicyGrant[] {
  return busesOf(spec).items.flatMap((bus) =>
    bus.value.rules.flatMap(({ name, value: rule }): PolicyGrant[] => {
      const source = ruleArn(env.name, bus.name, name);
      const sid = `Rule${pascal(bus.name)}${pascal(name)}`;
      const target = rule.target;
      return [
        ...(target && (target.kind === 'queue' || target.kind === 'topic')
          ? [
              {
                section: target.kind === 'queue' ? 'queues' : 'topics',
                name: target.name,
                sid,
                service: 'events.amazonaws.com',
                actions: [target.kind === 'queue' ? 'sqs:SendMessage' : 'sns:Publish'],
                sourceArn: source,
              },
            ]
          : []),
        ...(rule.deadLetterQueue !== undefined
          ? [
              {
                section: 'queues',
                name: rule.deadLetterQueue,
                sid: `${sid}DeadLetters`,
                service: 'events.amazonaws.com',
                actions: ['sqs:SendMessage'],
                sourceArn: source,
              },
            ]
          : []),
      ];
    }),
  );
}

function ruleTarget(ctx: CompileContext, bus: string, specName: string, ruleName: string, rule: Rule) {
  const { spec, env } = ctx;
  const { kind, name } = rule.target!;
  const retry = {
    ...(rule.retries !== undefined ? { MaximumRetryAttempts: rule.retries } : {}),
    ...(rule.maxEventAgeSeconds !== undefined ? { MaximumEventAgeInSeconds: rule.maxEventAgeSeconds } : {}),
  };
  const arn = {
    function: () => sub(invokeTarget(spec, env, name)),
    queue: () => queueArn(spec, env.name, name),
    topic: () => topicArn(spec, env.name, name),
    workflow: () => stateMachineArn(env.name, name),
  }[kind]();
  return {
    Id: targetId(name),
    Arn: arn,
    // EventBridge starts a workflow with a role of the rule's own; the other targets admit it by policy.
    ...(kind === 'workflow' ? { RoleArn: Fn.GetAtt(ids.ruleRole(bus, specName), 'Arn') } : {}),
    ...(rule.input !== undefined ? { Input: JSON.stringify(rule.input) } : {}),
    ...(rule.inputPath !== undefined ? { InputPath: rule.inputPath } : {}),
    ...(Object.keys(retry).length > 0 ? { RetryPolicy: retry } : {}),
    ...(rule.deadLetterQueue !== undefined
      ? { DeadLetterConfig: { Arn: queueArn(spec, env.name, rule.deadLetterQueue) } }
      : {}),
    // A FIFO queue needs a message group: the rule's events keep their order among themselves.
    ...(kind === 'queue' && isFifo(spec, 'queues', name) ? { SqsParameters: { MessageGroupId: ruleName } } : {}),
  };
}

function compileRule(ctx: CompileContext, bus: string, name: string, rule: Rule): PlacedResource[] {
  const { spec, env } = ctx;
  const ruleName = names.rule(env.name, name);
  const resource = new EventsRule({
    Name: ruleName,
    ...(rule.description !== undefined ? { Description: rule.description } : {}),
    EventBusName: names.eventBus(env.name, bus),
    EventPattern: rule.match,
    State: 'ENABLED',
    Targets: [ruleTarget(ctx, bus, name, ruleName, rule) as never],
  });
  const role =
    rule.target!.kind === 'workflow'
      ? [
          {
            layer: 'triggers',
            logicalId: ids.ruleRole(bus, name),
            resource: startRole(
              'events.amazonaws.com',
              `Lets rule ${ruleName} start workflow ${names.stateMachine(env.name, rule.target!.name)}`,
              env.name,
              rule.target!.name,
            ),
          },
        ]
      : [];
  const permission =
    rule.target!.kind === 'function'
      ? [
          {
            layer: 'triggers',
            logicalId: ids.rulePermission(bus, name),
            resource: invokePermission(
              spec,
              env,
              rule.target!.name,
              'events.amazonaws.com',
              ruleArn(env.name, bus, name),
            ),
          },
        ]
      : [];
  return inGroup(ids.rule(bus, name), [
    { layer: 'triggers', logicalId: ids.rule(bus, name), resource },
    ...permission,
    ...role,
  ]);
}

function compileBus(ctx: CompileContext, entry: Entry<Bus>): PlacedResource[] {
  const { env } = ctx;
  const { name, value: bus } = entry;
  const resources: PlacedResource[] = [];
  if (name !== DEFAULT_BUS) {
    resources.push({
      layer: 'data',
      logicalId: ids.eventBus(name),
      group: ids.eventBus(name),
      // Producers outside the project send to it by name: kept when the stack goes, in protected environments.
      resource: Object.assign(
        new EventBus({
          Name: names.eventBus(env.name, name),
          ...(bus.description !== undefined ? { Description: bus.description } : {}),
        }),
        keptWhenProtected(env.protected),
      ),
    });
  }
  if (bus.archive) {
    const archiveName = names.eventBusArchive(env.name, name);
    resources.push({
      layer: 'data',
      logicalId: ids.eventBusArchive(name),
      group: name === DEFAULT_BUS ? ids.eventBusArchive(name) : ids.eventBus(name),
      resource: new EventsArchive({
        ArchiveName: archiveName,
        Description: `Events of bus ${names.eventBus(env.name, name)}, replayable`,
        SourceArn: name === DEFAULT_BUS ? sub(arns.eventBus(DEFAULT_BUS)) : Fn.GetAtt(ids.eventBus(name), 'Arn'),
        ...(bus.archive.retentionDays !== undefined ? { RetentionDays: bus.archive.retentionDays } : {}),
      }),
    });
  }
  for (const { name: rule, value } of bus.rules) resources.push(...compileRule(ctx, name, rule, value));
  return resources;
}

export const compileEvents = (ctx: CompileContext): Fragment =>
  fragment(busesOf(ctx.spec).items.flatMap((entry) => compileBus(ctx, entry)));
