/** Compile a spec written inline in a test, through the real pipeline, in a temporary copy of the base fixture. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type BuildResult } from '../../generator/pipeline/build.js';
import type { Registry } from '../../generator/sections/section.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { FIXTURES } from '../fixtures/run-fixture.js';

export const PROJECT = 'project:\n  name: shop\n  owner: shop-team\n  costCenter: cc-42\n';

export type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: unknown; DeletionPolicy?: string };
export interface Compiled extends BuildResult {
  resources: Record<string, Resource>;
  layerOf: Record<string, string>;
  templates: Record<string, any>;
}

/** `files`: more project files (handlers/x.py: text), relative to the project root. */
export function compileYaml(
  spec: string,
  env = 'test',
  environments: Record<string, string> = {},
  registry: Registry = BUILTIN,
  files: Record<string, string> = {},
): Compiled {
  const dir = mkdtempSync(join(tmpdir(), 'gen-unit-'));
  try {
    cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
    writeFileSync(join(dir, 'spec/app.yaml'), spec);
    for (const [name, text] of Object.entries(environments))
      writeFileSync(join(dir, 'environments', `${name}.yaml`), text);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = build({ root: dir, specDir: join(dir, 'spec') }, env, registry);
    const templates = Object.fromEntries((result.stacks ?? []).map((s) => [s.layer, JSON.parse(s.body)]));
    const resources: Record<string, Resource> = {};
    const layerOf: Record<string, string> = {};
    for (const [layer, t] of Object.entries(templates))
      for (const [id, r] of Object.entries(t.Resources as Record<string, Resource>)) {
        resources[id] = r;
        layerOf[id] = layer;
      }
    return { ...result, resources, layerOf, templates };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const codes = (c: BuildResult) => c.diagnostics.map((d) => d.code);
