// performance: CRUD over the performance-metrics table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_PERFORMANCE_METRICS, keys: {"partitionKey":"modelId","sortKey":"period","numeric":[]} });
