/**
 * GEN-P7, design property 7. Why: a customer-managed key (not aws/secretsmanager) lets the key
 * policy decide who may decrypt, independently of IAM; the environment prefix keeps test and
 * production secrets apart and lets IAM grants name them; a resource policy restricts the secret to
 * the roles that need it even if an identity policy elsewhere is too broad.
 */
import { literal, references, resourcesOf, type Rule } from '../rule.js';

export const secretSecurity: Rule = {
  id: 'GEN-P7',
  name: 'secret-security',
  property: 7,
  scope: 'stack',
  title: 'Secrets Manager security configuration',
  description:
    'Every secret is encrypted with a customer-managed KMS key, is named with the environment prefix, and has a resource policy.',
  fix: 'set KmsKeyId to a key of this project, name the secret <environment>/<name>, and add an AWS::SecretsManager::ResourcePolicy for it',
  check: (template, { environment }) => {
    const policies = resourcesOf(template, 'AWS::SecretsManager::ResourcePolicy').flatMap(([, r]) => [
      ...references(r.Properties?.SecretId),
    ]);
    return resourcesOf(template, 'AWS::SecretsManager::Secret').flatMap(([id, r]) => [
      ...(r.Properties?.KmsKeyId && !String(literal(r.Properties.KmsKeyId) ?? '').includes('aws/secretsmanager')
        ? []
        : [{ resource: id, message: 'not encrypted with a customer-managed KMS key' }]),
      // The environment's whole name, then a separator: 'testing/key' is not a 'test' secret.
      ...([`${environment}/`, `${environment}-`].some((prefix) =>
        (literal(r.Properties?.Name) ?? '').startsWith(prefix),
      )
        ? []
        : [{ resource: id, message: `name is not prefixed with '${environment}'` }]),
      ...(policies.includes(id) ? [] : [{ resource: id, message: 'has no resource policy restricting access' }]),
    ]);
  },
};
