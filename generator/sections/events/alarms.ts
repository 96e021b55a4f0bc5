/** Alarm types on event rules: a rule is named by itself (rule names are unique across buses). */
import { names } from '../../naming/ids.js';
import { metric, returning } from '../alarm-metrics.js';
import type { AlarmType } from '../section.js';
import { busOfRule, DEFAULT_BUS, rulesOf } from './model.js';

type Ctx = Parameters<AlarmType['metrics']>[1];

/** EventBridge's rule metrics: RuleName alone on the default bus, with EventBusName on a custom bus. */
function ruleMetric(metricName: string, rule: string, { spec, env }: Ctx) {
  const bus = busOfRule(spec, rule) ?? DEFAULT_BUS;
  const dimensions = {
    ...(bus === DEFAULT_BUS ? {} : { EventBusName: names.eventBus(env.name, bus) }),
    RuleName: names.rule(env.name, rule),
  };
  return [returning(metric('failures', 'AWS/Events', metricName, dimensions, env.alarms.periodSeconds, 'Sum'))];
}

const rules = {
  noun: 'rule',
  names: (spec: Parameters<typeof rulesOf>[0]) => new Set(rulesOf(spec).map((r) => r.name)),
};

export const eventAlarmTypes: Record<string, AlarmType> = {
  'rule-failures': {
    watches: 'rule',
    watchable: rules,
    unit: 'count',
    defaultThreshold: 1,
    about: 'events a rule could not deliver to its target after every retry (they go to its dead-letter queue)',
    metrics: (rule, ctx) => ruleMetric('FailedInvocations', rule ?? '', ctx),
  },
  'rule-dlq-failures': {
    watches: 'rule',
    watchable: rules,
    unit: 'count',
    defaultThreshold: 1,
    about:
      'events a rule could deliver neither to its target nor to its dead-letter queue: lost (a queue policy or encryption problem)',
    metrics: (rule, ctx) => ruleMetric('InvocationsFailedToBeSentToDlq', rule ?? '', ctx),
  },
};
