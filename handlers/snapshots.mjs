// snapshots: CRUD over the snapshots table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_SNAPSHOTS, keys: {"partitionKey":"tenantId","sortKey":"snapshotId","numeric":[]} });
