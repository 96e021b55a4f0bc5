/**
 * What functions may do with a secret: `secrets: {binance-api: read}` sets SECRET_<NAME> to the
 * secret's name and grants GetSecretValue and DescribeSecret on that secret's ARN (name plus
 * Secrets Manager's six random characters), and Decrypt with its key only through Secrets
 * Manager. The secret's resource policy admits the function's role by its path (identifiesRoles).
 */
import { arns, names, pascal } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import { keyAlias } from '../keys/model.js';
import { keyUseStatement } from '../keys/usable.js';
import type { ImpliedUse, Reference, Usable } from '../section.js';
import { DEFAULT_KEY, secretName, secretsOf } from './model.js';

const READ = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'];
const ROTATE = [...READ, 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'];

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
  statements: ({ name, access }: Reference, { spec, env }) => {
    const key = byName(secretsOf(spec), name)?.value.key ?? DEFAULT_KEY;
    const rotates = access === 'rotate';
    const verb = rotates ? 'Rotate' : 'Read';
    return [
      {
        Sid: `Secret${pascal(name)}${verb}`,
        Effect: 'Allow',
        Action: rotates ? ROTATE : READ,
        Resource: [sub(arns.secret(secretName(spec, env.name, name)))],
      },
      keyUseStatement(
        `Secret${pascal(name)}${rotates ? 'RotateKey' : 'Key'}`,
        keyAlias(spec, env.name, key),
        rotates ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
        'secretsmanager',
      ),
    ];
  },
};

/**
 * A rotation function's use of its secret (implied by `rotation:`, never written): it reads the
 * current value, writes the pending one and moves the stage labels. GetRandomPassword is left out:
 * it has no resource to name (IAM wants `*`, which rule GEN-P9 refuses); the function makes its
 * own random values.
 */
export const rotationUses = (spec: Spec): ImpliedUse[] =>
  secretsOf(spec).items.flatMap(({ name, value }) =>
    value.rotation ? [{ function: value.rotation.function, section: 'secrets', name, access: 'rotate' }] : [],
  );
