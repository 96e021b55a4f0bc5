// Shared CRUD handler for the reference platform's functions: each function serves
// GET/POST /<things> and GET/PUT/DELETE /<things>/{id} over its own DynamoDB table.
// The table name arrives in a TABLE_<NAME> environment variable set by gen.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const json = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'access-control-allow-origin': process.env.CORS_ORIGIN ?? '*' },
  body: JSON.stringify(body),
});

/** The item key from the path id (and, for tables with a sort key, the partition key from the query). */
function itemKey(keys, event) {
  const id = event.pathParameters?.id;
  const typed = (name, value) => (keys.numeric.includes(name) ? Number(value) : value);
  if (!keys.sortKey) return { [keys.partitionKey]: typed(keys.partitionKey, id) };
  const partition = event.queryStringParameters?.[keys.partitionKey];
  return { [keys.partitionKey]: typed(keys.partitionKey, partition), [keys.sortKey]: typed(keys.sortKey, id) };
}

export function crudHandler({ table, keys, db = client }) {
  return async (event) => {
    if (!table) return json(500, { message: 'table name not configured' });
    const method = event.httpMethod;
    const hasId = event.pathParameters?.id !== undefined;
    try {
      if (method === 'GET' && !hasId) {
        const partition = event.queryStringParameters?.[keys.partitionKey];
        const limit = Math.min(Number(event.queryStringParameters?.limit ?? 50) || 50, 1000);
        const result = partition !== undefined
          ? await db.send(new QueryCommand({ TableName: table, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': keys.partitionKey }, ExpressionAttributeValues: { ':pk': keys.numeric.includes(keys.partitionKey) ? Number(partition) : partition }, Limit: limit }))
          : await db.send(new ScanCommand({ TableName: table, Limit: limit }));
        return json(200, { items: result.Items ?? [] });
      }
      if (method === 'GET') {
        const result = await db.send(new GetCommand({ TableName: table, Key: itemKey(keys, event) }));
        return result.Item ? json(200, result.Item) : json(404, { message: 'not found' });
      }
      if (method === 'POST' || method === 'PUT') {
        const item = JSON.parse(event.body ?? '{}');
        if (method === 'PUT') Object.assign(item, itemKey(keys, event));
        await db.send(new PutCommand({ TableName: table, Item: item }));
        return json(method === 'POST' ? 201 : 200, item);
      }
      if (method === 'DELETE') {
        await db.send(new DeleteCommand({ TableName: table, Key: itemKey(keys, event) }));
        return json(204, {});
      }
      return json(405, { message: `method ${method} not allowed` });
    } catch (error) {
      console.error(JSON.stringify({ message: 'request failed', error: String(error), method, path: event.path }));
      return json(500, { message: 'internal error' });
    }
  };
}
