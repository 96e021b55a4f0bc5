/** gen destroy: delete an environment's stacks in reverse deploy order; retained data survives and is listed. */
import { DeleteStackCommand, UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import type { Manifest } from '../output/manifest.js';
import { DATA_TYPES } from './stateful.js';
import { emptyStackStores } from './empty-stack.js';
import type { Reporter } from './reporter.js';
import { deployedTemplate, describeStack, waitForIdle } from './stack-state.js';
import type { Clients } from './target.js';
import { clientsFor, regionNote } from './regions.js';
import { clearLocalNetwork } from './local-network.js';
import { answers } from './moto.js';

export interface DestroyReport {
  ok: boolean;
  deleted: string[];
  retained: string[];
  problem?: string;
}

type Deployed = { Resources?: Record<string, { Type: string; DeletionPolicy?: string }> };

/**
 * Stateful resources that deleting the stacks would destroy (no Retain policy). Like a deploy,
 * a destroy never deletes data unless each such resource is named, here with --delete-data.
 */
export async function dataAtRisk(clients: Clients, manifest: Manifest): Promise<string[]> {
  const ids: string[] = [];
  for (const stack of manifest.stacks) {
    const regional = await clientsFor(clients, manifest, stack);
    if (!(await describeStack(regional, stack.stackName)).exists) continue;
    const template = (await deployedTemplate(regional, stack.stackName)) as Deployed;
    for (const [id, r] of Object.entries(template.Resources ?? {}))
      if (DATA_TYPES.has(r.Type) && r.DeletionPolicy !== 'Retain') ids.push(id);
  }
  return ids.sort();
}

export interface DestroyOptions {
  /** Lift termination protection. */
  force: boolean;
  /** The logical IDs whose data may go, or 'all' (never for a protected environment). */
  deleteData: string[] | 'all';
  protected: boolean;
}

export async function destroy(
  clients: Clients,
  manifest: Manifest,
  options: DestroyOptions,
  reporter: Reporter,
): Promise<DestroyReport> {
  const { force, deleteData } = options;
  if (deleteData === 'all' && options.protected) {
    return {
      ok: false,
      deleted: [],
      retained: [],
      problem:
        '--delete-data all is for unprotected environments only; nothing was deleted. Name each resource whose data may go with --delete-data <LogicalId>',
    };
  }
  const unnamed =
    deleteData === 'all' ? [] : (await dataAtRisk(clients, manifest)).filter((id) => !deleteData.includes(id));
  if (unnamed.length > 0) {
    return {
      ok: false,
      deleted: [],
      retained: [],
      problem: `deleting these stacks would delete data in ${unnamed.join(', ')}; nothing was deleted. Name each with --delete-data <LogicalId> if that is intended${options.protected ? '' : ' (or pass --delete-data all: this environment is not protected)'}`,
    };
  }
  const deleted: string[] = [];
  const retained: string[] = [];
  const onMoto = clients.endpoint !== undefined && (await answers(clients.endpoint));
  // Reverse deploy order across regions: a stack goes before the stacks it takes parameters from, wherever they are.
  for (const stack of [...manifest.stacks].reverse()) {
    const regional = await clientsFor(clients, manifest, stack);
    const label = `${stack.stackName}${regionNote(manifest, stack)}`;
    const state = await describeStack(regional, stack.stackName);
    if (!state.exists) continue;
    const template = (await deployedTemplate(regional, stack.stackName)) as Deployed;
    for (const [id, r] of Object.entries(template.Resources ?? {})) {
      if (DATA_TYPES.has(r.Type) && r.DeletionPolicy === 'Retain')
        retained.push(`${stack.stackName}/${id} (${r.Type})`);
    }
    if (state.stack.EnableTerminationProtection) {
      if (!force)
        return {
          ok: false,
          deleted,
          retained: [],
          problem: `${stack.stackName} has termination protection; pass --force to delete it`,
        };
      await regional.cfn.send(
        new UpdateTerminationProtectionCommand({ StackName: stack.stackName, EnableTerminationProtection: false }),
      );
    }
    // Data was given up above (--delete-data); a bucket or repository still holding something would fail the delete.
    if (!options.protected) {
      await emptyStackStores(regional, stack.stackName, template.Resources ?? {}, reporter.info);
    }
    // moto deletes a VPC but not what is in it, so its delete would fail (local-network.ts).
    if (onMoto) await clearLocalNetwork(regional, stack.stackName, template.Resources ?? {}, reporter.info);
    reporter.progress(`deleting ${label}`);
    await regional.cfn.send(new DeleteStackCommand({ StackName: stack.stackName }));
    const after = await waitForIdle(regional, stack.stackName, reporter.info, 60 * 60_000, 2000);
    reporter.done();
    if (after.exists && after.status !== 'DELETE_COMPLETE')
      return { ok: false, deleted, retained, problem: `${stack.stackName} ended in ${after.status}` };
    deleted.push(stack.stackName);
    reporter.info(`${label}: deleted`);
  }
  return { ok: true, deleted, retained };
}
