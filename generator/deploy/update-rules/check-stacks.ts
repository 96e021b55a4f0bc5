/** The update rules over an environment's stacks, each against what is deployed of it, with the steps of a staged deploy. */
import { checkUpdate, type Template, type UpdateFinding } from './index.js';
import { indexStages, lastStageSays } from './staging.js';

export interface StackFindings {
  stackName: string;
  /** The template's file in out/<env>/ (named in messages that find no spec line). */
  file: string;
  findings: UpdateFinding[];
  /** What each step of a staged deploy changes, the last step being the new template; empty when not staged. */
  stages: string[];
}

/** `deployed` holds each deployed stack's template by stack name; a stack not in it is created, not updated. */
export async function stackFindings(
  deployed: ReadonlyMap<string, Template>,
  stacks: readonly { stackName: string; file: string; template: unknown }[],
): Promise<StackFindings[]> {
  const out: StackFindings[] = [];
  for (const stack of stacks) {
    const before = deployed.get(stack.stackName) ?? {};
    const next = stack.template as Template;
    out.push({ stackName: stack.stackName, file: stack.file, ...(await stackCheck(before, next)) });
  }
  return out;
}

export async function stackCheck(
  deployed: Template,
  next: Template,
): Promise<Pick<StackFindings, 'findings' | 'stages'>> {
  const stages = indexStages(deployed, next).map((s) => s.says);
  return {
    findings: await checkUpdate(deployed, next),
    stages: stages.length > 0 ? [...stages, lastStageSays(deployed, next)] : [],
  };
}

/** `shop-test-data: deployed in 3 steps` and a line per step. */
export const formatStages = (stackName: string, stages: readonly string[]): string[] =>
  stages.length === 0
    ? []
    : [
        `${stackName}: deployed in ${stages.length} steps (one index change per table and step):`,
        ...stages.map((says, i) => `  step ${i + 1}: ${says}`),
      ];
