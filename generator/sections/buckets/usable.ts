/**
 * What functions may do with a bucket: `buckets: {uploads: read}` (read, write, read-write).
 * Read lists the bucket and gets objects; write puts, deletes and aborts uploads of objects.
 * Exactly those actions, on the bucket's own ARN (list) and its objects' ARN (bucket/*), and
 * BUCKET_<NAME> holds the bucket's name.
 */
import { names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Reference, Usable } from '../section.js';
import { bucketArn, bucketName } from './compile.js';

const LEVELS = ['read', 'write', 'read-write'] as const;
type BucketAccess = (typeof LEVELS)[number];

const READ_OBJECTS = ['s3:GetObject'];
const WRITE_OBJECTS = ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'];

export const bucketUsable: Usable = {
  service: 's3',
  access: { enum: [...LEVELS] },
  description:
    'Buckets the code uses and how: read (list, get objects), write (put, delete objects) or read-write; `{access, variable}` renames the variable. Each becomes a BUCKET_<NAME> variable holding the bucket name, and exactly these permissions.',
  example: { uploads: 'read', reports: { access: 'read-write', variable: 'REPORTS_BUCKET' } },
  variable: (name) => names.variable('BUCKET', name),
  holds: 'the name of bucket',
  value: (name, ctx) => sub(bucketName(ctx, name)),
  statements: ({ name, access }: Reference, ctx) => {
    const level = access as BucketAccess;
    const arn = bucketArn(ctx, name);
    const reads = level !== 'write';
    const objects = [...(reads ? READ_OBJECTS : []), ...(level !== 'read' ? WRITE_OBJECTS : [])].sort();
    return [
      // ListBucket is what turns a missing key into 404 rather than 403.
      ...(reads
        ? [{ Sid: `Bucket${pascal(name)}List`, Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [sub(arn)] }]
        : []),
      { Sid: `Bucket${pascal(name)}Objects`, Effect: 'Allow', Action: objects, Resource: [sub(`${arn}/*`)] },
    ];
  },
};
