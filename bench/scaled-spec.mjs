// A project made of `copies` renamed copies of the reference spec (names suffixed -c2, -c3, ...):
// 30 copies is about 1,000 tables, 1,000 functions, 5,000 routes and 2,000 alarms. Used by the
// benchmark and by the scale tests. Returns the project folder (a new temporary directory).
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
// The project's single sections (project, network, cache, backup, budget, edge) and the few buckets, topics, queues,
// schedules and workflows that name each other exist once; the domain files and the secrets are copied.
const ONCE = new Set([
  'project.yaml',
  'network.yaml',
  'cache.yaml',
  'storage.yaml',
  'notifications.yaml',
  'operations.yaml',
  'workflows.yaml',
  'edge.yaml',
]);

export function scaledProject(copies) {
  const dir = mkdtempSync(join(tmpdir(), `gen-scaled-${copies}x-`));
  cpSync(join(repo, 'environments'), join(dir, 'environments'), { recursive: true });
  cpSync(join(repo, 'handlers'), join(dir, 'handlers'), { recursive: true });
  mkdirSync(join(dir, 'spec'));
  cpSync(join(repo, 'spec', 'schemas'), join(dir, 'spec', 'schemas'), { recursive: true });
  const files = readdirSync(join(repo, 'spec')).filter((f) => f.endsWith('.yaml'));
  for (let c = 1; c <= copies; c++) {
    for (const file of files) {
      let text = readFileSync(join(repo, 'spec', file), 'utf8');
      if (c > 1) {
        if (ONCE.has(file)) continue;
        // Rename every table, function, route path and alarm of this copy.
        text = text
          .replace(/^( {2})([a-z][a-z0-9-]*):/gm, `$1$2-c${c}:`)
          .replace(/^(\s+)([a-z][a-z0-9-]*): (read-write|read|write)$/gm, `$1$2-c${c}: $3`)
          .replace(/(function|table): ([a-z][a-z0-9-]*)$/gm, `$1: $2-c${c}`)
          .replace(/^( {2}(GET|POST|PUT|DELETE) \/)([a-z0-9-]+)/gm, `$1$3-c${c}`)
          .replace(/^( {2}(GET|POST|PUT|DELETE) \/[^:]+: )([a-z0-9-]+)$/gm, `$1$3-c${c}`);
      }
      writeFileSync(join(dir, 'spec', c === 1 ? file : `c${c}-${file}`), text);
    }
  }
  return dir;
}
