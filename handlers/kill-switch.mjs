// kill-switch: CRUD over the kill-switch-state table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_KILL_SWITCH_STATE, keys: {"partitionKey":"tenantId","numeric":[]} });
