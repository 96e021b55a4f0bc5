/** secrets: Secrets Manager secrets whose value never enters a template, readable only by the functions that name them. */
import { KEBAB_HINT, KEBAB_NAME } from '../../schema/json-schema.js';
import { DATA_LAYER, TRIGGERS_LAYER } from '../events/targets.js';
import type { Section } from '../section.js';
import { checkSecrets } from './check.js';
import { compileSecrets } from './compile.js';
import { secretsGraph } from './graph.js';
import { normalizeSecret, secretsOf } from './model.js';
import { secretSchema } from './schema.js';
import { rotationUses, secretUsable } from './usable.js';

export const secretsSection: Section = {
  key: 'secrets',
  kind: 'map',
  schema: secretSchema,
  // <environment>/<project>/<name> must fit Secrets Manager's 512 characters.
  names: { pattern: KEBAB_NAME, noun: 'secret', hint: KEBAB_HINT, maxLength: 200 },
  normalize: normalizeSecret,
  check: checkSecrets,
  compile: compileSecrets,
  layers: [DATA_LAYER, TRIGGERS_LAYER],
  statefulTypes: ['AWS::SecretsManager::Secret'],
  usable: secretUsable,
  // A rotation function reads and writes its secret (its role gets that, and a place in the secret's policy).
  impliedUses: rotationUses,
  invokes: (spec) => secretsOf(spec).items.flatMap(({ value }) => (value.rotation ? [value.rotation.function] : [])),
  graph: secretsGraph,
};
