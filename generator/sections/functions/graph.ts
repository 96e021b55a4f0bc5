/** Functions in `gen graph`: one node per function in the app layer, an edge to everything it uses. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, itemsOf, quote, type GraphPart } from '../section.js';
import { functionsOf } from './model.js';

const label = (access: unknown) => (Array.isArray(access) ? access.join(', ') : String(access));

export const functionsGraph = (spec: Spec, env: Environment): GraphPart => {
  const functions = functionsOf(spec).items;
  return {
    layer: 'app',
    nodes: functions.map(
      ({ name, value }) =>
        `${graphNode('functions', name)}([${quote(`${name}<br/>${value.image ? 'image, ' : ''}${value.memory ?? env.functions.memory} MB, ${value.timeout ?? env.functions.timeout} s`)}])`,
    ),
    edges: functions.flatMap(({ name, value }) =>
      Object.entries(value.uses).flatMap(([key, references]) =>
        references
          .filter((r) => itemsOf(spec, key).names.has(r.name))
          .map((r) => `${graphNode('functions', name)} -- ${label(r.access)} --> ${graphNode(key, r.name)}`),
      ),
    ),
  };
};
