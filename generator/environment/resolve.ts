/** Stage 3, resolve environment: load environments/<name>.yaml, validate it, fill defaults. */
import { readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { suggestion } from '../naming/did-you-mean.js';
import { isDirectory, listYamlFiles, parseSource } from '../yaml/source.js';
import { validatorsFor, type Schemas } from '../schema/ajv.js';
import { explain } from '../schema/explain.js';
import type { Environment } from './model.js';

/** Environment names: the files in the environments folder, without extension. */
export function environmentFiles(dir: string): Map<string, string> {
  if (!isDirectory(dir)) return new Map();
  return new Map(listYamlFiles(dir).map((full) => [basename(full, extname(full)), full]));
}

export function resolveEnvironment(
  name: string,
  dir: string,
  root: string,
  schemas: Schemas,
): { env?: Environment; diagnostics: Diagnostic[] } {
  const files = environmentFiles(dir);
  const full = files.get(name);
  if (!full) {
    const known = [...files.keys()];
    const where = relative(root, dir) || dir;
    return {
      diagnostics: [
        known.length === 0
          ? error(
              'GEN402',
              `no environments defined: ${where}/ has no YAML files`,
              undefined,
              `create ${where}/test.yaml with at least 'region: eu-central-1'`,
            )
          : error(
              'GEN401',
              `unknown environment '${name}'.${suggestion(name, known)} Environments are: ${known.join(', ')}`,
              undefined,
              `pass one of them with --env, or create ${where}/${name}.yaml`,
            ),
      ],
    };
  }
  const file = relative(root, full) || full;
  const { source, diagnostics } = parseSource(file, readFileSync(full, 'utf8'));
  if (diagnostics.length > 0) return { diagnostics };
  if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) {
    return {
      diagnostics: [
        error(
          'GEN104',
          'an environment file must be a mapping of settings',
          { file, path: [] },
          "start with 'region: eu-central-1'",
        ),
      ],
    };
  }
  const validator = validatorsFor(schemas).environment;
  const values = source.data as Record<string, unknown>;
  if (!validator(values)) return { diagnostics: explain(file, validator.errors, 'setting') };
  return { env: { ...(values as unknown as Omit<Environment, 'name' | 'file'>), name, file }, diagnostics: [] };
}

export const environmentDir = (root: string) => join(root, 'environments');

/** Every environment of the project, each resolved (or with the diagnostics saying why not). */
export function resolveAllEnvironments(
  root: string,
  schemas: Schemas,
): { name: string; env?: Environment; diagnostics: Diagnostic[] }[] {
  const dir = environmentDir(root);
  return [...environmentFiles(dir).keys()].map((name) => ({ name, ...resolveEnvironment(name, dir, root, schemas) }));
}
