// exchange-orders: CRUD over the orders table (HTTP API, Lambda proxy integration).
import { crudHandler } from './lib/crud.mjs';

export const handler = crudHandler({ table: process.env.TABLE_ORDERS, keys: {"partitionKey":"tenantId","sortKey":"orderId","numeric":[]} });
