// audit: CRUD over the audit-records table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_AUDIT_RECORDS, keys: {"partitionKey":"tenantId","sortKey":"timestampRecordId","numeric":[]} });
