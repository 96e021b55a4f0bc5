/**
 * Platform rules: the correctness properties of the platform design (GEN-P<n>) and guardrails
 * the design adds around them (GEN-G<n>), as named checks with stable ids. One rule per file:
 * template rules in template/, project rules in project/, all listed in index.ts.
 *
 * Template rules read plain CloudFormation templates, so they apply equally to generated stacks
 * and to anything written by hand; `gen build` runs them on every stack, `gen check` on out/,
 * and the property tests reuse them. A template rule reports resources of the template it is
 * given; a rule whose scope is 'environment' may also read the other stacks of the environment
 * (context.stacks), for facts that span stacks (a queue in one, its consumer in another).
 */
import type { Location, Severity } from '../diagnostics.js';
import type { Environment } from '../environment/model.js';
import type { Registry } from '../sections/section.js';
import type { Spec } from '../spec.js';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, unknown>;
}

/** One stack of an environment: its name, its file in out/<env>/, its template. */
export interface StackToCheck {
  stackName: string;
  file: string;
  template: CfnTemplate;
}

export interface RuleContext {
  /** Environment the template is for: names are prefixed with it, retention must match it. */
  environment: string;
  logRetentionDays: number;
  stackName: string;
  /**
   * Every stack checked together with this one (the environment's), this one included. Absent when
   * a template is checked alone; rules then see that template as the whole environment.
   */
  stacks?: readonly StackToCheck[];
}

export interface Violation {
  /** Logical ID in the checked template (template rules) or a project file (project rules). */
  resource: string;
  message: string;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  /** Overrides the rule's fix for this finding. */
  fix?: string;
  /** Where the finding is written (a key of an environment file), for file:line:col. */
  location?: Location;
}

/** What `gen rules` documents about a rule. */
export interface RuleInfo {
  /** Stable id: GEN-P<n> for the design's property n, GEN-G<n> for a guardrail. Never renumbered. */
  id: string;
  /** Also the rule's file name (template/<name>.ts or project/<name>.ts). */
  name: string;
  /** Property of the platform design this rule enforces; guardrails have none. */
  property?: number;
  title: string;
  description: string;
  fix: string;
  /** 'error' (default) fails the build and `gen check`; 'warning' is reported only. */
  severity?: Severity;
}

/** A rule over CloudFormation templates. */
export interface Rule extends RuleInfo {
  /** 'stack': reads only the template it is given. 'environment': may also read context.stacks. */
  scope: 'stack' | 'environment';
  check: (template: CfnTemplate, context: RuleContext) => Violation[];
}

/** What a project rule reads: the spec (its root holds handlers/), every environment, the sections. */
export interface Project {
  spec: Spec;
  environments: Environment[];
  registry?: Registry;
}

/** A rule over the project (spec, handlers, environment files) rather than templates. */
export interface ProjectRule extends RuleInfo {
  scope: 'project';
  check: (project: Project) => Violation[];
}

export type AnyRule = Rule | ProjectRule;

export const resourcesOf = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);

/** The literal text of a name that may be a plain string or an Fn::Sub. */
export const literal = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  const sub = value && typeof value === 'object' ? (value as Record<string, unknown>)['Fn::Sub'] : undefined;
  return typeof sub === 'string' ? sub : undefined;
};

/** Statements of a policy document, whether Statement is one object or a list. */
export const statementsOf = (document: any): any[] => [document?.Statement ?? []].flat();

/** CloudFormation takes "true"/"false" strings wherever it takes booleans. */
export const isTrue = (value: unknown) => value === true || value === 'true';

export { references } from '../output/references.js';
