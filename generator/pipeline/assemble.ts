/**
 * Stage 2b, assemble: the valid parts of every file become one Spec model. Items with schema
 * errors are left out of the model but their names are kept, so one typo does not cascade
 * into "unknown table" errors everywhere it is referenced.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { Registry } from '../sections/section.js';
import type { Entry, Items, Spec } from '../spec.js';
import type { SourceFile } from '../yaml/source.js';
import { byText } from '../order.js';
import { pascal } from '../naming/ids.js';

const startsWith = (path: (string | number)[], prefix: (string | number)[]) => prefix.every((p, i) => path[i] === p);

export function assembleSpec(
  sources: SourceFile[],
  schemaDiagnostics: Diagnostic[],
  base: Pick<Spec, 'root' | 'specDir' | 'environmentNames'>,
  registry: Registry,
): { spec: Spec; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parts: Spec['sections'] = {};
  const spec: Spec = { ...base, files: sources.map((s) => s.file), sections: parts };
  for (const section of registry.sections)
    if (section.kind === 'map') parts[section.key] = { items: [], names: new Set() } satisfies Items<unknown>;

  for (const source of sources) {
    if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) continue;
    const problems = schemaDiagnostics.filter((d) => d.location?.file === source.file).map((d) => d.location!.path);
    const invalid = (path: (string | number)[]) =>
      problems.some((p) => startsWith(p, path) || (p.length < path.length && startsWith(path, p) && p.length <= 1));
    for (const section of registry.sections) {
      const value = (source.data as Record<string, unknown>)[section.key];
      if (value === undefined || value === null) continue;
      if (section.kind === 'single') {
        const previous = parts[section.key] as Entry<unknown> | undefined;
        if (previous) {
          diagnostics.push(
            error(
              'GEN306',
              `section '${section.key}' is already defined in ${previous.file}`,
              { file: source.file, path: [section.key], at: 'key' },
              `keep one '${section.key}' section`,
            ),
          );
        } else if (!invalid([section.key])) {
          parts[section.key] = {
            name: section.key,
            file: source.file,
            path: [section.key],
            value: section.normalize ? section.normalize(value, section.key, registry) : value,
          };
        }
        continue;
      }
      if (typeof value !== 'object' || Array.isArray(value)) continue;
      const items = parts[section.key] as Items<unknown>;
      for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
        const path = [section.key, name];
        const first = items.names.has(name) ? findOrigin(sources, section.key, name, source) : undefined;
        if (first) {
          const code = section.names?.duplicate ?? 'GEN306';
          diagnostics.push(
            error(
              code,
              `${section.names!.noun} '${name}' is already defined in ${first}`,
              { file: source.file, path, at: 'key' },
              `${section.names!.noun} names must be unique across all spec files: rename or remove one`,
            ),
          );
          continue;
        }
        items.names.add(name);
        if (invalid(path)) continue;
        items.items.push({
          name,
          file: source.file,
          path,
          value: section.normalize ? section.normalize(raw, name, registry) : raw,
        });
      }
    }
  }
  for (const section of registry.sections) {
    if (section.kind === 'map') (parts[section.key] as Items<unknown>).items.sort((a, b) => byText(a.name, b.name));
  }
  diagnostics.push(...sameLogicalIds(spec, registry));
  return { spec, diagnostics };
}

/**
 * Logical IDs are made of a name's letters and digits (naming/ids.ts), so two names of a section
 * that differ only in dashes, slashes or case (loans-2 and loans2, GET /books-list and
 * GET /books/list) would make the same resources: reported at both, before anything compiles.
 */
function sameLogicalIds(spec: Spec, registry: Registry): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const section of registry.sections) {
    if (section.kind !== 'map') continue;
    const noun = section.names?.noun ?? section.key;
    const first = new Map<string, Entry<unknown>>();
    for (const entry of (spec.sections[section.key] as Items<unknown>).items) {
      const id = pascal(entry.name);
      const other = first.get(id);
      if (!other) {
        first.set(id, entry);
        continue;
      }
      const clash = (here: Entry<unknown>, there: Entry<unknown>) =>
        error(
          'GEN503',
          `${noun} '${here.name}' and ${noun} '${there.name}'${there.file === here.file ? '' : ` (${there.file})`} would get the same CloudFormation logical IDs: their names differ only in dashes, slashes or case`,
          { file: here.file, path: here.path, at: 'key' },
          `rename one of them so that their letters and digits differ`,
        );
      out.push(clash(other, entry), clash(entry, other));
    }
  }
  return out;
}

/** The file that first defined `name` in `key`, searching files before `current`. */
function findOrigin(sources: SourceFile[], key: string, name: string, current: SourceFile): string | undefined {
  for (const source of sources) {
    if (source === current) break;
    const section = (source.data as Record<string, unknown> | null)?.[key];
    if (section && typeof section === 'object' && name in section) return source.file;
  }
  return undefined;
}
