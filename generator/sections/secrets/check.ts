/**
 * Checks of secrets: the key exists (the default one too, explained as such), generated values
 * can be made, and names avoid what Secrets Manager warns against.
 */
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import { unknownReference } from '../references.js';
import type { Registry } from '../section.js';
import { itemsOf } from '../section.js';
import { DEFAULT_KEY, secretsOf, type Secret } from './model.js';

function checkKey(spec: Spec, registry: Registry, { name, value, file, path }: Entry<Secret>): Diagnostic[] {
  const keys = registry.section('keys');
  if (!keys) return [];
  if (value.keyWritten)
    return unknownReference(spec, keys, value.key, `secret '${name}' is encrypted with`, {
      file,
      path: [...path, 'key'],
    });
  if (itemsOf(spec, 'keys').names.has(DEFAULT_KEY)) return [];
  const others = [...itemsOf(spec, 'keys').names];
  return [
    error(
      'GEN360',
      `secret '${name}' names no key, so it is encrypted with the key '${DEFAULT_KEY}', which the keys section does not define`,
      { file, path, at: 'key' },
      others.length > 0
        ? `define it (keys: {${DEFAULT_KEY}: {description: Encrypts the secrets}}), or name one of the keys with key: (${others.join(', ')})`
        : `define it: keys: {${DEFAULT_KEY}: {description: Encrypts the secrets}}`,
    ),
  ];
}

function checkGenerate({ name, value, file, path }: Entry<Secret>): Diagnostic[] {
  const generate = value.generate;
  if (!generate?.template) return [];
  const at = { file, path: [...path, 'generate', 'template'], at: 'key' as const };
  if (generate.field === undefined)
    return [
      error(
        'GEN362',
        `secret '${name}' has template fields but no field for the generated value`,
        at,
        'add generate.field (the name of the field Secrets Manager fills in, such as password)',
      ),
    ];
  if (Object.hasOwn(generate.template, generate.field))
    return [
      error(
        'GEN362',
        `secret '${name}' generates field '${generate.field}', which its template also sets`,
        { ...at, path: [...at.path, generate.field] },
        `remove '${generate.field}' from the template: Secrets Manager writes the generated value there`,
      ),
    ];
  return [];
}

/** Secrets Manager appends -<6 characters> to names in ARNs; a name already ending so is mistaken for a partial ARN. */
const checkName = ({ name, file, path }: Entry<Secret>): Diagnostic[] =>
  /-[a-z0-9]{6}$/.test(name)
    ? [
        warning(
          'GEN363',
          `secret name '${name}' ends with a dash and six characters, which Secrets Manager can mistake for the random suffix of a secret's ARN`,
          { file, path, at: 'key' },
          'AWS advises against such names: change the last part (for example apikey to api-key)',
        ),
      ]
    : [];

function checkRotation(spec: Spec, registry: Registry, { name, value, file, path }: Entry<Secret>): Diagnostic[] {
  const functions = registry.section('functions');
  if (!value.rotation || !functions) return [];
  return unknownReference(spec, functions, value.rotation.function, `secret '${name}' is rotated by`, {
    file,
    path: [...path, 'rotation', 'function'],
  });
}

export const checkSecrets = (spec: Spec, registry: Registry): Diagnostic[] =>
  secretsOf(spec).items.flatMap((entry) => [
    ...checkKey(spec, registry, entry),
    ...checkRotation(spec, registry, entry),
    ...checkGenerate(entry),
    ...checkName(entry),
  ]);
