import { names } from '../../naming/ids.js';
import type { Spec } from '../../spec.js';
import { projectOf } from '../project/model.js';
import { itemsOf } from '../section.js';

/** Days between rotations when a rotation names none. */
export const DEFAULT_ROTATION_DAYS = 30;

/** The key a secret is encrypted with when it names none. */
export const DEFAULT_KEY = 'secrets';

/** A value Secrets Manager generates when the secret is created (GenerateSecretString). */
export interface Generate {
  length: number;
  punctuation: boolean;
  /** JSON secret: the field that holds the generated value... */
  field?: string;
  /** ...beside these fixed, non-secret fields (they are in the template in plain text). */
  template?: Record<string, string>;
}

/** A Lambda function of the spec that Secrets Manager invokes to rotate the value, every so many days. */
export interface Rotation {
  function: string;
  everyDays: number;
}

export interface Secret {
  description?: string;
  rotation?: Rotation;
  key: string;
  /** Whether the spec names the key (else it is DEFAULT_KEY, and a missing one is explained as such). */
  keyWritten: boolean;
  /** Absent: the secret is created empty and its value set out of band. */
  generate?: Generate;
}

export interface RawSecret {
  description?: string;
  rotation?: { function: string; everyDays?: number };
  key?: string;
  generate?: boolean | Partial<Generate>;
}

export function normalizeSecret(raw: RawSecret): Secret {
  const generate = raw.generate === true ? {} : raw.generate === false ? undefined : raw.generate;
  return {
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    key: raw.key ?? DEFAULT_KEY,
    keyWritten: raw.key !== undefined,
    ...(raw.rotation
      ? { rotation: { function: raw.rotation.function, everyDays: raw.rotation.everyDays ?? DEFAULT_ROTATION_DAYS } }
      : {}),
    ...(generate
      ? {
          generate: {
            length: generate.length ?? 32,
            punctuation: generate.punctuation ?? true,
            ...(generate.field !== undefined ? { field: generate.field } : {}),
            ...(generate.template !== undefined ? { template: generate.template } : {}),
          },
        }
      : {}),
  };
}

/** The secrets of a spec. */
export const secretsOf = (spec: Spec) => itemsOf<Secret>(spec, 'secrets');

/** A secret's name in one environment: <environment>/<project>/<name>. */
export const secretName = (spec: Spec, env: string, secret: string) =>
  names.secret(env, projectOf(spec)?.value.name ?? 'project', secret);
