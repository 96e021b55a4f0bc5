// audit-packages: CRUD over the audit-packages table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_AUDIT_PACKAGES, keys: {"partitionKey":"tenantId","sortKey":"packageId","numeric":[]} });
