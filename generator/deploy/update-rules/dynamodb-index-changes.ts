/**
 * GEN701: DynamoDB creates or deletes one global secondary index per table update ("You can
 * create or delete only one global secondary index per UpdateTable operation", DynamoDB API
 * Reference, UpdateTable; CloudFormation: "You can delete or add one global secondary index
 * without interruption"). A deploy that adds two indexes to a table, or adds one and removes
 * another, fails on AWS. gen deploy stages it (staging.ts): one index change per table per step.
 */
import type { CfnResource } from '../../rules/rule.js';
import { type TemplatePair, type UpdateRule, updatedPairs } from './rule.js';

export interface IndexChanges {
  /** In the order they are applied: deletions first (they free the table's index quota), then creations. */
  steps: { action: 'delete' | 'create'; index: string }[];
}

const indexNames = (table: CfnResource): string[] =>
  ((table.Properties?.GlobalSecondaryIndexes ?? []) as { IndexName: string }[]).map((i) => i.IndexName);

/** The global secondary indexes one table update creates and deletes (by name; a changed index is another rule's). */
export function indexChanges(deployed: CfnResource, next: CfnResource): IndexChanges {
  const [before, after] = [indexNames(deployed), indexNames(next)];
  return {
    steps: [
      ...before.filter((name) => !after.includes(name)).map((index) => ({ action: 'delete' as const, index })),
      ...after.filter((name) => !before.includes(name)).map((index) => ({ action: 'create' as const, index })),
    ],
  };
}

const TABLE_TYPES = ['AWS::DynamoDB::Table'];

/** Tables of the pair whose update changes more than one index, with their changes. */
export function tablesToStage(pair: Pick<TemplatePair, 'deployed' | 'next'>): Map<string, IndexChanges> {
  const staged = new Map<string, IndexChanges>();
  for (const type of TABLE_TYPES)
    for (const [id, before, after] of updatedPairs({ ...pair, impacts: new Map() }, type)) {
      const changes = indexChanges(before, after);
      if (changes.steps.length > 1) staged.set(id, changes);
    }
  return staged;
}

const said = (c: IndexChanges) =>
  c.steps.map((s) => `${s.action === 'create' ? 'add' : 'remove'} ${s.index}`).join(', ');

export const dynamodbIndexChanges: UpdateRule = {
  code: 'GEN701',
  title: 'more than one global secondary index created or deleted in one table update (gen deploy stages it)',
  source: 'DynamoDB API Reference, UpdateTable: one global secondary index created or deleted per operation',
  check: (pair) =>
    [...tablesToStage(pair)].map(([logicalId, changes]) => {
      const first = changes.steps.find((s) => s.action === 'create') ?? changes.steps[0];
      return {
        code: 'GEN701',
        severity: 'warning',
        logicalId,
        detail: ['indexes', first.index],
        staged: true,
        message: `${logicalId} changes ${changes.steps.length} indexes in one update (${said(changes)}), and DynamoDB creates or deletes one index per table update: CloudFormation on AWS would fail the update`,
        fix: `nothing to do: gen deploy applies them one at a time, in ${changes.steps.length} steps (${said(changes)}), each waiting for the one before; to deploy them yourself, add or remove one index per deploy`,
      };
    }),
};
