// ai-traces: CRUD over the ai-traces table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_AI_TRACES, keys: {"partitionKey":"tenantId","sortKey":"traceId","numeric":[]} });
