// items: read and write the items table (table name in TABLE_ITEMS, set by gen).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const reply = (statusCode, body) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const handler = async (event) => {
  if (event.httpMethod === 'POST') {
    const item = JSON.parse(event.body ?? '{}');
    await db.send(new PutCommand({ TableName: process.env.TABLE_ITEMS, Item: item }));
    return reply(201, item);
  }
  const { Item } = await db.send(new GetCommand({ TableName: process.env.TABLE_ITEMS, Key: { id: event.pathParameters.id } }));
  return Item ? reply(200, Item) : reply(404, { message: 'not found' });
};
