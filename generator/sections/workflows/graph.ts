/** Workflows in `gen graph`: one node per state machine in the app layer, an edge to each function its states invoke. */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { definitionFor } from './compile.js';
import { workflowsOf } from './model.js';

export function workflowsGraph(spec: Spec, env: Environment): GraphPart {
  const items = workflowsOf(spec).items;
  return {
    layer: 'app',
    nodes: items.map(
      ({ name, value }) =>
        `${graphNode('workflows', name)}{{${quote(`${names.stateMachine(env.name, name)}<br/>Step Functions ${value.type}`)}}}`,
    ),
    edges: items.flatMap(({ name, value }) =>
      (definitionFor(spec.specDir, value)?.functions ?? []).map(
        (fn) => `${graphNode('workflows', name)} -- invokes --> ${graphNode('functions', fn)}`,
      ),
    ),
  };
}
