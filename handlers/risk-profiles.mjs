// risk-profiles: CRUD over the risk-profiles table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_RISK_PROFILES, keys: {"partitionKey":"tenantId","sortKey":"profileId","numeric":[]} });
