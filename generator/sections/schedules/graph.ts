/** Schedules in `gen graph`: one node per schedule in the triggers layer, an edge to the function it invokes. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { enabledIn, schedulesOf } from './model.js';

const when = (s: ReturnType<typeof schedulesOf>['items'][number]['value']) =>
  s.every
    ? `every ${s.every.value} ${s.every.unit}${s.every.value === 1 ? '' : 's'}`
    : `cron ${s.cron}${s.timezone ? ` ${s.timezone}` : ''}`;

export const schedulesGraph = (spec: Spec, env: Environment): GraphPart => {
  const schedules = schedulesOf(spec).items;
  return {
    layer: 'triggers',
    nodes: schedules.map(
      ({ name, value }) =>
        `${graphNode('schedules', name)}>${quote(`${name}<br/>${when(value)}${enabledIn(value, env.name) ? '' : ' (disabled)'}`)}]`,
    ),
    edges: schedules.map(
      ({ name, value }) =>
        `${graphNode('schedules', name)} --> ${value.function !== undefined ? graphNode('functions', value.function) : graphNode('workflows', value.workflow!)}`,
    ),
  };
};
