// model-configs: CRUD over the model-configs table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_MODEL_CONFIGS, keys: {"partitionKey":"tenantId","sortKey":"configId","numeric":[]} });
