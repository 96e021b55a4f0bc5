/** Write a generated project to a temporary folder and compile it through the real pipeline. */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { build, type BuildResult } from '../../generator/pipeline/build.js';
import type { CfnTemplate } from '../../generator/rules/rule.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import type { GenEnvironment, GenSpec } from './arbitraries.js';

export interface Built extends BuildResult {
  templates: Record<string, CfnTemplate>;
  dir: string;
}

export function writeProject(
  spec: GenSpec,
  environments: Record<string, GenEnvironment | object>,
  handlers: string[] = ['orders'],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-prop-'));
  mkdirSync(join(dir, 'spec'));
  mkdirSync(join(dir, 'environments'));
  mkdirSync(join(dir, 'handlers'));
  for (const h of handlers) cpSync(join(FIXTURES, 'base/handlers/orders.mjs'), join(dir, 'handlers', `${h}.mjs`));
  const { project, tables, functions, routes, alarms, keys, secrets, resources, network, buckets, topics } = spec;
  writeFileSync(join(dir, 'spec/project.yaml'), stringify({ project }));
  writeFileSync(
    join(dir, 'spec/app.yaml'),
    stringify({ tables, functions, routes, alarms, ...(resources ? { resources } : {}) }),
  );
  if (keys) writeFileSync(join(dir, 'spec/secrets.yaml'), stringify({ keys, secrets }));
  if (network) writeFileSync(join(dir, 'spec/network.yaml'), stringify({ network }));
  if (buckets || topics) writeFileSync(join(dir, 'spec/storage.yaml'), stringify({ buckets, topics }));
  for (const [name, env] of Object.entries(environments))
    writeFileSync(join(dir, 'environments', `${name}.yaml`), stringify({ region: 'eu-central-1', ...env }));
  return dir;
}

export function buildProject(spec: GenSpec, env: GenEnvironment | object, name = 'test', keep = false): Built {
  // A production file too, so per-environment thresholds name environments that exist.
  const dir = writeProject(spec, { production: { protected: true }, [name]: env });
  try {
    const result = build({ root: dir, specDir: join(dir, 'spec') }, name);
    const templates = Object.fromEntries((result.stacks ?? []).map((s) => [s.name, JSON.parse(s.body) as CfnTemplate]));
    return { ...result, templates, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

export const allResources = (b: Built) => Object.values(b.templates).flatMap((t) => Object.entries(t.Resources));
export const ofType = (b: Built, type: string) => allResources(b).filter(([, r]) => r.Type === type);
