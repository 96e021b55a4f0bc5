/**
 * GEN-P2, design property 2. Why: point-in-time recovery is the only way back from a bad write or
 * delete in the last 35 days; DynamoDB always encrypts at rest, but only SSEEnabled: true uses a KMS
 * key (aws/dynamodb or the project's), whose use is logged and governed by a key policy, which is what
 * the design's "server-side encryption enabled" asks; the environment prefix keeps test and
 * production tables apart when they share an account and lets IAM policies and alarms name them.
 */
import { literal, resourcesOf, type Rule } from '../rule.js';

export const tableSecurity: Rule = {
  id: 'GEN-P2',
  name: 'table-security',
  property: 2,
  scope: 'stack',
  title: 'DynamoDB table security configuration',
  description:
    'Every table has point-in-time recovery, server-side encryption, and a name prefixed with the environment.',
  fix: 'set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled and SSESpecification.SSEEnabled to true, and name the table <environment>-<name>',
  check: (template, { environment }) =>
    resourcesOf(template, 'AWS::DynamoDB::Table').flatMap(([id, r]) => [
      ...(r.Properties?.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true
        ? []
        : [{ resource: id, message: 'point-in-time recovery is not enabled' }]),
      ...(r.Properties?.SSESpecification?.SSEEnabled === true
        ? []
        : [{ resource: id, message: 'server-side encryption is not enabled' }]),
      ...(literal(r.Properties?.TableName)?.startsWith(`${environment}-`)
        ? []
        : [{ resource: id, message: `table name is not prefixed with '${environment}-'` }]),
    ]),
};
