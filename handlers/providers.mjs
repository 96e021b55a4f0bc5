// providers: CRUD over the providers table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_PROVIDERS, keys: {"partitionKey":"providerId","numeric":[]} });
