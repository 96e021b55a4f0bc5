/**
 * CloudFormation cannot delete a bucket that holds objects, and a versioned bucket keeps every
 * old version and delete marker. When an unprotected environment is destroyed (its data given up
 * with --delete-data), gen empties its buckets first, every version included.
 */
import type { Clients } from './target.js';

/** Deletes every object version and delete marker; returns how many went. */
export async function emptyBucket(clients: Clients, bucket: string): Promise<number> {
  const { DeleteObjectsCommand, ListObjectVersionsCommand } = await import('@aws-sdk/client-s3');
  let deleted = 0;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  do {
    const page = await clients.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker, VersionIdMarker }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key!,
      VersionId: v.VersionId,
    }));
    // A page holds at most 1,000 entries, as many as one DeleteObjects takes.
    if (objects.length > 0)
      await clients.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    deleted += objects.length;
    KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (KeyMarker !== undefined);
  return deleted;
}
