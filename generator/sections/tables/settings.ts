/** The tables' part of environments/<name>.yaml: billing, capacity and autoscaling for every table. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface TableSettings {
  billing: 'on-demand' | 'provisioned';
  capacity: { read: number; write: number };
  autoscaling: { enabled: boolean; minCapacity: number; maxCapacity: number; targetUtilization: number };
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    tables: TableSettings;
  }
}

export const tableSettingsSchema: JsonSchema = settings('DynamoDB settings for every table.', {
  billing: {
    enum: ['on-demand', 'provisioned'],
    default: 'on-demand',
    description: 'on-demand (pay per request) or provisioned capacity.',
  },
  capacity: settings('Starting read/write capacity units per table and index (provisioned only).', {
    read: integer(1, 40000, 'Read capacity units.', { default: 5 }),
    write: integer(1, 40000, 'Write capacity units.', { default: 5 }),
  }),
  autoscaling: settings('Scale provisioned capacity with load (provisioned only).', {
    enabled: { type: 'boolean', default: false, description: 'Turn autoscaling on.' },
    minCapacity: integer(1, 40000, 'Lowest capacity units.', { default: 5 }),
    maxCapacity: integer(1, 40000, 'Highest capacity units.', { default: 100 }),
    targetUtilization: integer(20, 90, 'Target utilisation in percent.', { default: 70 }),
  }),
});
