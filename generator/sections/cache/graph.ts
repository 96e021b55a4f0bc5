/** The cache in `gen graph`: one node in the data layer, edges from the functions that use it and to its secret's key. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, itemsOf, quote, type GraphPart } from '../section.js';
import { AUTH_KEY, cacheOf, cacheUsers } from './model.js';

export function cacheGraph(spec: Spec, env: Environment): GraphPart {
  if (!cacheOf(spec)) return { layer: 'data', nodes: [], edges: [] };
  const node = graphNode('cache', 'redis');
  const { nodeType, nodes, multiAz } = env.cache;
  const size = `${nodes} × ${nodeType}${multiAz && nodes >= 2 ? ', Multi-AZ' : ''}`;
  return {
    layer: 'data',
    nodes: [`${node}[(${quote(`Redis cache<br/>${size}`)})]`],
    edges: [
      ...cacheUsers(spec).map((fn) => `${graphNode('functions', fn)} -- redis --> ${node}`),
      ...(itemsOf(spec, 'keys').names.has(AUTH_KEY)
        ? [`${node} -- AUTH token encrypted by --> ${graphNode('keys', AUTH_KEY)}`]
        : []),
    ],
  };
}
