/** The functions' part of environments/<name>.yaml: defaults for every function. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface FunctionSettings {
  memory: number;
  timeout: number;
  provisionedConcurrency: boolean;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    functions: FunctionSettings;
  }
}

export const functionSettingsSchema: JsonSchema = settings('Defaults for every function.', {
  memory: integer(128, 10240, 'Default memory in MB.', { default: 256 }),
  timeout: integer(1, 900, 'Default timeout in seconds.', { default: 30 }),
  provisionedConcurrency: {
    type: 'boolean',
    default: false,
    description: 'Apply the provisionedConcurrency that functions ask for.',
  },
});
