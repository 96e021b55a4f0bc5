/** Tables in `gen graph`: one cylinder per table in the data layer. */
import { names } from '../../naming/ids.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { tablesOf } from './model.js';

export const tablesGraph = (spec: Spec, env: Environment): GraphPart => ({
  layer: 'data',
  nodes: tablesOf(spec).items.map(
    ({ name }) => `${graphNode('tables', name)}[(${quote(names.table(env.name, name))})]`,
  ),
  edges: [],
});
