/**
 * GEN706: local secondary indexes of a deployed table changed. "A local secondary index can only
 * be created when its parent table is created" (CloudFormation, AWS::DynamoDB::Table
 * LocalSecondaryIndex), and none of its properties can be updated; the resource specification
 * calls the list updatable, so the local endpoint takes the change and AWS fails it. gen makes no
 * local indexes; a hand-written table (resources:) can.
 */
import { same, type UpdateRule, updatedPairs } from './rule.js';

export const localIndexes: UpdateRule = {
  code: 'GEN706',
  title: 'local secondary indexes of a deployed table added, removed or changed (only made with the table)',
  source: 'CloudFormation Template Reference, AWS::DynamoDB::Table LocalSecondaryIndex',
  check: (pair) =>
    updatedPairs(pair, 'AWS::DynamoDB::Table').flatMap(([logicalId, before, after]) =>
      same(before.Properties?.LocalSecondaryIndexes ?? [], after.Properties?.LocalSecondaryIndexes ?? [])
        ? []
        : [
            {
              code: 'GEN706' as const,
              severity: 'error' as const,
              logicalId,
              message: `the local secondary indexes of ${logicalId} change, and DynamoDB makes local indexes only with the table: the update fails on AWS`,
              fix: 'use a global secondary index (added to a deployed table), or make a new table under a new name with the local indexes and move the data (README: "Changing a table\'s keys")',
            },
          ],
    ),
};
