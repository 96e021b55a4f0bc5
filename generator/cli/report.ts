/**
 * Printing diagnostics: only here do JSON paths become `file:line:col`. Positions come from
 * the YAML documents (the `yaml` library's LineCounter); files are re-read on demand, which
 * costs nothing on the success path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, LineCounter, Node } from 'yaml';
import { CODES, type Diagnostic } from '../diagnostics.js';
import { parseWithPositions } from '../yaml/source.js';
import { fullYaml } from '../yaml/parsers.js';
import { byText } from '../order.js';

export interface Positioned extends Diagnostic {
  file?: string;
  line?: number;
  column?: number;
}

function nodeAt(doc: Document, path: (string | number)[], at: 'key' | 'value'): Node | undefined {
  const { isMap, isPair, isScalar, isSeq } = fullYaml();
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(path[i]),
      );
      if (!pair) return node as Node;
      if (i === path.length - 1 && at === 'key') return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && /^\d+$/.test(String(path[i]))) {
      // Schema errors name list items by their JSON-pointer segment, a string ("1"), not a number.
      const item = node.items[Number(path[i])];
      if (!item) return node as Node;
      node = item;
    } else return node as Node;
  }
  return node as Node;
}

export class Positions {
  private readonly cache = new Map<string, { doc: Document; lineCounter: LineCounter } | null>();
  constructor(private readonly root: string) {}

  private source(file: string): { doc: Document; lineCounter: LineCounter } | null {
    if (!this.cache.has(file)) {
      try {
        this.cache.set(file, parseWithPositions(readFileSync(join(this.root, file), 'utf8')));
      } catch {
        this.cache.set(file, null);
      }
    }
    return this.cache.get(file) ?? null;
  }

  position(d: Diagnostic): Positioned {
    const location = d.location;
    if (!location) return d;
    const source = this.source(location.file);
    if (!source) return { ...d, file: location.file };
    const offset = location.offset ?? nodeAt(source.doc, location.path, location.at ?? 'value')?.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { ...d, file: location.file, line, column: col };
  }
}

export function formatText(d: Positioned): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ''}: ` : '';
  const fix = d.fix ? `\n  fix: ${d.fix.replace(/\n/g, '\n       ')}` : '';
  return `${where}${d.severity} ${d.code}: ${d.message}${fix}`;
}

export function formatJson(d: Positioned) {
  return {
    code: d.code,
    severity: d.severity,
    category: CODES[d.code],
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
    ...(d.file ? { file: d.file } : {}),
    ...(d.line ? { line: d.line, column: d.column } : {}),
    ...(d.location ? { path: d.location.path } : {}),
  };
}

/** Stable order: by file, then position, then code. */
export function sortPositioned(list: Positioned[]): Positioned[] {
  return [...list].sort(
    (a, b) =>
      byText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byText(a.code, b.code),
  );
}
