/**
 * Platform rules: the correctness properties of the platform design as named checks with
 * stable ids. They read plain CloudFormation templates, so they apply equally to generated
 * stacks and to anything written by hand; `gen build` runs them on every stack, `gen check`
 * on out/, and the property tests reuse them.
 */
export interface CfnResource { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
export interface CfnTemplate { Resources: Record<string, CfnResource>; Outputs?: Record<string, unknown> }

export interface RuleContext {
  /** Environment the template is for: names are prefixed with it, retention must match it. */
  environment: string;
  logRetentionDays: number;
  stackName: string;
}

export interface Violation { resource: string; message: string }

export interface Rule {
  /** Stable id, GEN-P<n> for the design's property n. */
  id: string;
  name: string;
  /** Property of the platform design this rule enforces. */
  property: number;
  title: string;
  description: string;
  fix: string;
  check: (template: CfnTemplate, context: RuleContext) => Violation[];
}

export const resourcesOf = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === type);

/** The literal text of a name that may be a plain string or an Fn::Sub. */
export const literal = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'object' && value && typeof (value as any)['Fn::Sub'] === 'string' ? (value as any)['Fn::Sub'] : undefined;

export { references } from '../output/references.js';
