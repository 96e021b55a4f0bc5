/** keys: customer-managed KMS keys with rotation, an alias and a key policy that admits no one by default. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import { DATA_LAYER } from '../events/targets.js';
import type { Section } from '../section.js';
import { checkKeys } from './check.js';
import { compileKeys } from './compile.js';
import { keysGraph } from './graph.js';
import { normalizeKey } from './model.js';
import { keySchema } from './schema.js';
import { keyUsable } from './usable.js';

export const keysSection: Section = {
  key: 'keys',
  kind: 'map',
  schema: keySchema,
  // alias/<environment>-<project>-<name> must fit KMS's 256 characters.
  names: { pattern: KEBAB_NAME, noun: 'key', hint: KEBAB_HINT, maxLength: 100 },
  normalize: normalizeKey,
  check: checkKeys,
  compile: compileKeys,
  layers: [DATA_LAYER],
  statefulTypes: ['AWS::KMS::Key'],
  usable: keyUsable,
  graph: keysGraph,
};
