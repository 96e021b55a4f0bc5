// drawdown: CRUD over the drawdown-limits table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_DRAWDOWN_LIMITS, keys: {"partitionKey":"tenantId","sortKey":"strategyId","numeric":[]} });
