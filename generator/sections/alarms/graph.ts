/** Alarms in `gen graph`: counted per type (not drawn one by one), all pointing at the alarm topic. */
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart, type Registry } from '../section.js';
import { alarmsOf } from './model.js';

export function alarmsGraph(spec: Spec, registry: Registry): GraphPart {
  const byType = new Map<string, number>();
  for (const { value } of alarmsOf(spec).items) byType.set(value.type, (byType.get(value.type) ?? 0) + 1);
  if (byType.size === 0) return { layer: 'monitoring', nodes: [], edges: [] };
  return {
    layer: 'monitoring',
    nodes: [
      `topic{{${quote('alarm topic<br/>SNS, KMS-encrypted')}}}`,
      ...[...byType].map(
        ([type, count]) =>
          `${graphNode('alarms', type)}[${quote(`${count} ${type} alarm${count === 1 ? '' : 's'}<br/>${registry.alarmTypes.get(type)?.type.about ?? ''}`)}]`,
      ),
    ],
    edges: [...byType.keys()].map((type) => `${graphNode('alarms', type)} --> topic`),
  };
}
