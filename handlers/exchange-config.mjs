// exchange-config: CRUD over the exchange-configs table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_EXCHANGE_CONFIGS, keys: {"partitionKey":"exchangeId","numeric":[]} });
