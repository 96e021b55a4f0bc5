/** buckets: S3 buckets, secure by construction, with lifecycle, CORS and notifications. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import { DATA_LAYER, TRIGGERS_LAYER } from '../events/targets.js';
import type { Section } from '../section.js';
import { checkBuckets } from './check.js';
import { bucketGrants, compileBuckets } from './compile.js';
import { bucketsGraph } from './graph.js';
import { bucketsOf, normalizeBucket } from './model.js';
import { bucketSchema } from './schema.js';
import { bucketUsable } from './usable.js';

export const bucketsSection: Section = {
  key: 'buckets',
  kind: 'map',
  schema: bucketSchema,
  // <env>-<project>-<name>-<12-digit account id> must fit S3's 63 characters; checked per environment.
  names: { pattern: KEBAB_NAME, noun: 'bucket', hint: KEBAB_HINT, maxLength: 40 },
  normalize: normalizeBucket,
  check: checkBuckets,
  compile: compileBuckets,
  layers: [DATA_LAYER, TRIGGERS_LAYER],
  statefulTypes: ['AWS::S3::Bucket'],
  usable: bucketUsable,
  grants: bucketGrants,
  invokes: (spec) =>
    bucketsOf(spec).items.flatMap(({ value }) =>
      value.notify.flatMap((n) => (n.target?.kind === 'function' ? [n.target.name] : [])),
    ),
  graph: bucketsGraph,
};
