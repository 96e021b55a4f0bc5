/**
 * gen build --watch: rebuild on every save under spec/, environments/ and handlers/, and print
 * only what changed: resources added, modified and removed per stack.
 */
import { watch } from 'node:fs';
import { join, relative } from 'node:path';
import { hasErrors } from '../diagnostics.js';
import { build, type Paths } from '../pipeline/build.js';
import { writeBuild } from '../pipeline/write.js';
import type { Stack } from '../output/stacks.js';
import { printDiagnostics } from './common.js';

type Snapshot = Map<string, Map<string, string>>;

const snapshot = (stacks: Stack[]): Snapshot =>
  new Map(
    stacks.map((s) => [
      s.name,
      new Map(
        Object.entries((JSON.parse(s.body) as { Resources: Record<string, unknown> }).Resources).map(([id, r]) => [
          id,
          JSON.stringify(r),
        ]),
      ),
    ]),
  );

export function changes(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const stack of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(stack) ?? new Map<string, string>();
    const now = after.get(stack) ?? new Map<string, string>();
    const marks = [
      ...[...now.keys()].filter((id) => !old.has(id)).map((id) => `+ ${id}`),
      ...[...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)).map((id) => `~ ${id}`),
      ...[...old.keys()].filter((id) => !now.has(id)).map((id) => `- ${id}`),
    ];
    if (marks.length) lines.push(`  ${stack}: ${marks.join(', ')}`);
  }
  return lines;
}

export function watchBuild(paths: Paths, env: string, outDir: string): Promise<never> {
  let previous: Snapshot | undefined;
  const rebuild = () => {
    const started = performance.now();
    const result = build(paths, env);
    const ms = Math.round(performance.now() - started);
    if (hasErrors(result.diagnostics) || !result.stacks || !result.manifest) {
      printDiagnostics(paths.root, result.diagnostics);
      process.stderr.write(`gen: ${env}: errors, out/ unchanged (watching)\n`);
      return;
    }
    writeBuild(paths.root, outDir, env, { ...result, stacks: result.stacks, manifest: result.manifest });
    const next = snapshot(result.stacks);
    const first = previous === undefined;
    const lines = first ? [] : changes(previous!, next);
    previous = next;
    process.stdout.write(
      `gen: built ${env} in ${ms} ms${!first && lines.length === 0 ? ' (no changes to templates)' : ''}\n${lines.map((l) => l + '\n').join('')}`,
    );
  };
  rebuild();
  let timer: NodeJS.Timeout | undefined;
  for (const dir of [paths.specDir, join(paths.root, 'environments'), join(paths.root, 'handlers')]) {
    try {
      watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(rebuild, 50);
      });
    } catch {
      process.stderr.write(`gen: not watching ${relative(process.cwd(), dir)} (missing)\n`);
    }
  }
  process.stderr.write('gen: watching spec/, environments/ and handlers/ (Ctrl-C to stop)\n');
  return new Promise<never>(() => {});
}
