// versions: CRUD over the strategy-versions table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_STRATEGY_VERSIONS, keys: {"partitionKey":"strategyId","sortKey":"version","numeric":["version"]} });
