/** Locating and fingerprinting a function's handler file. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { splitHandler } from './model.js';
import { HANDLER_EXTENSIONS, type Language } from './runtimes.js';

/** The handler's source file relative to the project root, or undefined when none exists. */
export function findHandlerFile(root: string, handler: string, language: Language = 'node'): string | undefined {
  const { file } = splitHandler(handler);
  return HANDLER_EXTENSIONS[language].map((ext) => file + ext).find((candidate) => existsSync(join(root, candidate)));
}

/** Folders never shipped with code: tests, caches, installed packages. */
const SKIPPED = new Set(['node_modules', 'tests', '__pycache__', '.venv']);

export function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) =>
      e.isDirectory()
        ? SKIPPED.has(e.name)
          ? []
          : filesUnder(join(dir, e.name))
        : e.name.endsWith('.pyc')
          ? []
          : [join(dir, e.name)],
    )
    .sort();
}

/**
 * Fallback fingerprint, used only when the handlers do not bundle (bundle-hash.ts gives the exact
 * one otherwise): everything a bundle may include from the project besides its own entry file,
 * the other files under handlers/ that are not entries. Over-approximating is deliberate.
 */
export function sharedCodeHash(root: string, entries: Set<string>): string {
  const hash = createHash('sha256');
  for (const full of filesUnder(join(root, 'handlers'))) {
    const file = relative(root, full);
    if (entries.has(file) || file.endsWith('.py')) continue;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

/** sha256 of a Node function's code: its entry file plus the shared code. Names the artifact, so unchanged code is never re-uploaded. */
export function handlerHash(root: string, handler: string, shared: string): string {
  const file = findHandlerFile(root, handler);
  const content = file ? readFileSync(join(root, file)) : Buffer.from(handler);
  return createHash('sha256').update(content).update(shared).digest('hex');
}

/**
 * A Python function ships its module's folder (every file but tests and caches) plus the
 * packages of that folder's requirements.txt, installed for its architecture at deploy. The
 * hash covers all of it, the pinned requirements and where they are installed for, so the
 * artifact's name changes exactly when what is uploaded does.
 */
export function pythonPackage(root: string, file: string, runtime: string, architecture: string) {
  const folder = dirname(file);
  const files = filesUnder(join(root, folder))
    .map((full) => relative(join(root, folder), full))
    .filter((f) => f !== 'requirements.txt');
  const requirements = existsSync(join(root, folder, 'requirements.txt'))
    ? join(folder, 'requirements.txt')
    : undefined;
  const hash = createHash('sha256').update(`${runtime}\0${architecture}\0`);
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(root, folder, f)))
      .update('\0');
  if (requirements) hash.update('requirements.txt\0').update(readFileSync(join(root, requirements)));
  return { folder, files, requirements, codeHash: hash.digest('hex') };
}

/** Top-level functions of a Python module (`def name(` or `async def name(` at the start of a line). */
export function pythonFunctions(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/gm)].map((m) => m[1]);
}

/** Whether the file is, through symbolic links, outside the project root (a checkout elsewhere would not have it). */
export function outsideProject(root: string, file: string): boolean {
  try {
    const real = realpathSync(join(root, file));
    const top = realpathSync(root);
    return real !== top && !real.startsWith(top + sep);
  } catch {
    return false;
  }
}

const escape = (name: string) => name.replace(/[$]/g, '\\$');

/**
 * Whether the text plainly exports `name` as an ES module does (`export const handler`,
 * `export async function handler`, `export { run as handler }`): the fast path, which needs no
 * parser. Anything else is left to esbuild (nodeExports).
 */
export function plainlyExports(text: string, name: string): boolean {
  const n = escape(name);
  return (
    new RegExp(
      `^export\\s+(?:async\\s+)?(?:function\\s*\\*?\\s*|const\\s+|let\\s+|var\\s+|class\\s+)${n}\\b`,
      'm',
    ).test(text) || new RegExp(`^export\\s*\\{[^}]*\\b${n}\\s*(?:,|\\})`, 'm').test(text)
  );
}

export interface ModuleExports {
  /** Names the module exports; undefined when they cannot be known before it runs (CommonJS that builds module.exports, export * from). */
  names?: string[];
  /** Why the file could not be read as JavaScript or TypeScript (a syntax error), with where. */
  problem?: string;
}

const require = createRequire(import.meta.url);

/**
 * The exports of Node handler files, all in one esbuild pass (bundle: false, write: false; the
 * metafile lists each entry's exports). CommonJS files are read from their `exports.name =`
 * assignments. A file esbuild cannot parse gets its first error instead.
 */
export function nodeExports(root: string, files: string[]): Map<string, ModuleExports> {
  const result = new Map<string, ModuleExports>();
  if (files.length === 0) return result;
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  let entries = [...new Set(files)];
  for (let attempt = 0; attempt < 2 && entries.length > 0; attempt++) {
    try {
      const { metafile } = buildSync({
        entryPoints: entries,
        absWorkingDir: root,
        bundle: false,
        write: false,
        metafile: true,
        outdir: join(root, '.gen-exports'),
        format: 'esm',
        platform: 'node',
        logLevel: 'silent',
        loader: { '.mjs': 'js', '.cjs': 'js' },
      });
      for (const output of Object.values(metafile.outputs)) {
        if (!output.entryPoint) continue;
        const file = output.entryPoint;
        const text = readFileSync(join(root, file), 'utf8');
        const format = metafile.inputs[file]?.format;
        result.set(
          file,
          format === 'cjs'
            ? commonJsExports(text)
            : /^export\s*\*\s*from/m.test(text)
              ? {}
              : { names: output.exports.filter((e) => e !== 'default' || /export\s+default/.test(text)).sort() },
        );
      }
      return result;
    } catch (e) {
      // A syntax error fails the whole pass: note it on its file, then read the others again.
      const errors =
        (e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] })
          .errors ?? [];
      const failed = new Set<string>();
      for (const err of errors) {
        const file = err.location?.file;
        if (!file || failed.has(file)) continue;
        failed.add(file);
        result.set(file, { problem: `${file}:${err.location!.line}:${err.location!.column + 1}: ${err.text}` });
      }
      if (failed.size === 0) return result;
      entries = entries.filter((f) => !failed.has(f));
    }
  }
  return result;
}

/** Names a CommonJS module assigns on exports, or undefined when it builds module.exports some other way. */
function commonJsExports(text: string): ModuleExports {
  const names = new Set([...text.matchAll(/(?:module\.)?exports\.([A-Za-z_$][A-Za-z0-9_$]*)\s*=/g)].map((m) => m[1]));
  const literal = /module\.exports\s*=\s*\{([^}]*)\}/.exec(text);
  if (literal) for (const m of literal[1].matchAll(/([A-Za-z_$][A-Za-z0-9_$]*)\s*(?:[:,]|$)/g)) names.add(m[1]);
  else if (/module\.exports\s*=/.test(text)) return {};
  return { names: [...names].sort() };
}

/** Requirements of a Python module's folder that do not name one exact version (`==`), so pip may resolve them differently later. */
export function unpinnedRequirements(root: string, file: string): string[] {
  const path = join(root, dirname(file), 'requirements.txt');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-') && !/==[^=*]+$/.test(line.split(';')[0].trim()));
}
