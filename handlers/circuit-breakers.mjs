// circuit-breakers: CRUD over the circuit-breakers table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_CIRCUIT_BREAKERS, keys: {"partitionKey":"tenantId","sortKey":"breakerId","numeric":[]} });
