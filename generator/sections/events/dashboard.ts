/** Event rules on the dashboard: events each rule matched and delivered, and deliveries that failed for good. */
import { names } from '../../naming/ids.js';
import type { CompileContext, DashboardGraph } from '../section.js';
import { DEFAULT_BUS, rulesOf } from './model.js';

export function eventsDashboard({ spec, env }: CompileContext): DashboardGraph[] {
  const rules = rulesOf(spec);
  if (rules.length === 0) return [];
  // Custom-bus rule metrics carry the bus as a dimension; default-bus ones only the rule.
  const series = (metric: string) =>
    rules.map(({ bus, name }) => [
      'AWS/Events',
      metric,
      ...(bus === DEFAULT_BUS ? [] : ['EventBusName', names.eventBus(env.name, bus)]),
      'RuleName',
      names.rule(env.name, name),
    ]);
  return [
    { title: 'Event rule invocations', stat: 'Sum', metrics: series('Invocations') },
    { title: 'Event rule failed invocations', stat: 'Sum', metrics: series('FailedInvocations') },
  ];
}
