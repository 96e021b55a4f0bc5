/** Stage 1, load: read every YAML file of the spec folder, parse it keeping positions. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { listYamlFiles, parseSource, type SourceFile } from '../yaml/source.js';

export interface Loaded {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Load every YAML file in `dir`; file names in messages are relative to `root`. */
export function loadDirectory(dir: string, root: string): Loaded {
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const full of listYamlFiles(dir)) {
    const file = relative(root, full) || full;
    const bytes = readFileSync(full);
    if (bytes.includes(0)) {
      diagnostics.push(error('GEN101', 'this file is binary, not YAML', { file, path: [] }, 'remove it from the spec folder'));
      continue;
    }
    const parsed = parseSource(file, bytes.toString('utf8'));
    sources.push(parsed.source);
    diagnostics.push(...parsed.diagnostics);
  }
  return { sources, diagnostics };
}
