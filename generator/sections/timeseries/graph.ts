/** Time-series databases in `gen graph`: one cylinder per database in the data layer, naming its tables. */
import type { Environment } from '../../environment/model.js';
import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { graphNode, quote, type GraphPart } from '../section.js';
import { timeseriesOf } from './model.js';

export const timeseriesGraph = (spec: Spec, env: Environment): GraphPart => ({
  layer: 'data',
  nodes: timeseriesOf(spec).items.map(
    ({ name, value }) =>
      `${graphNode('timeseries', name)}[(${quote(`${names.timeseriesDatabase(env.name, name)}<br/>Timestream: ${value.tables.join(', ')}`)})]`,
  ),
  edges: [],
});
