// risk-events: CRUD over the risk-events table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_RISK_EVENTS, keys: {"partitionKey":"tenantId","sortKey":"timestampEventId","numeric":[]} });
