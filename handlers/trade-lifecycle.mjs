// trade-lifecycle: CRUD over the trade-lifecycle table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_TRADE_LIFECYCLE, keys: {"partitionKey":"tenantId","sortKey":"eventId","numeric":[]} });
