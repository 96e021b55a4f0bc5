// retention: CRUD over the retention-policies table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_RETENTION_POLICIES, keys: {"partitionKey":"tenantId","sortKey":"policyId","numeric":[]} });
