/**
 * GEN-P14, design property 14. Why: cost allocation, ownership and clean-up all work from tags; a
 * resource without Environment, Project, Owner and CostCenter is one nobody can attribute. The
 * taggable types are CloudFormation's own list for the types gen emits (output/tags.ts).
 */
import { REQUIRED_TAG_KEYS, TAGGABLE_TYPES } from '../../output/tags.js';
import type { Rule } from '../rule.js';

export const tagging: Rule = {
  id: 'GEN-P14',
  name: 'tagging',
  property: 14,
  scope: 'stack',
  title: 'Resource tagging compliance',
  description: `Every resource that supports tags carries ${REQUIRED_TAG_KEYS.join(', ')}.`,
  fix: 'add the missing tags (gen adds them from the project section and the environment)',
  check: (template) =>
    Object.entries(template.Resources ?? {})
      .filter(([, r]) => TAGGABLE_TYPES.has(r.Type))
      .flatMap(([id, r]) => {
        const keys = new Set((r.Properties?.Tags ?? []).map((t: any) => t.Key));
        const missing = REQUIRED_TAG_KEYS.filter((k) => !keys.has(k));
        return missing.length ? [{ resource: id, message: `missing tags ${missing.join(', ')}` }] : [];
      }),
};
