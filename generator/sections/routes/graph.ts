/** Routes in `gen graph`: one node per function's routes (large APIs stay readable), an edge to the function. */
import type { Spec } from '../../spec.js';
import { byText } from '../../order.js';
import { graphNode, itemsOf, quote, type GraphPart } from '../section.js';
import { routesOf } from './model.js';

export function routesGraph(spec: Spec): GraphPart {
  const groups = new Map<string, { paths: string[]; count: number }>();
  for (const { value: route } of routesOf(spec).items) {
    const group = groups.get(route.function) ?? { paths: [], count: 0 };
    if (!group.paths.includes(route.path)) group.paths.push(route.path);
    group.paths.sort((a, b) => a.length - b.length || byText(a, b));
    group.count++;
    groups.set(route.function, group);
  }
  const functions = itemsOf(spec, 'functions').names;
  return {
    layer: 'api',
    nodes: [...groups].map(
      ([fn, g]) =>
        `${graphNode('routes', fn)}[${quote(`${g.paths.slice(0, 2).join('<br/>')}${g.paths.length > 2 ? '<br/>…' : ''}<br/>${g.count} route${g.count === 1 ? '' : 's'}`)}]`,
    ),
    edges: [...groups.keys()]
      .filter((fn) => functions.has(fn))
      .map((fn) => `${graphNode('routes', fn)} --> ${graphNode('functions', fn)}`),
  };
}
