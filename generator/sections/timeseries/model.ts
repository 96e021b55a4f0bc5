import type { Spec } from '../../spec.js';
import { itemsOf } from '../section.js';

export interface TimeseriesDatabase {
  tables: string[];
}

export const timeseriesOf = (spec: Spec) => itemsOf<TimeseriesDatabase>(spec, 'timeseries');
