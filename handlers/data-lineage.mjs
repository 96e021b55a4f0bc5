// data-lineage: CRUD over the data-lineage table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_DATA_LINEAGE, keys: {"partitionKey":"tenantId","sortKey":"lineageId","numeric":[]} });
