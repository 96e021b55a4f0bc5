/**
 * `gen build`'s part of the AWS update rules: the new templates against the previous build in
 * out/<env>/, as warnings (a build has no credentials, so it cannot read the deployed stacks; after
 * a deploy, out/<env>/ is what was deployed). `gen diff` and `gen deploy` check the deployed stacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { Registry } from '../../sections/section.js';
import type { Spec } from '../../spec.js';
import { checkSinceLastBuild, type Template } from './index.js';
import { findingDiagnostics } from './locate.js';

/** The previous build's templates by file name; empty when out/<env>/ holds none (or not readable as one). */
function previousBuild(folder: string): Map<string, Template> {
  const manifest = join(folder, 'manifest.json');
  if (!existsSync(manifest)) return new Map();
  try {
    const stacks = (JSON.parse(readFileSync(manifest, 'utf8')).stacks ?? []) as { template: string }[];
    return new Map(stacks.map((s) => [s.template, JSON.parse(readFileSync(join(folder, s.template), 'utf8'))]));
  } catch {
    return new Map();
  }
}

export function sinceLastBuild(
  folder: string,
  stacks: readonly { file: string; template: unknown }[],
  spec: Spec | undefined,
  registry: Registry,
  environmentFile?: string,
): Diagnostic[] {
  const previous = previousBuild(folder);
  if (previous.size === 0) return [];
  const findings = stacks.flatMap((stack) => {
    const before = previous.get(stack.file);
    return before
      ? checkSinceLastBuild(before, stack.template as Template).map((f) => ({ ...f, stackFile: stack.file }))
      : [];
  });
  const where = relative(process.cwd(), folder) || '.';
  return findingDiagnostics(findings, spec, registry, environmentFile).map((d) => ({
    ...d,
    severity: 'warning',
    message: `${d.message} (compared with the last build in ${where}/; gen diff compares with what is deployed)`,
  }));
}
