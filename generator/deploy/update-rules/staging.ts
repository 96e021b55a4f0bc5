/**
 * Staging what AWS takes one step at a time (GEN701): the templates to deploy before the new one,
 * each creating or deleting at most one global secondary index per table. Step k is the new
 * template with every staged table holding the indexes it has after its first k index changes
 * (deletions first, then creations, in spec order); resources that need an index not there yet
 * (its autoscaling target and policy) wait for the last step, which is the new template itself.
 */
import type { CfnResource } from '../../rules/rule.js';
import { byText } from '../../order.js';
import { tablesToStage, type IndexChanges } from './dynamodb-index-changes.js';
import type { Template } from './rule.js';

export interface Stage {
  /** What this step changes: `OrdersTable: remove status-index`. */
  says: string;
  template: Template;
}

interface Index {
  IndexName: string;
  KeySchema: { AttributeName: string }[];
}
type Attribute = { AttributeName: string; AttributeType: string };

const indexesOf = (table: CfnResource) => (table.Properties?.GlobalSecondaryIndexes ?? []) as Index[];
const attributesOf = (table: CfnResource) => (table.Properties?.AttributeDefinitions ?? []) as Attribute[];

/** The table after its first `done` index changes: its indexes, and the attributes their keys need (no more: DynamoDB refuses unused ones). */
function tableAt(deployed: CfnResource, next: CfnResource, changes: IndexChanges, done: number): CfnResource {
  const applied = changes.steps.slice(0, done);
  const deleted = new Set(applied.filter((s) => s.action === 'delete').map((s) => s.index));
  const created = new Set(applied.filter((s) => s.action === 'create').map((s) => s.index));
  const indexes = [
    ...indexesOf(deployed)
      .filter((i) => !deleted.has(i.IndexName))
      .map((i) => indexesOf(next).find((n) => n.IndexName === i.IndexName) ?? i),
    ...indexesOf(next).filter((i) => created.has(i.IndexName)),
  ];
  const keyNames = new Set(
    [...((next.Properties?.KeySchema ?? []) as Index['KeySchema']), ...indexes.flatMap((i) => i.KeySchema)].map(
      (k) => k.AttributeName,
    ),
  );
  const types = new Map([...attributesOf(deployed), ...attributesOf(next)].map((a) => [a.AttributeName, a]));
  const { GlobalSecondaryIndexes: _, ...properties } = next.Properties ?? {};
  return {
    ...next,
    Properties: {
      ...properties,
      AttributeDefinitions: [...keyNames].sort(byText).map((name) => types.get(name)!),
      ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
    },
  };
}

/** Resources that name an index the table does not have at this step, and what refers to them. */
function waitingForIndexes(template: Template, missing: string[]): Set<string> {
  const resources = template.Resources ?? {};
  const out = new Set(
    Object.entries(resources)
      .filter(([, r]) => missing.some((m) => JSON.stringify(r.Properties ?? {}).includes(m)))
      .map(([id]) => id),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, r] of Object.entries(resources)) {
      if (out.has(id)) continue;
      const text = JSON.stringify(r);
      // A Ref, a GetAtt or a DependsOn: each writes the ID as a JSON string.
      if ([...out].some((o) => text.includes(`"${o}"`))) {
        out.add(id);
        grew = true;
      }
    }
  }
  return out;
}

/** The templates to deploy before `next`, in order; none when no table changes more than one index. */
export function indexStages(deployed: Template, next: Template): Stage[] {
  const staged = tablesToStage({ deployed, next });
  const count = Math.max(0, ...[...staged.values()].map((c) => c.steps.length));
  const stages: Stage[] = [];
  for (let done = 1; done < count; done++) {
    const template: Template = structuredClone(next);
    const resources = template.Resources!;
    const missing: string[] = [];
    const says: string[] = [];
    for (const [id, changes] of staged) {
      if (done <= changes.steps.length) {
        const step = changes.steps[done - 1];
        says.push(`${id}: ${step.action === 'create' ? 'add' : 'remove'} ${step.index}`);
      }
      if (done >= changes.steps.length) continue;
      resources[id] = tableAt(deployed.Resources![id], next.Resources![id], changes, done);
      const name = next.Resources![id].Properties?.TableName;
      const present = new Set(indexesOf(resources[id]).map((i) => i.IndexName));
      for (const index of indexesOf(next.Resources![id]))
        if (!present.has(index.IndexName) && typeof name === 'string')
          missing.push(`"table/${name}/index/${index.IndexName}"`);
    }
    const waiting = waitingForIndexes(template, missing);
    for (const id of waiting) delete resources[id];
    const outputs = (template.Outputs ?? {}) as Record<string, unknown>;
    for (const [key, output] of Object.entries(outputs))
      if ([...waiting].some((w) => JSON.stringify(output).includes(`"${w}"`))) delete outputs[key];
    stages.push({ says: says.join('; '), template });
  }
  return stages;
}

/** The last step's words (the new template itself), for the plan `gen deploy` prints. */
export function lastStageSays(deployed: Template, next: Template): string {
  const staged = tablesToStage({ deployed, next });
  const count = Math.max(0, ...[...staged.values()].map((c) => c.steps.length));
  return [...staged]
    .filter(([, c]) => c.steps.length === count)
    .map(([id, c]) => {
      const step = c.steps[count - 1];
      return `${id}: ${step.action === 'create' ? 'add' : 'remove'} ${step.index}`;
    })
    .join('; ');
}
