// quality: CRUD over the quality-reports table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_QUALITY_REPORTS, keys: {"partitionKey":"sourceId","sortKey":"timestamp","numeric":[]} });
