/** Upload code and large templates to the environment's artifact bucket, skipping what is already there. */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Clients } from './target.js';

export async function exists(clients: Clients, bucket: string, key: string): Promise<boolean> {
  try {
    await clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (e as Error).name === 'NotFound') return false;
    throw e;
  }
}

/** Put an object unless the key already holds it (keys are content hashes). Returns whether it uploaded. */
export async function uploadOnce(
  clients: Clients,
  bucket: string,
  key: string,
  body: Buffer | string,
): Promise<boolean> {
  if (await exists(clients, bucket, key)) return false;
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  return true;
}
