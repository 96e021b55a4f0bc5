// ensemble: CRUD over the ensembles table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_ENSEMBLES, keys: {"partitionKey":"tenantId","sortKey":"ensembleId","numeric":[]} });
