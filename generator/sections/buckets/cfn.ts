/** The cloudform classes the buckets section emits (static imports: the CLI bundle holds them). */
import * as bucket from 'cloudform-types/types/s3/bucket.js';
import * as bucketPolicy from 'cloudform-types/types/s3/bucketPolicy.js';
import * as rule from 'cloudform-types/types/events/rule.js';
import { classOf } from '../../output/cfn.js';

export const S3Bucket = classOf(bucket);
export const S3BucketPolicy = classOf(bucketPolicy);
export const EventsRule = classOf(rule);
