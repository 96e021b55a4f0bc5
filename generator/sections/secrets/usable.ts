/**
 * What functions may do with a secret: `secrets: {binance-api: read}` sets SECRET_<NAME> to the
 * secret's name and grants GetSecretValue and DescribeSecret on that secret's ARN (name plus
 * Secrets Manager's six random characters), and Decrypt with its key only through Secrets
 * Manager. The secret's resource policy admits the function's role by its path (identifiesRoles).
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName } from '../../spec.js';
import { keyAlias } from '../keys/model.js';
import { keyUseStatement } from '../keys/usable.js';
import type { Reference, Usable } from '../section.js';
import { DEFAULT_KEY, secretName, secretsOf } from './model.js';

export const secretUsable: Usable = {
  service: 'secretsmanager',
  access: { enum: ['read'] },
  description:
    "Secrets the code reads; `{access, variable}` renames the variable. Each becomes a SECRET_<NAME> variable (the secret's name, for GetSecretValue), secretsmanager:GetSecretValue and DescribeSecret on that secret, kms:Decrypt with its key through Secrets Manager only, and a place in the secret's resource policy (the function's role gets the IAM path /<project>/<environment>/<function>/).",
  example: { 'binance-api': 'read', openai: { access: 'read', variable: 'OPENAI_SECRET_NAME' } },
  variable: (name) => names.variable('SECRET', name),
  holds: 'the name of secret',
  value: (name, { spec, env }) => secretName(spec, env.name, name),
  identifiesRoles: true,
  statements: ({ name }: Reference, { spec, env }) => {
    const key = byName(secretsOf(spec), name)?.value.key ?? DEFAULT_KEY;
    return [
      {
        Sid: `Secret${pascal(name)}Read`,
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: [sub(arns.secret(secretName(spec, env.name, name)))],
      },
      keyUseStatement(`Secret${pascal(name)}Key`, keyAlias(spec, env.name, key), ['kms:Decrypt'], 'secretsmanager'),
    ];
  },
};
