/**
 * Adopting retained resources: one IMPORT change set per stack (CloudFormation User Guide,
 * "Importing AWS resources into a CloudFormation stack"), holding the stack as deployed (nothing
 * else may change in an import) plus the resources found outside any stack (find.ts), each with
 * its DeletionPolicy as gen writes it. Shown, approved like a protected deploy (a terminal, or
 * --approve), executed; then the stack's normal change set brings the rest.
 */
import { references } from '../../output/references.js';
import { createChangeSet, deleteChangeSet } from '../change-set.js';
import { executeChangeSet } from '../execute.js';
import type { Reporter } from '../reporter.js';
import type { Clients } from '../target.js';
import type { Template } from '../update-rules/rule.js';
import type { Retained } from './find.js';
import { ADOPTABLE } from './lookup.js';

export interface ImportRequest {
  stackName: string;
  /** The stack's deployed template; absent when the import creates the stack. */
  deployed?: Template;
  next: Template;
  retained: Retained[];
  tags: Record<string, string>;
  approve: boolean;
  execute: boolean;
}

export type ImportResult =
  | { ok: true }
  | { ok: false; result: 'failed' | 'not-approved' | 'reviewed' | 'refused'; reason: string };

/** The template of the import: the deployed stack and the adopted resources, or why it cannot be made. */
export function importTemplate(
  deployed: Template | undefined,
  next: Template,
  retained: Retained[],
): Template | string {
  const base: Template = deployed
    ? structuredClone(deployed)
    : { AWSTemplateFormatVersion: '2010-09-09', Description: next.Description, Resources: {} };
  const resources = { ...base.Resources };
  for (const r of retained) resources[r.logicalId] = structuredClone(next.Resources![r.logicalId]);
  const parameters = new Set(Object.keys((base.Parameters ?? {}) as object));
  for (const r of retained) {
    const needs = [...references(resources[r.logicalId])].filter((id) => !resources[id] && !parameters.has(id));
    if (needs.length > 0)
      return `${r.logicalId} refers to ${needs.join(', ')}, which the stack does not hold yet: import it by hand (CloudFormation console: Stack actions, Import resources into stack), then deploy`;
  }
  return { ...base, Resources: resources };
}

export const importLines = (stackName: string, retained: Retained[]) => [
  `${stackName}: ${retained.length} resource${retained.length === 1 ? '' : 's'} to import, kept outside any stack (an earlier destroy retained ${retained.length === 1 ? 'it' : 'them'}):`,
  ...retained.map(
    (r) =>
      `  > Import ${r.logicalId.padEnd(44)} ${r.type} '${r.name}' (${ADOPTABLE[r.type]?.kind ?? 'resource'} and its data kept as they are)`,
  ),
];

export async function importRetained(
  clients: Clients,
  request: ImportRequest,
  reporter: Reporter,
): Promise<ImportResult> {
  const { stackName, retained } = request;
  const template = importTemplate(request.deployed, request.next, retained);
  if (typeof template === 'string') return { ok: false, result: 'refused', reason: template };
  for (const line of importLines(stackName, retained)) reporter.info(line);
  const parameters = Object.keys((template.Parameters ?? {}) as object);
  const changeSet = await createChangeSet(clients, {
    stackName,
    type: 'IMPORT',
    template: { body: JSON.stringify(template) },
    tags: request.tags,
    // An import changes nothing but what it adopts: the stack keeps its parameter values.
    previousParameters: parameters,
    resourcesToImport: retained.map((r) => ({
      ResourceType: r.type,
      LogicalResourceId: r.logicalId,
      ResourceIdentifier: r.identifier,
    })),
  });
  if (changeSet.kind !== 'changes') {
    await deleteChangeSet(clients, stackName, changeSet.id).catch(() => {});
    return {
      ok: false,
      result: 'failed',
      reason: `the import change set ${changeSet.kind === 'failed' ? `failed: ${changeSet.reason}` : 'holds no changes'}`,
    };
  }
  if (!request.execute) {
    reporter.info(`${stackName}: reviewed only (--no-execute); import change set ${changeSet.id} left for inspection`);
    return { ok: false, result: 'reviewed', reason: 'the import is reviewed only (--no-execute)' };
  }
  if (!request.approve) {
    const answer = await reporter.confirm(`Import ${retained.map((r) => `'${r.name}'`).join(', ')} into ${stackName}?`);
    if (answer !== true) {
      await deleteChangeSet(clients, stackName, changeSet.id).catch(() => {});
      return {
        ok: false,
        result: 'not-approved',
        reason:
          answer === undefined
            ? 'importing retained resources needs approval: pass --approve to import without a terminal (nothing was imported)'
            : 'import not approved (nothing was imported or deployed)',
      };
    }
  }
  const outcome = await executeChangeSet(clients, stackName, changeSet.id, reporter.progress);
  reporter.done();
  if (!outcome.ok)
    return {
      ok: false,
      result: 'failed',
      reason: [`the import ended in ${outcome.status}`, ...outcome.failures.map((f) => `  ${f}`)].join('\n'),
    };
  reporter.info(`${stackName}: imported ${retained.map((r) => r.logicalId).join(', ')} (${outcome.status})`);
  return { ok: true };
}
