/** The API's part of environments/<name>.yaml: throttling of the whole stage. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface ApiEnvironmentSettings {
  throttle: { rate: number; burst: number };
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    api: ApiEnvironmentSettings;
  }
}

export const apiSettingsSchema: JsonSchema = settings('HTTP API settings.', {
  throttle: settings('Request throttling for the whole stage.', {
    rate: integer(1, 1000000, 'Steady requests per second.', { default: 1000 }),
    burst: integer(1, 1000000, 'Burst of requests.', { default: 2000 }),
  }),
});
