// compliance-reports: CRUD over the compliance-reports table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_COMPLIANCE_REPORTS, keys: {"partitionKey":"tenantId","sortKey":"reportId","numeric":[]} });
