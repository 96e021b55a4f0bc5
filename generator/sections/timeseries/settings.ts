/** The time-series part of environments/<name>.yaml: whether the account has the store, and retention. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface TimeseriesSettings {
  engine: 'none' | 'liveanalytics';
  memoryRetentionHours: number;
  magneticRetentionDays: number;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    timeseries: TimeseriesSettings;
  }
}

export const timeseriesSettingsSchema: JsonSchema = settings(
  'Time-series store of the environment (used by the timeseries section).',
  {
    engine: {
      enum: ['none', 'liveanalytics'],
      default: 'none',
      description:
        "liveanalytics: this environment's AWS account used Amazon Timestream for LiveAnalytics before 2025-06-20 and can still create databases; AWS closed it to new customers then, so none (the default) refuses a timeseries section.",
      examples: ['liveanalytics'],
    },
    memoryRetentionHours: integer(1, 8766, 'Hours a record stays in the memory store.', { default: 24 }),
    magneticRetentionDays: integer(1, 73000, 'Days a record stays in the magnetic store.', { default: 30 }),
  },
);
