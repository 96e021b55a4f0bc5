/**
 * An image repository the stack would delete goes with its images: its template says
 * `EmptyOnDelete: true` in unprotected environments, which CloudFormation honours on AWS, but an
 * endpoint that ignores it (moto) refuses to delete a repository holding images. So, as with
 * buckets, gen deletes the images first when an unprotected environment is destroyed.
 */
import type { Clients } from './target.js';

/** Deletes every image of the repository; returns how many went. */
export async function emptyRepository(clients: Clients, repository: string): Promise<number> {
  const { BatchDeleteImageCommand, ECRClient, ListImagesCommand } = await import('@aws-sdk/client-ecr');
  const ecr = new ECRClient({
    region: clients.region,
    ...(clients.endpoint ? { endpoint: clients.endpoint } : {}),
    credentials: clients.cfn.config.credentials,
  });
  let deleted = 0;
  let nextToken: string | undefined;
  do {
    // A page of at most 100 images, as many as one BatchDeleteImage takes.
    const page = await ecr.send(new ListImagesCommand({ repositoryName: repository, nextToken, maxResults: 100 }));
    const imageIds = page.imageIds ?? [];
    if (imageIds.length > 0) await ecr.send(new BatchDeleteImageCommand({ repositoryName: repository, imageIds }));
    deleted += imageIds.length;
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return deleted;
}
