/**
 * Two YAML parsers, one meaning. js-yaml is fast and reads almost every spec file; the `yaml`
 * library keeps positions and reports mistakes exactly, so it reads what js-yaml cannot
 * (anchors, aliases, merge keys, tags, tabs, syntax errors, duplicate keys) and positions
 * diagnostics when they are printed. It is loaded only then, which keeps `gen build` fast.
 * Both use the YAML 1.2 core schema; tests/yaml/parsers.test.ts checks they agree.
 */
import { createRequire } from 'node:module';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);

/** The full parser, loaded on first use. */
export const fullYaml = (): typeof import('yaml') => require('yaml');

/** Anything the fast path leaves to the full parser: anchors, aliases, tags, merge keys, tabs. */
const NEEDS_FULL_PARSER = /[&*!\t]|<</;

/** Plain data of a simple YAML file, or undefined when the full parser must read it. */
export function fastParse(text: string): { data: unknown } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  try {
    return { data: load(text) ?? null };
  } catch {
    return undefined;
  }
}
