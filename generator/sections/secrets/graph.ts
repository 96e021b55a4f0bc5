/** Secrets in `gen graph`: one node per secret in the data layer, an edge to the key that encrypts it. */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { graphNode, itemsOf, quote, type GraphPart } from '../section.js';
import { secretName, secretsOf } from './model.js';

export const secretsGraph = (spec: Spec, env: Environment): GraphPart => {
  const secrets = secretsOf(spec).items;
  return {
    layer: 'data',
    nodes: secrets.map(
      ({ name, value }) =>
        `${graphNode('secrets', name)}[/${quote(`${secretName(spec, env.name, name)}<br/>secret, ${value.generate ? 'generated' : 'set out of band'}`)}/]`,
    ),
    edges: [
      ...secrets
        .filter(({ value }) => itemsOf(spec, 'keys').names.has(value.key))
        .map(({ name, value }) => `${graphNode('secrets', name)} -- encrypted by --> ${graphNode('keys', value.key)}`),
      ...secrets.flatMap(({ name, value }) =>
        value.rotation
          ? [
              `${graphNode('secrets', name)} -- rotated every ${value.rotation.everyDays} days by --> ${graphNode('functions', value.rotation.function)}`,
            ]
          : [],
      ),
    ],
  };
};
