// position-limits: CRUD over the position-limits table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_POSITION_LIMITS, keys: {"partitionKey":"tenantId","sortKey":"limitId","numeric":[]} });
