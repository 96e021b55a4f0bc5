/**
 * Where in the spec a resource of a template was written, so an update rule's finding is printed
 * at its spec line. Logical IDs derive from spec names (naming/ids.ts: `orders` -> OrdersTable,
 * OrdersFunction...): the item whose name makes the longest prefix of the ID, in the section that
 * makes IDs with that suffix, is the one. Hand-written resources are located by their section.
 */
import type { Diagnostic, Location } from '../../diagnostics.js';
import { pascal } from '../../naming/ids.js';
import { itemsOf, type Registry } from '../../sections/section.js';
import type { Spec } from '../../spec.js';
import type { UpdateFinding } from './rule.js';

/** The suffixes each built-in section gives its resources' IDs; a section not listed may make any. */
const SUFFIXES: Record<string, RegExp> = {
  tables: /^(Table|.*Scaling)/,
  functions: /^(Function|Alias|Version|Role|LogGroup)/,
  queues: /^Queue/,
  topics: /^Topic/,
  buckets: /^Bucket/,
  events: /^(EventBus|Archive|.*Rule|.*Role|.*Permission)$/,
  schedules: /^Schedule/,
  alarms: /^Alarm$/,
};

export function locateResource(
  spec: Spec,
  registry: Registry,
  logicalId: string,
  detail: (string | number)[] = [],
): Location | undefined {
  for (const section of registry.sections) {
    const found = section.locate?.(spec, logicalId);
    if (found) return found;
  }
  let best: { path: (string | number)[]; file: string; length: number; fits: boolean } | undefined;
  for (const section of registry.sections) {
    if (section.kind !== 'map') continue;
    for (const entry of itemsOf(spec, section.key).items) {
      const prefix = pascal(entry.name);
      if (!prefix || !logicalId.startsWith(prefix)) continue;
      const fits = SUFFIXES[section.key]?.test(logicalId.slice(prefix.length)) ?? true;
      const better = !best || (fits && !best.fits) || (fits === best.fits && prefix.length > best.length);
      if (better) best = { path: entry.path, file: entry.file, length: prefix.length, fits };
    }
  }
  return best ? { file: best.file, path: [...best.path, ...detail], at: 'key' } : undefined;
}

/** Resources an environment file's settings make (the network's subnets: its zones and ranges), by logical ID. */
const SETTINGS: [RegExp, (string | number)[]][] = [[/^(Private|Public)Subnet[A-Z]$/, ['network', 'availabilityZones']]];

/** Findings as diagnostics at their spec lines (or environment file lines); the stack's file is named when neither is found. */
export function findingDiagnostics(
  findings: readonly (UpdateFinding & { stackFile?: string })[],
  spec: Spec | undefined,
  registry: Registry,
  environmentFile?: string,
): Diagnostic[] {
  return findings.map((f) => {
    const setting = SETTINGS.find(([pattern]) => pattern.test(f.logicalId))?.[1];
    const location =
      (spec ? locateResource(spec, registry, f.logicalId, f.detail) : undefined) ??
      (setting && environmentFile ? { file: environmentFile, path: setting, at: 'key' as const } : undefined);
    const where = location || !f.stackFile ? '' : ` (in ${f.stackFile})`;
    return {
      code: f.code,
      severity: f.severity,
      message: `${f.message}${where}`,
      fix: f.fix,
      ...(location ? { location } : {}),
    };
  });
}
