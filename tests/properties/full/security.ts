/**
 * Keys (description, deletion window once or per environment) and secrets with every field:
 * the default key or a named one, generated values (true, or length/punctuation/field/template),
 * rotation by a function of the spec.
 */
import fc from 'fast-check';
import { compact, functionsOf, type Names, opt, perEnvironment } from './common.js';

/** `secrets` is the key a secret without `key:` uses (gen creates none implicitly): always defined. */
export const DEFAULT_KEY = 'secrets';

/** Free text up to `max` characters (descriptions, comments): what the user may write, reaching the limit. */
export const text = (max: number) =>
  fc.oneof(
    fc.constantFrom('Encrypts exchange credentials', 'Protects: tokens & keys <"quoted">'),
    fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    fc.constant('x'.repeat(max)),
  );

export const keys = (n: Names) =>
  fc
    .tuple(
      ...n.keys.map(() =>
        fc
          .record({
            description: opt(text(8192)),
            deletionWindowDays: opt(perEnvironment(fc.integer({ min: 7, max: 30 }), false)),
          })
          .map(compact),
      ),
    )
    .map((list) => Object.fromEntries(n.keys.map((k, i) => [k, list[i]])));

const generate = fc.oneof(
  fc.boolean(),
  fc
    .record({
      length: opt(fc.integer({ min: 8, max: 4096 })),
      punctuation: opt(fc.boolean()),
      // A template needs the field it leaves for the generated value, and must not set it itself.
      json: opt(
        fc.record({ field: fc.constantFrom('password', 'api_key'), template: opt(fc.constant({ user: 'app' })) }),
      ),
    })
    .map(({ json, ...g }) => compact({ ...g, ...(json ? compact(json) : {}) })),
);

export const secrets = (n: Names) =>
  fc
    .tuple(
      ...n.secrets.map(() =>
        fc
          .record({
            description: opt(text(2048)),
            key: opt(fc.constantFrom(...n.keys)),
            generate: opt(generate),
            rotation: opt(
              fc
                .record({
                  function: fc.constantFrom(...functionsOf(n)),
                  everyDays: opt(fc.integer({ min: 1, max: 1000 })),
                })
                .map(compact),
            ),
          })
          .map(compact),
      ),
    )
    .map((list) => Object.fromEntries(n.secrets.map((s, i) => [s, list[i]])));
