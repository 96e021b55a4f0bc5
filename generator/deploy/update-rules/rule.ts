/**
 * AWS update rules (GEN701-GEN729): changes the local endpoint accepts but CloudFormation on AWS
 * refuses, or that AWS only accepts one step at a time. A rule reads the pair (deployed template,
 * new template) of one stack, nothing else, so every rule is testable without AWS; `gen diff` and
 * `gen deploy` run them on what is deployed, `gen build` on the previous build in out/<env>/.
 */
import type { Code } from '../../diagnostics.js';
import type { CfnResource } from '../../rules/rule.js';
import type { LocalImpact } from '../replacements.js';

export interface Template {
  Resources?: Record<string, CfnResource>;
  [key: string]: unknown;
}

/** One stack's deployed template and the template a deploy would send, with gen's own diff of them. */
export interface TemplatePair {
  deployed: Template;
  next: Template;
  /** What the change does to each resource (replacements.ts: localImpacts). */
  impacts: Map<string, LocalImpact>;
}

export interface UpdateFinding {
  code: Code;
  severity: 'error' | 'warning';
  /** The resource in the new template (or the deployed one, when it is removed). */
  logicalId: string;
  message: string;
  fix: string;
  /** Below the spec item that made the resource: ['indexes', 'by-status']. */
  detail?: (string | number)[];
  /** gen deploy carries the change out itself, in steps (a warning, never a refusal). */
  staged?: boolean;
}

export interface UpdateRule {
  code: Code;
  /** One line for the README and `gen diff --json`. */
  title: string;
  /** The AWS documentation the rule follows. */
  source: string;
  check: (pair: TemplatePair) => UpdateFinding[];
  /** Reads `impacts` (the CloudFormation specification's replacement rules): skipped by `gen build`, which does not load it. */
  needsImpacts?: true;
}

/** Resources present in both templates with the same type: the ones an update changes in place or replaces. */
export function updatedPairs(pair: TemplatePair, type: string): [string, CfnResource, CfnResource][] {
  const before = pair.deployed.Resources ?? {};
  return Object.entries(pair.next.Resources ?? {}).flatMap(([id, after]) => {
    const old = before[id];
    return old && old.Type === type && after.Type === type
      ? [[id, old, after] as [string, CfnResource, CfnResource]]
      : [];
  });
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
