/** Buckets in `gen graph`: one node per bucket in the data layer, an edge to everything it notifies. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { SECTION_OF } from '../events/targets.js';
import { projectOf } from '../project/model.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { bucketsOf } from './model.js';

export const bucketsGraph = (spec: Spec, env: Environment): GraphPart => {
  const buckets = bucketsOf(spec).items;
  const project = projectOf(spec)?.value.name ?? 'project';
  return {
    layer: 'data',
    nodes: buckets.map(
      ({ name }) => `${graphNode('buckets', name)}[(${quote(`bucket ${env.name}-${project}-${name}`)})]`,
    ),
    edges: buckets.flatMap(({ name, value }) =>
      value.notify.flatMap((n) =>
        n.target
          ? [
              `${graphNode('buckets', name)} -- ${quote(`${n.events.join(', ')}${n.target.kind === 'function' ? ' via EventBridge' : ''}`)} --> ${graphNode(SECTION_OF[n.target.kind], n.target.name)}`,
            ]
          : [],
      ),
    ),
  };
};
