/**
 * Python packaging: the handler's folder (as the build hashed it) plus the packages of its
 * requirements.txt, installed by pip for Lambda's platform and Python version, not the
 * machine's: `--platform manylinux2014_<arch> --only-binary=:all:` makes pip take the wheels
 * built for Amazon Linux on that processor, and refuse a package that only has a source
 * distribution (it would compile for the wrong machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { filesUnder } from '../sections/functions/handler-file.js';
import type { Artifact } from '../output/fragment.js';
import { reproducibleZip } from './zip.js';

const PLATFORMS: Record<string, string> = { arm64: 'manylinux2014_aarch64', x86_64: 'manylinux2014_x86_64' };

/** gen's own virtualenv when it has one (scripts/setup-python.sh), else the machine's python3. */
export const pythonInterpreter = () => [join(PACKAGE_ROOT, '.venv/bin/python')].find(existsSync) ?? 'python3';

/** The pip command that installs requirements for the function's runtime and architecture into `target`. */
export function pipArguments(
  python: NonNullable<Artifact['python']>,
  requirements: string,
  target: string,
  extra: string[] = [],
): string[] {
  return [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-compile',
    '--no-input',
    '--target',
    target,
    '--platform',
    PLATFORMS[python.architecture],
    '--implementation',
    'cp',
    '--python-version',
    python.runtime.replace('python', ''),
    '--only-binary=:all:',
    '-r',
    requirements,
    ...extra,
  ];
}

export async function packagePython(root: string, artifact: Artifact, pipExtra: string[] = []): Promise<Buffer> {
  const python = artifact.python!;
  const folder = join(root, python.folder);
  const entries = filesUnder(folder)
    .filter((f) => relative(folder, f) !== 'requirements.txt')
    .map((full) => ({ name: relative(folder, full), content: readFileSync(full) }));
  if (python.requirements) {
    const target = mkdtempSync(join(tmpdir(), 'gen-pip-'));
    try {
      try {
        execFileSync(pythonInterpreter(), pipArguments(python, join(root, python.requirements), target, pipExtra), {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
      } catch (e) {
        const detail = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message)
          .trim()
          .split('\n')
          .slice(-3)
          .join(' ');
        throw new Error(
          `could not install ${python.requirements} for ${python.runtime} on ${python.architecture}: ${detail}`,
        );
      }
      // Code beside the handler wins over an installed package of the same name.
      const own = new Set(entries.map((e) => e.name));
      for (const full of filesUnder(target)) {
        const name = relative(target, full);
        if (!own.has(name)) entries.push({ name, content: readFileSync(full) });
      }
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }
  return reproducibleZip(entries);
}
