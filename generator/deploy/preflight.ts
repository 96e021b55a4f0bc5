/**
 * Before a deploy uploads or changes anything: what CloudFormation on AWS would refuse of the
 * selected stacks (update-rules/: a refusal stops the deploy here), and the named resources an
 * earlier destroy kept that a CREATE would collide with (adopt/: they are imported first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../output/manifest.js';
import { pseudoParameters } from '../output/documents.js';
import type { Reporter } from './reporter.js';
import type { Clients } from './target.js';
import { deployedTemplate, describeStack, isEmptyShell } from './stack-state.js';
import { checkUpdate, refusals, type Template, type UpdateFinding } from './update-rules/index.js';
import { findRetained, owningStack } from './adopt/find.js';
import { serviceLookup, type Lookup } from './adopt/lookup.js';
import { clientsFor, regionOf } from './regions.js';

/** An update rule's finding in one stack of this deploy. */
export type StackFinding = UpdateFinding & { stackName: string; stackFile: string };

export interface PreflightRequest {
  outDir: string;
  manifest: Manifest;
  lookup?: Lookup;
  explain?: (findings: StackFinding[]) => string[];
}

export interface Preflight {
  /** The deployed template of each selected stack that exists, by stack name. */
  deployedTemplates: Map<string, Template>;
  findings: StackFinding[];
  retained: Awaited<ReturnType<typeof findRetained>>;
}

export async function checkBeforeChanging(
  clients: Clients,
  request: PreflightRequest,
  selected: Manifest['stacks'],
  account: string,
  reporter: Reporter,
): Promise<Preflight | { problem: string; findings: StackFinding[] }> {
  const { manifest } = request;
  const deployedTemplates = new Map<string, Template>();
  const findings: StackFinding[] = [];
  for (const stack of selected) {
    const regional = await clientsFor(clients, manifest, stack);
    const state = await describeStack(regional, stack.stackName);
    if (!state.exists || isEmptyShell(state)) continue;
    const deployed = (await deployedTemplate(regional, stack.stackName)) as Template;
    deployedTemplates.set(stack.stackName, deployed);
    const next = JSON.parse(readFileSync(join(request.outDir, stack.template), 'utf8'));
    for (const f of await checkUpdate(deployed, next))
      findings.push({ ...f, stackName: stack.stackName, stackFile: stack.template });
  }
  const explain = request.explain ?? ((list) => list.map((f) => `${f.severity} ${f.code}: ${f.message}`));
  if (findings.length > 0) for (const line of explain(findings)) reporter.info(line);
  const refused = refusals(findings);
  if (refused.length > 0)
    return {
      findings,
      problem: `CloudFormation on AWS would refuse ${refused.length === 1 ? 'this change' : `these ${refused.length} changes`} (${refused.map((f) => `${f.code} ${f.logicalId}`).join(', ')}); nothing was changed`,
    };

  // Named resources an earlier destroy kept (DeletionPolicy Retain) would make a CREATE fail: they are imported first (adopt/).
  // Looked up region by region: a name is another resource in another region.
  const retained: Awaited<ReturnType<typeof findRetained>> = [];
  for (const region of new Set(selected.map((stack) => regionOf(clients, manifest, stack)))) {
    const regional = await clientsFor(clients, manifest, { region });
    retained.push(
      ...(await findRetained(
        selected
          .filter((stack) => regionOf(clients, manifest, stack) === region)
          .map((stack) => ({
            stackName: stack.stackName,
            template: JSON.parse(readFileSync(join(request.outDir, stack.template), 'utf8')),
            deployed: deployedTemplates.get(stack.stackName),
          })),
        request.lookup ?? serviceLookup(regional),
        pseudoParameters(region, account),
        (id) => owningStack(regional, id),
      )),
    );
  }

  return { deployedTemplates, findings, retained };
}
