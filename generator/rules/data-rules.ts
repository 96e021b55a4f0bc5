/** Rules on data resources: tables (P1, P2), buckets (P3), secrets (P7), keys (P10). */
import { literal, references, resourcesOf, type Rule } from './rule.js';

export const tableSchema: Rule = {
  id: 'GEN-P1', name: 'table-schema', property: 1, title: 'DynamoDB table schema compliance',
  description: 'Every key of a table and of its indexes is declared once in AttributeDefinitions with a type, and every declared attribute is a key.',
  fix: 'declare each key attribute exactly once with its type (gen does this from the spec)',
  check: (template) => resourcesOf(template, 'AWS::DynamoDB::Table').flatMap(([id, r]) => {
    const declared = new Map<string, string>((r.Properties?.AttributeDefinitions ?? []).map((a: any) => [a.AttributeName, a.AttributeType]));
    const keys = [r.Properties?.KeySchema ?? [], ...(r.Properties?.GlobalSecondaryIndexes ?? []).map((i: any) => i.KeySchema)].flat().map((k: any) => k.AttributeName as string);
    const missing = keys.filter((k) => !declared.has(k));
    const unused = [...declared.keys()].filter((a) => !keys.includes(a));
    return [...missing.map((k) => ({ resource: id, message: `key attribute '${k}' has no AttributeDefinition` })),
      ...unused.map((a) => ({ resource: id, message: `attribute '${a}' is declared but is not a key` }))];
  }),
};

export const tableSecurity: Rule = {
  id: 'GEN-P2', name: 'table-security', property: 2, title: 'DynamoDB table security configuration',
  description: 'Every table has point-in-time recovery, server-side encryption, and a name prefixed with the environment.',
  fix: 'set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled and SSESpecification.SSEEnabled to true, and name the table <environment>-<name>',
  check: (template, { environment }) => resourcesOf(template, 'AWS::DynamoDB::Table').flatMap(([id, r]) => [
    ...(r.Properties?.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true ? [] : [{ resource: id, message: 'point-in-time recovery is not enabled' }]),
    ...(r.Properties?.SSESpecification?.SSEEnabled === true ? [] : [{ resource: id, message: 'server-side encryption is not enabled' }]),
    ...(literal(r.Properties?.TableName)?.startsWith(`${environment}-`) ? [] : [{ resource: id, message: `table name is not prefixed with '${environment}-'` }]),
  ]),
};

const BLOCK_ALL = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
export const bucketSecurity: Rule = {
  id: 'GEN-P3', name: 'bucket-security', property: 3, title: 'S3 bucket security configuration',
  description: 'Every bucket (except one tagged Purpose=frontend-assets) has versioning, server-side encryption and all public access blocked.',
  fix: 'set VersioningConfiguration.Status: Enabled, a BucketEncryption rule, and all four PublicAccessBlockConfiguration flags',
  check: (template) => resourcesOf(template, 'AWS::S3::Bucket')
    .filter(([, r]) => !(r.Properties?.Tags ?? []).some((t: any) => t.Key === 'Purpose' && t.Value === 'frontend-assets'))
    .flatMap(([id, r]) => [
      ...(r.Properties?.VersioningConfiguration?.Status === 'Enabled' ? [] : [{ resource: id, message: 'versioning is not enabled' }]),
      ...((r.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration ?? []).length > 0 ? [] : [{ resource: id, message: 'server-side encryption is not configured' }]),
      ...(BLOCK_ALL.every((f) => r.Properties?.PublicAccessBlockConfiguration?.[f] === true) ? [] : [{ resource: id, message: 'public access is not fully blocked' }]),
    ]),
};

export const secretSecurity: Rule = {
  id: 'GEN-P7', name: 'secret-security', property: 7, title: 'Secrets Manager security configuration',
  description: 'Every secret is encrypted with a customer-managed KMS key, is named with the environment prefix, and has a resource policy.',
  fix: 'set KmsKeyId to a key of this project, name the secret <environment>/<name>, and add an AWS::SecretsManager::ResourcePolicy for it',
  check: (template, { environment }) => {
    const policies = resourcesOf(template, 'AWS::SecretsManager::ResourcePolicy').flatMap(([, r]) => [...references(r.Properties?.SecretId)]);
    return resourcesOf(template, 'AWS::SecretsManager::Secret').flatMap(([id, r]) => [
      ...(r.Properties?.KmsKeyId && !String(literal(r.Properties.KmsKeyId) ?? '').includes('aws/secretsmanager') ? [] : [{ resource: id, message: 'not encrypted with a customer-managed KMS key' }]),
      ...(/^[a-z0-9-]+[/-]/.test(literal(r.Properties?.Name) ?? '') && literal(r.Properties?.Name)!.startsWith(environment) ? [] : [{ resource: id, message: `name is not prefixed with '${environment}'` }]),
      ...(policies.includes(id) ? [] : [{ resource: id, message: 'has no resource policy restricting access' }]),
    ]);
  },
};

export const kmsKeys: Rule = {
  id: 'GEN-P10', name: 'kms-keys', property: 10, title: 'KMS key configuration',
  description: 'Every customer-managed key rotates automatically, has no key-policy statement open to any principal, and has an alias.',
  fix: 'set EnableKeyRotation: true, name principals explicitly in KeyPolicy, and add an AWS::KMS::Alias targeting the key',
  check: (template) => {
    const aliased = new Set(resourcesOf(template, 'AWS::KMS::Alias').flatMap(([, r]) => [...references(r.Properties?.TargetKeyId)]));
    return resourcesOf(template, 'AWS::KMS::Key').flatMap(([id, r]) => [
      ...(r.Properties?.EnableKeyRotation === true ? [] : [{ resource: id, message: 'automatic key rotation is not enabled' }]),
      ...((r.Properties?.KeyPolicy?.Statement ?? []).some((s: any) => s.Effect === 'Allow' && (s.Principal === '*' || s.Principal?.AWS === '*'))
        ? [{ resource: id, message: 'key policy allows any principal' }] : []),
      ...(aliased.has(id) ? [] : [{ resource: id, message: 'has no alias' }]),
    ]);
  },
};
