// allocations: CRUD over the allocations table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_ALLOCATIONS, keys: {"partitionKey":"tenantId","sortKey":"allocationId","numeric":[]} });
