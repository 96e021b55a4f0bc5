// news-context: CRUD over the analyses table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_ANALYSES, keys: {"partitionKey":"tenantId","sortKey":"analysisId","numeric":[]} });
