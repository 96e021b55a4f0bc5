/** The reference platform's handlers really read and write DynamoDB: the shared CRUD handler against moto. */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { startEndpoint } from '../deploy/moto-harness.js';
// @ts-expect-error: a plain JavaScript module (handlers run as .mjs on Lambda)
import { crudHandler } from '../../handlers/lib/crud.mjs';

let endpoint: LocalEndpoint;
let handler: (event: object) => Promise<{ statusCode: number; body: string }>;

beforeAll(async () => {
  endpoint = await startEndpoint();
  const client = new DynamoDBClient({
    region: 'eu-central-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
  await client.send(
    new CreateTableCommand({
      TableName: 'test-strategy-versions',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'strategyId', AttributeType: 'S' },
        { AttributeName: 'version', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'strategyId', KeyType: 'HASH' },
        { AttributeName: 'version', KeyType: 'RANGE' },
      ],
    }),
  );
  handler = crudHandler({
    table: 'test-strategy-versions',
    keys: { partitionKey: 'strategyId', sortKey: 'version', numeric: ['version'] },
    db: DynamoDBDocumentClient.from(client),
  });
});
afterAll(async () => {
  await endpoint?.stop();
});

const call = async (event: object) => {
  const r = await handler(event);
  return { status: r.statusCode, body: JSON.parse(r.body) };
};

describe('reference CRUD handler', () => {
  it('creates, reads, lists, updates and deletes items by their keys', async () => {
    expect(
      await call({ httpMethod: 'POST', body: JSON.stringify({ strategyId: 's1', version: 1, name: 'momentum' }) }),
    ).toEqual({ status: 201, body: { strategyId: 's1', version: 1, name: 'momentum' } });
    await call({ httpMethod: 'POST', body: JSON.stringify({ strategyId: 's1', version: 2, name: 'momentum v2' }) });
    expect(
      await call({ httpMethod: 'GET', pathParameters: { id: '2' }, queryStringParameters: { strategyId: 's1' } }),
    ).toEqual({ status: 200, body: { strategyId: 's1', version: 2, name: 'momentum v2' } });
    const listed = await call({ httpMethod: 'GET', queryStringParameters: { strategyId: 's1' } });
    expect(listed.body.items.map((i: { version: number }) => i.version)).toEqual([1, 2]);
    expect(
      (
        await call({
          httpMethod: 'PUT',
          pathParameters: { id: '1' },
          queryStringParameters: { strategyId: 's1' },
          body: JSON.stringify({ name: 'renamed' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (await call({ httpMethod: 'GET', pathParameters: { id: '1' }, queryStringParameters: { strategyId: 's1' } })).body
        .name,
    ).toBe('renamed');
    expect(
      (await call({ httpMethod: 'DELETE', pathParameters: { id: '1' }, queryStringParameters: { strategyId: 's1' } }))
        .status,
    ).toBe(204);
    expect(
      (await call({ httpMethod: 'GET', pathParameters: { id: '1' }, queryStringParameters: { strategyId: 's1' } }))
        .status,
    ).toBe(404);
  });

  it('answers 405 for other methods and 500 without its table', async () => {
    expect((await call({ httpMethod: 'PATCH' })).status).toBe(405);
    expect(
      (await crudHandler({ table: undefined, keys: { partitionKey: 'id', numeric: [] } })({ httpMethod: 'GET' }))
        .statusCode,
    ).toBe(500);
  });
});
