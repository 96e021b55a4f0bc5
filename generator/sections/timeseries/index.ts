/** timeseries: Timestream for LiveAnalytics, gated by the environment (closed to new AWS customers since 2025-06-20). */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import type { Section } from '../section.js';
import { timeseriesGraph } from './graph.js';
import { compileTimeseries } from './compile.js';
import { timeseriesSchema } from './schema.js';
import { timeseriesSettingsSchema } from './settings.js';

export const timeseriesSection: Section = {
  key: 'timeseries',
  kind: 'map',
  schema: timeseriesSchema,
  names: { pattern: KEBAB_NAME, noun: 'time-series database', hint: KEBAB_HINT, maxLength: 200 },
  compile: compileTimeseries,
  statefulTypes: ['AWS::Timestream::Database', 'AWS::Timestream::Table', 'AWS::KMS::Key'],
  environment: timeseriesSettingsSchema,
  graph: timeseriesGraph,
};
