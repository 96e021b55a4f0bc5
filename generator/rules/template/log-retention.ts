/**
 * GEN-P12, design property 12. Why: a log group without RetentionInDays keeps logs forever (and
 * bills for them); the design sets one retention per environment (30 days in test, 90 in
 * production), so a group that differs either loses logs too early or keeps them too long.
 */
import { resourcesOf, type Rule } from '../rule.js';

export const logRetention: Rule = {
  id: 'GEN-P12',
  name: 'log-retention',
  property: 12,
  scope: 'stack',
  title: 'CloudWatch log retention compliance',
  description: "Every log group keeps logs for exactly the environment's logRetentionDays.",
  fix: "set RetentionInDays to the environment's logRetentionDays",
  check: (template, { logRetentionDays }) =>
    resourcesOf(template, 'AWS::Logs::LogGroup')
      .filter(([, r]) => r.Properties?.RetentionInDays !== logRetentionDays)
      .map(([id, r]) => ({
        resource: id,
        message: `retention is ${r.Properties?.RetentionInDays ?? 'forever'}, expected ${logRetentionDays} days`,
      })),
};
