// deployments: CRUD over the deployments table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_DEPLOYMENTS, keys: {"partitionKey":"tenantId","sortKey":"deploymentId","numeric":[]} });
