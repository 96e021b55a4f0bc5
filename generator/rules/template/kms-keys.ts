/**
 * GEN-P10, design property 10. Why: automatic rotation limits what one leaked key version can
 * decrypt; a key-policy Allow for any principal ("*") would let other accounts use the key (key
 * policies are the primary control for KMS, IAM alone cannot restrict them); an alias is how
 * people, consoles and other stacks refer to a key without its random id.
 */
import { references, resourcesOf, type Rule } from '../rule.js';

export const kmsKeys: Rule = {
  id: 'GEN-P10',
  name: 'kms-keys',
  property: 10,
  scope: 'stack',
  title: 'KMS key configuration',
  description:
    'Every customer-managed key rotates automatically, has no key-policy statement open to any principal, and has an alias.',
  fix: 'set EnableKeyRotation: true, name principals explicitly in KeyPolicy, and add an AWS::KMS::Alias targeting the key',
  check: (template) => {
    const aliased = new Set(
      resourcesOf(template, 'AWS::KMS::Alias').flatMap(([, r]) => [...references(r.Properties?.TargetKeyId)]),
    );
    return resourcesOf(template, 'AWS::KMS::Key').flatMap(([id, r]) => [
      ...(r.Properties?.EnableKeyRotation === true
        ? []
        : [{ resource: id, message: 'automatic key rotation is not enabled' }]),
      ...((r.Properties?.KeyPolicy?.Statement ?? []).some(
        (s: any) => s.Effect === 'Allow' && (s.Principal === '*' || [s.Principal?.AWS].flat().includes('*')),
      )
        ? [{ resource: id, message: 'key policy allows any principal' }]
        : []),
      ...(aliased.has(id) ? [] : [{ resource: id, message: 'has no alias' }]),
    ]);
  },
};
