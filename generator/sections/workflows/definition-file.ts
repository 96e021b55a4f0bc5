/**
 * The escape: a full Amazon States Language file under spec/ (`definition: workflows/x.asl.yaml`).
 * JSON files are never spec files; YAML ones must end in .asl.yaml (or .asl.yml), which the
 * spec scan skips (pipeline/load.ts), so they are not read as spec files. `${function:<name>}`
 * stands for a function's ARN: gen rewrites it to a DefinitionSubstitutions key and lets the
 * role invoke exactly the functions named so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { byText } from '../../order.js';
import { fullYaml } from '../../yaml/parsers.js';
import { functionPlaceholder } from './states.js';

const PLACEHOLDER = /\$\{([A-Za-z]+):([^}]*)\}/g;
/** Integrations an Express workflow cannot run: it never waits for a job or a callback. */
const WAITING = /\.(sync(:\d+)?|waitForTaskToken)$/;

export type DefinitionFile =
  | {
      definition: Record<string, unknown>;
      /** Functions named by placeholders, sorted. */
      functions: string[];
      /** Resources of Task states that wait (.sync, .waitForTaskToken): refused in Express workflows. */
      waiting: string[];
      /** Placeholders of kinds gen does not fill. */
      unknownPlaceholders: string[];
    }
  | { problem: string; fix: string };

function parse(full: string): unknown {
  const text = readFileSync(full, 'utf8');
  return full.endsWith('.json') ? JSON.parse(text) : fullYaml().parse(text);
}

/** Every string in the document, rewritten by `f` (placeholders), with task resources collected. */
function mapStrings(value: unknown, f: (s: string) => string, resources: string[], key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'Resource') resources.push(value);
    return f(value);
  }
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, resources));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, resources, k)]));
  return value;
}

export function readDefinitionFile(specDir: string, file: string): DefinitionFile {
  const inside = normalize(file);
  if (inside.startsWith('..') || inside.startsWith(sep))
    return {
      problem: `definition file '${file}' is outside the spec folder`,
      fix: 'move it under spec/ (for example spec/workflows/)',
    };
  const full = join(specDir, inside);
  if (!existsSync(full))
    return {
      problem: `definition file '${file}' not found in the spec folder`,
      fix: `create spec/${inside}, or fix the path`,
    };
  let document: unknown;
  try {
    document = parse(full);
  } catch (e) {
    return {
      problem: `definition file '${file}' is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${String((e as Error).message).split('\n')[0]}`,
      fix: "fix the file's syntax",
    };
  }
  const root = document as Record<string, unknown> | null;
  if (
    !root ||
    typeof root !== 'object' ||
    typeof root.StartAt !== 'string' ||
    !root.States ||
    typeof root.States !== 'object'
  )
    return {
      problem: `definition file '${file}' is not a state machine definition: it needs StartAt and States`,
      fix: 'write an Amazon States Language document: {"StartAt": "First", "States": {"First": {...}}}',
    };
  if (!(root.StartAt in (root.States as object)))
    return {
      problem: `definition file '${file}' starts at '${root.StartAt}', which is not one of its States`,
      fix: `name one of its states in StartAt: ${Object.keys(root.States as object).join(', ')}`,
    };
  const functions = new Set<string>();
  const unknown = new Set<string>();
  const resources: string[] = [];
  const definition = mapStrings(
    root,
    (s) =>
      s.replace(PLACEHOLDER, (whole, kind: string, name: string) => {
        if (kind !== 'function') {
          unknown.add(whole);
          return whole;
        }
        functions.add(name);
        return `\${${functionPlaceholder(name)}}`;
      }),
    resources,
  ) as Record<string, unknown>;
  return {
    definition,
    functions: [...functions].sort(byText),
    waiting: resources.filter((r) => WAITING.test(r)).sort(byText),
    unknownPlaceholders: [...unknown].sort(byText),
  };
}
