/** Keys in `gen graph`: one node per key in the data layer (secrets draw their edge to the key that encrypts them). */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { keyAlias, keysOf } from './model.js';

export const keysGraph = (spec: Spec, env: Environment): GraphPart => ({
  layer: 'data',
  nodes: keysOf(spec).items.map(
    ({ name }) => `${graphNode('keys', name)}>${quote(`${keyAlias(spec, env.name, name)}<br/>KMS key, rotated`)}]`,
  ),
  edges: [],
});
