/**
 * Before an unprotected environment's stack is deleted (its data given up with --delete-data),
 * gen empties what CloudFormation would refuse to delete while it holds something: buckets (every
 * object version and delete marker) and image repositories (every image).
 */
import { DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { emptyBucket } from './empty-bucket.js';
import { emptyRepository } from './empty-repository.js';
import type { Clients } from './target.js';

interface Store {
  type: string;
  empty: (clients: Clients, physicalId: string) => Promise<number>;
  /** The error name that means it is already gone. */
  gone: string;
  /** What it held, in words. */
  held: (n: number) => string;
}

const STORES: Store[] = [
  {
    type: 'AWS::S3::Bucket',
    empty: emptyBucket,
    gone: 'NoSuchBucket',
    held: (n) => `${n} object version${n === 1 ? '' : 's'} and delete markers`,
  },
  {
    type: 'AWS::ECR::Repository',
    empty: emptyRepository,
    gone: 'RepositoryNotFoundException',
    held: (n) => `${n} image${n === 1 ? '' : 's'}`,
  },
];

/** Empties the buckets and repositories a stack would delete (no Retain policy); names each with what it held. */
export async function emptyStackStores(
  clients: Clients,
  stackName: string,
  resources: Record<string, { Type: string; DeletionPolicy?: string }>,
  say: (line: string) => void,
): Promise<void> {
  for (const store of STORES)
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type !== store.type || r.DeletionPolicy === 'Retain') continue;
      const found = await clients.cfn
        .send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: id }))
        .catch(() => undefined);
      const physicalId = found?.StackResourceDetail?.PhysicalResourceId;
      if (!physicalId) continue;
      const n = await store.empty(clients, physicalId).catch((e: Error) => {
        if (e.name === store.gone) return 0;
        throw e;
      });
      say(`${stackName}/${id}: emptied ${physicalId} (${store.held(n)})`);
    }
}
