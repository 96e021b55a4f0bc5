// exchange-positions: CRUD over the positions table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_POSITIONS, keys: {"partitionKey":"tenantId","sortKey":"positionId","numeric":[]} });
