// backfills: CRUD over the backfills table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_BACKFILLS, keys: {"partitionKey":"tenantId","sortKey":"backfillId","numeric":[]} });
