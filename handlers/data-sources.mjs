// data-sources: CRUD over the data-sources table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_DATA_SOURCES, keys: {"partitionKey":"sourceId","numeric":[]} });
