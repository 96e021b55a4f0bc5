// strategies: CRUD over the strategies table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_STRATEGIES, keys: {"partitionKey":"tenantId","sortKey":"strategyId","numeric":[]} });
