/** Rules on notification and telemetry: topics (P8), alarms (P11), log retention (P12), tags (P14). */
import { TAGGABLE_TYPES, REQUIRED_TAG_KEYS } from '../output/tags.js';
import { literal, references, resourcesOf, type Rule } from './rule.js';

export const topicSecurity: Rule = {
  id: 'GEN-P8', name: 'topic-security', property: 8, title: 'SNS topic security configuration',
  description: 'Every topic is encrypted with KMS and has an access policy that lets only AWS services publish.',
  fix: 'set KmsMasterKeyId and add an AWS::SNS::TopicPolicy whose statements name Service principals only',
  check: (template) => {
    const policies = resourcesOf(template, 'AWS::SNS::TopicPolicy');
    return resourcesOf(template, 'AWS::SNS::Topic').flatMap(([id, r]) => {
      const mine = policies.filter(([, p]) => references(p.Properties?.Topics).has(id));
      const statements = mine.flatMap(([, p]) => p.Properties?.PolicyDocument?.Statement ?? []);
      return [
        ...(r.Properties?.KmsMasterKeyId ? [] : [{ resource: id, message: 'is not encrypted (no KmsMasterKeyId)' }]),
        ...(mine.length > 0 ? [] : [{ resource: id, message: 'has no access policy' }]),
        ...statements.filter((s: any) => s.Effect === 'Allow' && !s.Principal?.Service).map(() => ({ resource: id, message: 'its policy lets a non-service principal publish' })),
      ];
    });
  },
};

export const alarmActions: Rule = {
  id: 'GEN-P11', name: 'alarm-actions', property: 11, title: 'CloudWatch alarm actions',
  description: 'Every alarm has at least one action, and it notifies an SNS topic.',
  fix: 'set AlarmActions to the alarm topic',
  check: (template) => resourcesOf(template, 'AWS::CloudWatch::Alarm').flatMap(([id, r]) => {
    const actions = [r.Properties?.AlarmActions ?? []].flat();
    const toTopic = actions.some((a: unknown) => [...references(a)].some((ref) => template.Resources[ref]?.Type === 'AWS::SNS::Topic') || /:sns:/.test(literal(a) ?? ''));
    return toTopic ? [] : [{ resource: id, message: actions.length === 0 ? 'has no alarm action' : 'no alarm action notifies an SNS topic' }];
  }),
};

export const logRetention: Rule = {
  id: 'GEN-P12', name: 'log-retention', property: 12, title: 'CloudWatch log retention compliance',
  description: 'Every log group keeps logs for exactly the environment\'s logRetentionDays.',
  fix: 'set RetentionInDays to the environment\'s logRetentionDays',
  check: (template, { logRetentionDays }) => resourcesOf(template, 'AWS::Logs::LogGroup')
    .filter(([, r]) => r.Properties?.RetentionInDays !== logRetentionDays)
    .map(([id, r]) => ({ resource: id, message: `retention is ${r.Properties?.RetentionInDays ?? 'forever'}, expected ${logRetentionDays} days` })),
};

export const tagging: Rule = {
  id: 'GEN-P14', name: 'tagging', property: 14, title: 'Resource tagging compliance',
  description: `Every resource that supports tags carries ${REQUIRED_TAG_KEYS.join(', ')}.`,
  fix: 'add the missing tags (gen adds them from the project section and the environment)',
  check: (template) => Object.entries(template.Resources ?? {}).filter(([, r]) => TAGGABLE_TYPES.has(r.Type)).flatMap(([id, r]) => {
    const keys = new Set((r.Properties?.Tags ?? []).map((t: any) => t.Key));
    const missing = REQUIRED_TAG_KEYS.filter((k) => !keys.has(k));
    return missing.length ? [{ resource: id, message: `missing tags ${missing.join(', ')}` }] : [];
  }),
};
