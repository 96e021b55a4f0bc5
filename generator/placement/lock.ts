/**
 * placement/<env>.json: which stack each group lives in. Written by `gen build`, committed and
 * reviewed like a lock file. Once a group has a stack it keeps it, whatever is added or
 * removed later, because moving a resource between stacks deletes and recreates it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';

export interface Placement {
  format: 1;
  environment: string;
  /** Per layer, its stacks in deploy order: the layer's own name first, then layer-2, layer-3... */
  stacks: Record<string, string[]>;
  /** Group (its main logical ID) -> stack (a name from `stacks`). */
  groups: Record<string, string>;
}

export const placementPath = (root: string, env: string) => join(root, 'placement', `${env}.json`);

const NOTE =
  'Which stack each resource lives in. Written by gen build; commit it. Editing it moves resources between stacks, which deletes and recreates them.';

export function serializePlacement(placement: Placement): string {
  const sorted = Object.fromEntries(
    Object.keys(placement.groups)
      .sort()
      .map((g) => [g, placement.groups[g]]),
  );
  // Layers stay in the order placement listed them: deploy order.
  const stacks = placement.stacks;
  return (
    JSON.stringify(
      { $comment: NOTE, format: 1, environment: placement.environment, stacks, groups: sorted },
      undefined,
      2,
    ) + '\n'
  );
}

/** The committed placement, or none for a project that was never built. Malformed files are errors, never ignored. */
/** `layers`: the layer names the registry knows; a file naming another is refused (any kebab name when not given). */
export function readPlacement(
  root: string,
  env: string,
  layers?: readonly string[],
): { placement?: Placement; text?: string; diagnostics: Diagnostic[] } {
  const path = placementPath(root, env);
  if (!existsSync(path)) return { diagnostics: [] };
  const file = relative(root, path);
  const text = readFileSync(path, 'utf8');
  const problem = (message: string) => ({
    text,
    diagnostics: [
      error(
        'GEN507',
        `${file}: ${message}`,
        undefined,
        'restore it from version control (git checkout -- placement/); deleting it would let resources move between stacks',
      ),
    ],
  });
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return problem(`not valid JSON (${(e as Error).message})`);
  }
  if (data?.format !== 1 || typeof data.stacks !== 'object' || typeof data.groups !== 'object')
    return problem('not a gen placement file (format 1)');
  const stacks: Record<string, string[]> = {};
  for (const [layer, list] of Object.entries(data.stacks)) {
    if (
      !(layers ? layers.includes(layer) : /^[a-z][a-z0-9]*$/.test(layer)) ||
      !Array.isArray(list) ||
      list[0] !== layer ||
      !list.every((s) => s === layer || new RegExp(`^${layer}-[0-9]+$`).test(s))
    ) {
      return problem(`stacks.${layer} must list '${layer}' first, then ${layer}-2, ${layer}-3...`);
    }
    stacks[layer] = list;
  }
  const known = new Set(Object.values(stacks).flat());
  for (const [group, stack] of Object.entries(data.groups)) {
    if (typeof stack !== 'string' || !known.has(stack))
      return problem(`group ${group} is placed in '${String(stack)}', which is not in stacks`);
  }
  return { placement: { format: 1, environment: env, stacks, groups: data.groups }, text, diagnostics: [] };
}
