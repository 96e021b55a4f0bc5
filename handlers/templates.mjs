// templates: CRUD over the strategy-templates table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_STRATEGY_TEMPLATES, keys: {"partitionKey":"templateId","sortKey":"version","numeric":["version"]} });
