/**
 * Removal order across stacks. A resource that a stack drops (a renamed function) may still be
 * used by a later stack until that one is updated (the API still invokes the old function). So
 * a stack is first updated with what it drops kept, and only once every later stack is updated
 * is it updated again, in reverse order, to remove them: no window in which a later stack points
 * at something deleted. A dropped resource that holds data and was not named with
 * --allow-replace is not kept: the data guard refuses it at once, before anything changes.
 */
import { references } from '../output/references.js';
import { DATA_TYPES } from './stateful.js';

/** What a later stack can point at by name: what it invokes, sends to, reads or publishes to. */
const TARGET_TYPES = new Set([
  'AWS::Lambda::Function',
  'AWS::Lambda::Alias',
  'AWS::Lambda::Version',
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Events::EventBus',
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::StepFunctions::StateMachine',
  'AWS::KMS::Key',
  'AWS::KMS::Alias',
]);

type Template = { Resources?: Record<string, { Type: string }>; [key: string]: unknown };

export interface Kept {
  /** The template to deploy first: the new one plus the resources it drops. */
  body: string;
  /** Logical IDs kept for now and removed in the second pass. */
  kept: string[];
}

export function keepingDropped(
  newBody: string,
  deployed: Template | undefined,
  allowReplace: readonly string[],
  stateful: ReadonlySet<string> = DATA_TYPES,
): Kept {
  const next = JSON.parse(newBody) as Template;
  const all = Object.entries(deployed?.Resources ?? {}).filter(([id]) => !(id in (next.Resources ?? {})));
  const refused = all.some(([id, r]) => stateful.has(r.Type) && !allowReplace.includes(id));
  if (all.length === 0 || refused) return { body: newBody, kept: [] };
  // Kept: the targets among the dropped resources, and what they refer to (a function's role and log group).
  const byId = new Map(all);
  const keep = new Set(all.filter(([, r]) => TARGET_TYPES.has(r.Type)).map(([id]) => id));
  for (const id of keep) {
    const r = byId.get(id) as { DependsOn?: string | string[] };
    for (const target of [...references(r), ...[r.DependsOn ?? []].flat()]) if (byId.has(target)) keep.add(target);
  }
  const dropped = all.filter(([id]) => keep.has(id));
  if (dropped.length === 0) return { body: newBody, kept: [] };
  const placeholderOnly = Object.keys(next.Resources ?? {}).every((id) => id === 'EmptyStackPlaceholder');
  const resources = { ...(placeholderOnly ? {} : next.Resources), ...Object.fromEntries(dropped) };
  const sorted = Object.fromEntries(Object.entries(resources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    body: `${JSON.stringify({ ...next, Resources: sorted }, undefined, 2)}\n`,
    kept: dropped.map(([id]) => id).sort(),
  };
}
