/**
 * Reading YAML with positions: the ground floor every stage stands on (spec files, environment
 * files, body schemas). Syntax problems (tabs, duplicate keys, bad indentation) become diagnostics.
 */
import { readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Document, LineCounter, YAMLError } from 'yaml';
import { error, type Code, type Diagnostic } from '../diagnostics.js';
import { fastParse, fullYaml } from './parsers.js';

export interface SourceFile {
  /** Path relative to the project root, as printed in messages (spec/tables.yaml). */
  file: string;
  /** Plain data of the document (anchors, aliases and merge keys resolved). */
  data: unknown;
  /** False when the YAML could not be read; its errors are already reported. */
  readable: boolean;
}

/** A document with positions, to turn paths into line:column (cli/report.ts). */
export function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = fullYaml();
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true }), lineCounter };
}

const YAML_CODES: Partial<Record<string, Code>> = { DUPLICATE_KEY: 'GEN102', TAB_AS_INDENT: 'GEN103' };
const YAML_FIXES: Partial<Record<Code, string>> = {
  GEN102: 'each key may appear once per mapping: remove or rename one of them',
  GEN103: 'indent with spaces (two per level); YAML does not allow tabs',
};
/** Big enough for any real spec, small enough that an alias bomb stops early. */
const MAX_ALIAS_COUNT = 10_000;

export function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/**
 * Folder of spec/ holding request body schemas (JSON or YAML): never scanned for spec files,
 * so a schema written in YAML is not read as one (routes/body-schema.ts).
 */
export const SCHEMAS_FOLDER = 'schemas';

/**
 * Amazon States Language files written in YAML (`x.asl.yaml`, the AWS toolkits' naming): a
 * workflow's definition (sections/workflows/definition-file.ts), never a spec file.
 */
export const isStateLanguageFile = (file: string) => /\.asl\.ya?ml$/.test(file);

/** Names no one means as a spec file: dotfiles (.#x.yaml editor locks, .x.yaml.swp) and backups (x.yaml~, #x.yaml#). */
const isLeftover = (name: string) => name.startsWith('.') || name.endsWith('~') || name.startsWith('#');

export interface Listing {
  /** Full paths, sorted, each real file once (a file reached through two links is read once). */
  files: string[];
  /** Folders or files that cannot be read, links that loop or lead nowhere. */
  diagnostics: Diagnostic[];
}

/**
 * All YAML files under `dir`, recursively, sorted so the build never depends on readdir order.
 * Symbolic links are followed (to files and folders); a link that loops is an error naming the
 * files. Leftovers of editors are skipped, and so are the folders in `skip` (relative to `dir`).
 * File names in diagnostics are relative to `root`.
 */
export function listYamlTree(dir: string, root: string, skip: readonly string[] = []): Listing {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const name = (full: string) => relative(root, full) || full;
  const unreadable = (full: string, e: unknown, what: string) =>
    diagnostics.push(
      error(
        'GEN348',
        `cannot read ${what} ${name(full)}: ${reason(e)}`,
        { file: name(full), path: [] },
        (e as NodeJS.ErrnoException).code === 'EACCES'
          ? `let your user read it (chmod u+r${what === 'folder' ? 'x' : ''} ${name(full)}), or move it out of the spec folder`
          : 'fix or remove it',
      ),
    );
  const loops = new Set<string>();
  /** Links that lead to each other, reported once for the whole ring. */
  const loop = (full: string) => {
    const chain = loopOf(full);
    const ring = [...new Set(chain)].sort().join('\0');
    if (loops.has(ring)) return;
    loops.add(ring);
    diagnostics.push(
      error(
        'GEN347',
        `${name(full)} is a symbolic link that never reaches a file: ${chain.map(name).join(' -> ')}`,
        { file: name(full), path: [] },
        'point one of the links at a real file, or remove them',
      ),
    );
  };
  const walk = (folder: string, ancestors: string[]) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      unreadable(folder, e, 'folder');
      return;
    }
    for (const entry of entries) {
      if (isLeftover(entry.name)) continue;
      const full = join(folder, entry.name);
      if (ancestors.length === 1 && skip.includes(entry.name)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(full);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') loop(full);
          else if (code === 'ENOENT' && isYamlFile(entry.name))
            diagnostics.push(
              error(
                'GEN347',
                `${name(full)} is a symbolic link to ${readlinkSync(full)}, which does not exist`,
                { file: name(full), path: [] },
                'point the link at an existing file, or remove it',
              ),
            );
          else if (code !== 'ENOENT') unreadable(full, e, 'link');
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        let real: string;
        try {
          real = realpathSync(full);
        } catch (e) {
          unreadable(full, e, 'folder');
          continue;
        }
        const loop = ancestors.indexOf(real);
        if (loop >= 0) {
          diagnostics.push(
            error(
              'GEN347',
              `folder link ${name(full)} leads back to ${name(ancestors[loop]) || '.'}, which contains it: the spec folder would never end`,
              { file: name(full), path: [] },
              'remove the link, or point it at a folder outside the spec folder',
            ),
          );
          continue;
        }
        walk(full, [...ancestors, real]);
      } else if (isFile && isYamlFile(entry.name)) {
        let real: string;
        try {
          real = realpathSync(full);
        } catch {
          real = full;
        }
        if (seen.has(real)) continue;
        seen.add(real);
        files.push(full);
      }
    }
  };
  let top: string;
  try {
    top = realpathSync(dir);
  } catch (e) {
    unreadable(dir, e, 'folder');
    return { files, diagnostics };
  }
  walk(dir, [top]);
  return { files: files.sort(), diagnostics };
}

/** The links followed from `start` until one repeats, for a loop's message. */
function loopOf(start: string): string[] {
  const chain = [start];
  let current = start;
  for (let i = 0; i < 40; i++) {
    let next: string;
    try {
      next = resolve(dirname(current), readlinkSync(current));
    } catch {
      break;
    }
    if (chain.includes(next)) {
      chain.push(next);
      break;
    }
    chain.push(next);
    current = next;
  }
  return chain;
}

const reason = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'it is not a folder',
    EIO: 'input/output error',
    ENOENT: 'it does not exist',
  };
  return (code && words[code]) ?? String((e as Error).message ?? e);
};

/** All YAML files under `dir` (environments/): the files of listYamlTree, without its diagnostics. */
export function listYamlFiles(dir: string): string[] {
  return listYamlTree(dir, dir).files;
}

export function parseSource(file: string, text: string): { source: SourceFile; diagnostics: Diagnostic[] } {
  const fast = fastParse(text);
  if (fast) return { source: { file, data: fast.data, readable: true }, diagnostics: [] };
  const { doc, lineCounter } = parseWithPositions(text);
  const diagnostics: Diagnostic[] = specificFirst(doc.errors, lineCounter).map((e) => {
    const code = YAML_CODES[e.code] ?? 'GEN101';
    const key = text.slice(e.pos[0]).split(/[:\n]/)[0].trim();
    if (code === 'GEN101') {
      const said = inUserWords(e, text);
      return error(code, said.message, { file, path: [], offset: e.pos[0] }, said.fix);
    }
    const message = code === 'GEN102' ? `duplicate key '${key}'` : 'tab used for indentation';
    return error(
      code,
      message,
      { file, path: [], offset: e.pos[0] },
      YAML_FIXES[code] ?? 'fix the YAML syntax at this position',
    );
  });
  let data: unknown = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = firstLine(String((e as Error).message));
      const alias = /Unresolved alias.*?: \*?(\S+)/.exec(message);
      diagnostics.push(
        alias
          ? error(
              'GEN101',
              `alias *${alias[1]} names no anchor: an anchor &${alias[1]} must come before it in this file`,
              { file, path: [], offset: Math.max(0, text.indexOf(`*${alias[1]}`)) },
              `define '&${alias[1]}' on the value to reuse, above this line, or write the value here`,
            )
          : error('GEN101', `cannot read this YAML: ${message}`, { file, path: [] }, 'simplify anchors and aliases'),
      );
    }
  }
  return { source: { file, data, readable: diagnostics.length === 0 }, diagnostics };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The parser often reports one mistake several times on a line (a tab, then the confusion it
 * causes). Keep the most specific error per line: known codes before generic syntax errors.
 */
function specificFirst(errors: YAMLError[], lineCounter: LineCounter): YAMLError[] {
  const byLine = new Map<number, YAMLError>();
  for (const e of errors) {
    const line = lineCounter.linePos(e.pos[0]).line;
    const kept = byLine.get(line);
    if (!kept || (!YAML_CODES[kept.code] && YAML_CODES[e.code])) byLine.set(line, e);
  }
  // A line indented wrongly makes the parser read the next line's `key: value` as a value with a colon: only the first is the mistake.
  return [...byLine.entries()]
    .filter(([line, e]) => !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && byLine.get(line - 1)?.code === 'BAD_INDENT'))
    .map(([, e]) => e);
}

/**
 * The YAML parser's message about a mistake, in the words of someone writing a spec: what the
 * parser saw, and what to write instead (quote a value with ': ', one document per file).
 */
function inUserWords(e: YAMLError, text: string): { message: string; fix: string } {
  const rest = text.slice(e.pos[0]).split('\n')[0].trim();
  const said = firstLine(e.message);
  const quoted = `"${rest.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return {
        message: "this file holds more than one YAML document: a line '---' starts another",
        fix: "keep one document per file: remove the '---' line, or move what follows it to a file of its own",
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: "this value holds ': ' (a colon and a space), which YAML reads as the start of another key",
        fix: `put the value in quotes: ${quoted}`,
      };
    case 'BLOCK_IN_FLOW':
      return {
        message:
          "a value inside { } or [ ] holds ': ' (a colon and a space), which YAML reads as the start of another key",
        fix: 'put that value in quotes',
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: 'a key here has no colon, or its value spills onto the next line',
        fix: "end each key with a colon ('name:'), and quote a value that spans lines",
      };
    case 'MISSING_CHAR':
      return /quote/.test(said)
        ? {
            message: 'a quoted value is not closed',
            fix: 'end the value with the quote it starts with, on the same line',
          }
        : { message: `a character is missing here: ${said}`, fix: 'add the missing character' };
    case 'BAD_SCALAR_START': {
      const character = /character (\S+)/.exec(said)?.[1] ?? rest[0];
      return {
        message: `a value cannot start with ${character} unless it is quoted`,
        fix: `put the value in quotes: ${quoted}`,
      };
    }
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(said)) {
        const [open, close] = /sequence/.test(said) ? ['[', ']'] : ['{', '}'];
        return {
          message: `a ${open} ${close} ${open === '[' ? 'list' : 'mapping'} above is not closed before this line`,
          fix: `close it with ${close} on the line where it starts, or write it one entry a line`,
        };
      }
      return {
        message: 'this line is indented differently from the keys beside it',
        fix: 'indent keys of one mapping by the same number of spaces (two more per level)',
      };
    default:
      return { message: said, fix: 'fix the YAML syntax at this position' };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
