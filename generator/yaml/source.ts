/**
 * Reading YAML with positions: the ground floor every stage stands on (spec files, environment
 * files, body schemas). Syntax problems (tabs, duplicate keys, bad indentation) become diagnostics.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** All YAML files under `dir`, recursively, sorted so the build never depends on readdir order. */
export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(full));
    else if (entry.isFile() && isYamlFile(entry.name)) out.push(full);
  }
  return out.sort();
}

export function parseSource(file: string, text: string): { source: SourceFile; diagnostics: Diagnostic[] } {
  const fast = fastParse(text);
  if (fast) return { source: { file, data: fast.data, readable: true }, diagnostics: [] };
  const { doc, lineCounter } = parseWithPositions(text);
  const diagnostics: Diagnostic[] = specificFirst(doc.errors, lineCounter).map((e) => {
    const code = YAML_CODES[e.code] ?? 'GEN101';
    const key = text.slice(e.pos[0]).split(/[:\n]/)[0].trim();
    const message = code === 'GEN101' ? firstLine(e.message) : code === 'GEN102' ? `duplicate key '${key}'` : 'tab used for indentation';
    return error(code, message, { file, path: [], offset: e.pos[0] }, YAML_FIXES[code] ?? 'fix the YAML syntax at this position');
  });
  let data: unknown = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      diagnostics.push(error('GEN101', `cannot read this YAML: ${firstLine(String((e as Error).message))}`, { file, path: [] },
        'simplify anchors and aliases'));
    }
  }
  return { source: { file, data, readable: doc.errors.length === 0 }, diagnostics };
}

export function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
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
  return [...byLine.values()];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
