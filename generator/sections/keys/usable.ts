/**
 * What functions may do with a key directly (`keys: {audit: encrypt}`): encrypt, decrypt or
 * encrypt-decrypt with the KMS API. KEY_<NAME> holds the alias, which Encrypt and
 * GenerateDataKey accept as KeyId (Decrypt finds the key in the ciphertext). The key's id is
 * random and it may live in another stack, so statements name every key of the account and
 * region, narrowed to this one by its alias (kms:ResourceAliases).
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import type { Reference, Usable } from '../section.js';
import { keyAlias } from './model.js';

export const KEY_ACCESS = ['encrypt', 'decrypt', 'encrypt-decrypt'] as const;
type KeyAccess = (typeof KEY_ACCESS)[number];

const ENCRYPT = ['kms:Encrypt', 'kms:GenerateDataKey'];
const DECRYPT = ['kms:Decrypt'];
const actionsFor = (access: KeyAccess) =>
  access === 'encrypt' ? ENCRYPT : access === 'decrypt' ? DECRYPT : [...DECRYPT, ...ENCRYPT];

/** The statement that lets a role use one key, optionally only through one AWS service (kms:ViaService). */
export function keyUseStatement(sid: string, alias: string, actions: string[], viaService?: string) {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: [sub(arns.keys())],
    Condition: {
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias },
      ...(viaService ? { StringEquals: { 'kms:ViaService': sub(`${viaService}.\${AWS::Region}.amazonaws.com`) } } : {}),
    },
  };
}

export const keyUsable: Usable = {
  service: 'kms',
  access: { enum: [...KEY_ACCESS] },
  description:
    'Keys the code encrypts or decrypts with itself (the KMS API, envelope encryption): encrypt (kms:Encrypt, kms:GenerateDataKey), decrypt (kms:Decrypt) or encrypt-decrypt; `{access, variable}` renames the variable. Each becomes a KEY_<NAME> variable (the key alias, usable as KeyId). Reading a secret needs no entry here.',
  example: { audit: 'encrypt', exports: { access: 'encrypt-decrypt', variable: 'EXPORT_KEY' } },
  variable: (name) => names.variable('KEY', name),
  holds: 'the alias of key',
  value: (name, { spec, env }) => keyAlias(spec, env.name, name),
  statements: ({ name, access }: Reference, { spec, env }) => [
    keyUseStatement(
      `Key${pascal(name)}${pascal(String(access))}`,
      keyAlias(spec, env.name, name),
      actionsFor(access as KeyAccess),
    ),
  ],
};
