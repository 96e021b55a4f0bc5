/** The reference platform compiled in-process, for tests that inspect templates. */
import { join } from 'node:path';
import { build } from '../../generator/pipeline/build.js';
import { REPO } from '../fixtures/run-fixture.js';

export type Resource = {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: unknown;
};
export type Template = { Resources: Record<string, Resource>; Outputs?: Record<string, unknown> };

export function compileReference(env: string): Record<string, Template> {
  const result = build({ root: REPO, specDir: join(REPO, 'spec') }, env);
  if (!result.stacks) throw new Error(`reference build failed: ${JSON.stringify(result.diagnostics)}`);
  return Object.fromEntries(result.stacks.map((s) => [s.layer, JSON.parse(s.body) as Template]));
}

export const resourcesOf = (templates: Record<string, Template>, type?: string) =>
  Object.values(templates)
    .flatMap((t) => Object.entries(t.Resources))
    .filter(([, r]) => !type || r.Type === type);
