// exchange-connections: CRUD over the exchange-connections table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_EXCHANGE_CONNECTIONS, keys: {"partitionKey":"tenantId","sortKey":"connectionId","numeric":[]} });
