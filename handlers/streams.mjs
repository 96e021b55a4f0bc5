// streams: CRUD over the market-streams table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_MARKET_STREAMS, keys: {"partitionKey":"tenantId","sortKey":"streamId","numeric":[]} });
